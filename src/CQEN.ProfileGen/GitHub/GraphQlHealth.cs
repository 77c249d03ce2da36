using CQEN.ProfileGen.Snapshots;
using Octokit;

namespace CQEN.ProfileGen.GitHub;

/// <summary>
/// Reads the health of every repository in batches of 100 aliased <c>repository()</c> lookups,
/// one request in flight: whether GitHub sees a security policy (<c>isSecurityPolicyEnabled</c>,
/// which counts the organization's inherited default), a code of conduct and contributing
/// guidelines (with their pages), the latest release, whether the repository is disabled, and the
/// default branch's head commit <c>statusCheckRollup.state</c>. Every field is GitHub's published
/// schema's. Why a pass of its own: these 12 fields cost a list page of 100 about 1.3 s more under
/// the stand-in's cost model (8.7 → 10 s, past the 9.5 s a page keeps under GitHub's 10 s clock),
/// where a batch of 100 costs about 4 s on its own (the bench's costs mode prints both).
/// A token that may not read a commit's checks and statuses gets FORBIDDEN on
/// <c>statusCheckRollup</c> with the rest answered: that repository's CI is "unknown", never
/// failing. Any other error ends the run (never a profile from partial data).
/// </summary>
internal sealed class GraphQlHealth(IGitHubClient client, GitHubEndpoint endpoint, bool adaptive = true)
{
    /// <summary>Repositories per request.</summary>
    internal const int PerBatch = 100;

    internal const string Fields = "isDisabled isSecurityPolicyEnabled codeOfConduct { url } contributingGuidelines { url } latestRelease { tagName publishedAt } defaultBranchRef { target { ... on Commit { statusCheckRollup { state } } } }";

    /// <summary>
    /// The same fields asked in the batched files query (GraphQlOrgReader), for the repositories whose
    /// files are read anyway: the head commit's CI under the alias <c>ci</c>, beside the files query's
    /// own <c>defaultBranchRef</c>. A repository that changed then costs no batch of its own.
    /// </summary>
    internal const string FilesBatchFields = "isDisabled isSecurityPolicyEnabled codeOfConduct { url } contributingGuidelines { url } latestRelease { tagName publishedAt } ci: defaultBranchRef { target { ... on Commit { statusCheckRollup { state } } } }";

    internal static string Query(int repositories)
    {
        var query = new System.Text.StringBuilder("query Health($owner: String!");
        for (var i = 0; i < repositories; i++)
        {
            query.Append($", $n{i}: String!");
        }
        query.Append(") {\n");
        for (var i = 0; i < repositories; i++)
        {
            query.Append($"  h{i}: repository(owner: $owner, name: $n{i}) {{ {Fields} }}\n");
        }
        return query.Append('}').ToString();
    }

    /// <summary>The repositories with their health (a repository GitHub no longer finds keeps none).</summary>
    public async Task<List<RepoSnapshot>> ReadAsync(string org, List<RepoSnapshot> repos)
    {
        var read = new List<RepoSnapshot>(repos.Count);
        for (var start = 0; start < repos.Count; start += PerBatch)
        {
            var batch = repos.GetRange(start, Math.Min(PerBatch, repos.Count - start));
            var health = await BatchAsync(org, batch.Select(r => r.Name).ToArray()).ConfigureAwait(false);
            read.AddRange(batch.Select(r => health.TryGetValue(r.Name, out var h) ? r with { Health = h } : r));
        }
        return read;
    }

