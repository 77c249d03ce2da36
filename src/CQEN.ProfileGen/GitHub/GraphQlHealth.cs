using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.GitHub;

/// <summary>
/// The health fields the organization's list pages ask for each repository, in the same request
/// (no request more), and how their answers become a <see cref="RepoHealthRead"/>. Every field is
/// GitHub's published schema's (Repository, Commit, StatusCheckRollup, Release). A token that
/// may not read a commit's checks and statuses gets FORBIDDEN on <c>statusCheckRollup</c> with
/// the rest of the page answered: that repository's CI is unknown, never failing, and the page is kept.
/// </summary>
internal static class GraphQlHealth
{
    /// <summary>Appended to each repository node of <see cref="GraphQlOrgReader.Query"/>.</summary>
    internal const string Selection = "isDisabled isSecurityPolicyEnabled codeOfConduct { url } contributingGuidelines { url } latestRelease { tagName publishedAt } ciHead: defaultBranchRef { target { ... on Commit { statusCheckRollup { state } } } }";

    /// <summary>The answer without the errors that only say a repository's CI may not be read (recorded in <paramref name="unreadable"/>).</summary>
    public static GraphQlAnswer<OrgReposData> SetAsideUnreadableCi(GraphQlAnswer<OrgReposData> answer, System.Collections.Concurrent.ConcurrentDictionary<string, bool> unreadable)
    {
        if (answer.Errors is not { Count: > 0 } errors)
        {
            return answer;
        }
        var nodes = answer.Data?.Organization?.Repositories?.Nodes;
        var kept = new List<GraphQlError>();
        foreach (var error in errors)
        {
            if (CiRepository(error, nodes) is { } name)
            {
                unreadable[name] = true;
            }
            else
            {
                kept.Add(error);
            }
        }
        return answer with { Errors = kept.Count == 0 ? null : kept };
    }

    // The repository an error is about when it refuses only its statusCheckRollup: FORBIDDEN (or a
    // missing scope) at organization.repositories.nodes[i].ciHead.target.statusCheckRollup.
    private static string? CiRepository(GraphQlError error, IReadOnlyList<RepoNode?>? nodes)
    {
        if (error.Kind is not ("FORBIDDEN" or "INSUFFICIENT_SCOPES") || error.Path is not { Count: > 4 } path
            || path[^1].ValueKind != System.Text.Json.JsonValueKind.String || path[^1].GetString() != "statusCheckRollup"
            || path[3].ValueKind != System.Text.Json.JsonValueKind.Number || path[2].ValueKind != System.Text.Json.JsonValueKind.String || path[2].GetString() != "nodes")
        {
            return null;
        }
        var index = path[3].GetInt32();
        return nodes is not null && index >= 0 && index < nodes.Count ? nodes[index]?.Name : null;
    }

    public static RepoHealthRead Read(RepoNode n, bool ciUnreadable) => new()
    {
        SecurityPolicy = n.IsSecurityPolicyEnabled is { } enabled ? new CommunityFileRead(enabled, enabled ? $"{n.Url}/security/policy" : null) : null,
        CodeOfConduct = new CommunityFileRead(n.CodeOfConduct is not null, n.CodeOfConduct?.Url),
        Contributing = new CommunityFileRead(n.ContributingGuidelines is not null, n.ContributingGuidelines?.Url),
        Ci = ciUnreadable ? HealthValues.Unknown
            : n.DefaultBranchRef is null ? HealthValues.None // an empty repository: nothing to check
            : n.CiHead?.Target?.StatusCheckRollup?.State is { } state ? state.ToLowerInvariant()
            : HealthValues.None,
        ReleaseRead = true,
        LatestRelease = n.LatestRelease is { TagName: { } tag } release ? new ReleaseRead(tag, release.PublishedAt) : null,
        Disabled = n.IsDisabled,
    };
}