    private async Task<Dictionary<string, RepoHealthRead>> BatchAsync(string org, string[] names)
    {
        var variables = new Dictionary<string, object?> { ["owner"] = org };
        for (var i = 0; i < names.Length; i++)
        {
            variables[$"n{i}"] = names[i];
        }
        var what = $"the health of the repositories of '{org}' (GraphQL)";
        GraphQlAnswer<Dictionary<string, HealthNode?>> answer;
        using (adaptive ? GitHubResilienceHandler.CallerShrinksHeavyRequests() : null)
        {
            try
            {
                answer = await GraphQl.SendAsync(client, endpoint, Query(names.Length), variables, GraphQlJson.Default.GraphQlAnswerDictionaryStringHealthNode, what).ConfigureAwait(false);
            }
            catch (GitHubException ex) when (adaptive && names.Length > 1 && ex.StatusCode is 502 or 504)
            {
                return await HalvesAsync(org, names).ConfigureAwait(false);
            }
        }
        if (adaptive && names.Length > 1 && answer.Errors?.Any(GraphQlOrgReader.IsTooHeavy) == true)
        {
            return await HalvesAsync(org, names).ConfigureAwait(false);
        }
        var unreadableCi = new HashSet<string>(StringComparer.Ordinal);
        var others = new List<GraphQlError>();
        foreach (var error in answer.Errors ?? [])
        {
            if (CiAlias(error) is { } alias)
            {
                unreadableCi.Add(alias);
            }
            else if (error.Type != "NOT_FOUND") // a repository deleted since the list was read: it keeps no health
            {
                others.Add(error);
            }
        }
        if (others.Count > 0)
        {
            throw new GitHubException($"GitHub's GraphQL API refused the query for {what}: {string.Join("; ", others.Select(e => e.Message ?? "unknown error")).ReplaceLineEndings(" ")}");
        }
        var data = answer.Data ?? throw new GitHubException($"GitHub's GraphQL API gave no data for {what}");
        var health = new Dictionary<string, RepoHealthRead>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            if (data.GetValueOrDefault($"h{i}") is { } node)
            {
                health[names[i]] = Read(node, unreadableCi.Contains($"h{i}"));
            }
        }
        return health;
    }

    private async Task<Dictionary<string, RepoHealthRead>> HalvesAsync(string org, string[] names)
    {
        var first = await BatchAsync(org, names[..(names.Length / 2)]).ConfigureAwait(false);
        foreach (var (name, health) in await BatchAsync(org, names[(names.Length / 2)..]).ConfigureAwait(false))
        {
            first[name] = health;
        }
        return first;
    }

    // The alias an error is about when it refuses only its CI state: FORBIDDEN (or a missing
    // scope) at hN.defaultBranchRef.target.statusCheckRollup.
    internal static string? CiAlias(GraphQlError error) =>
        error.Kind is "FORBIDDEN" or "INSUFFICIENT_SCOPES" && error.Path is { Count: > 1 } path
        && path[^1].ValueKind == System.Text.Json.JsonValueKind.String && path[^1].GetString() == "statusCheckRollup"
        && path[0].ValueKind == System.Text.Json.JsonValueKind.String
            ? path[0].GetString()
            : null;

    // GitHub's StatusState in lower case, the known words without a copy per repository.
    private static string StateWord(string state) => state switch
    {
        "SUCCESS" => "success",
        "FAILURE" => "failure",
        "ERROR" => "error",
        "PENDING" => "pending",
        "EXPECTED" => "expected",
        _ => state.ToLowerInvariant(),
    };

    internal static RepoHealthRead Read(HealthNode n, bool ciUnreadable) => new()
    {
        SecurityPolicy = n.IsSecurityPolicyEnabled is { } enabled ? CommunityFileRead.Of(enabled) : null,
        CodeOfConduct = CommunityFileRead.Of(n.CodeOfConduct is not null, n.CodeOfConduct?.Url),
        Contributing = CommunityFileRead.Of(n.ContributingGuidelines is not null, n.ContributingGuidelines?.Url),
        Ci = ciUnreadable ? HealthValues.Unknown
            : n.DefaultBranchRef?.Target?.StatusCheckRollup?.State is { } state ? StateWord(state)
            : HealthValues.None, // no check or status on the head commit (or no commit at all)
        ReleaseRead = true,
        LatestRelease = n.LatestRelease is { TagName: { } tag } release ? new ReleaseRead(tag, release.PublishedAt) : null,
        Disabled = n.IsDisabled,
    };
}
