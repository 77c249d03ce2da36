using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;

namespace CQEN.ProfileGen.Tests.StandInGitHub;

// What GitHub refuses on the publish path, with its status and words (sources in
// shared/github-api/REAL-GITHUB.md R1, R5, R6, R8–R10): a token's permissions by kind, the Actions
// pull request setting, labels that would need creating, reviewers who cannot be asked, drafts
// on a Free plan's private repository, and the rules of rulesets on branch moves.
public sealed partial class StandInGitHubServer
{
    private void MapPermissionRoutes(IEndpointRouteBuilder app) =>
        MapRepo(app, "GET", "/rules/branches/{**branch}", BranchRules);

    // GET /repos/{o}/{r}/rules/branches/{branch}: the active rules on a branch, whoever may read the repository.
    private static Response BranchRules(Call call, FakeRepo repo) =>
        Json(200, new JsonArray([.. repo.Rules.Where(r => r.Applies("refs/heads/" + call["branch"])).Select((r, i) => (JsonNode)new JsonObject
        {
            ["type"] = r.Type,
            ["ruleset_source_type"] = "Organization",
            ["ruleset_source"] = repo.Owner,
            ["ruleset_id"] = 100 + i,
        })]));

    /// <summary>403 for a token without the permission a route needs, in the words GitHub uses for its kind.</summary>
    private static ApiError NotAccessible(FakeToken user, string documentationUrl = "https://docs.github.com/rest") =>
        new(Error(403, user.Kind == TokenKind.FineGrainedPat ? "Resource not accessible by personal access token" : "Resource not accessible by integration", documentationUrl));

    private static void Require(FakeToken user, FakeRepo repo, string documentationUrl, params string[] anyOf)
    {
        if (!anyOf.Any(p => user.May(p, "write", repo)))
        {
            throw NotAccessible(user, documentationUrl);
        }
    }

    // R1: a GITHUB_TOKEN may open a pull request only where both levels of the setting are on.
    private void RequireActionsMayCreatePullRequests(FakeToken user, FakeRepo repo)
    {
        var orgAllows = State.Orgs.TryGetValue(repo.Owner, out var org) && org.ActionsCanCreatePullRequests;
        if (user.Kind == TokenKind.Actions && !(orgAllows && repo.ActionsCanCreatePullRequests))
        {
            throw new ApiError(Error(403, "GitHub Actions is not permitted to create or approve pull requests.", "https://docs.github.com/rest/pulls/pulls#create-a-pull-request"));
        }
    }

    // R6: adding a label that does not exist creates it, which needs issues: write.
    private static void CreateMissingLabels(FakeToken user, FakeRepo repo, IReadOnlyList<string> labels)
    {
        var missing = labels.Where(l => !repo.Labels.Contains(l)).ToArray();
        if (missing.Length > 0 && !user.May("issues", "write", repo))
        {
            throw new ApiError(Json(403, new JsonObject
            {
                ["message"] = "You do not have permission to create labels on this repository.",
                ["errors"] = new JsonArray(new JsonObject { ["resource"] = "Repository", ["field"] = "label", ["code"] = "unauthorized" }),
                ["documentation_url"] = "https://docs.github.com/rest/issues/labels#add-labels-to-an-issue",
                ["status"] = "403",
            }));
        }
        repo.Labels.UnionWith(missing);
    }

    // R9 and R5: reviewers must be collaborators and not the author; teams need a token that can read them.
    private void CheckReviewers(FakeToken user, FakeRepo repo, FakePullRequest pull, IReadOnlyList<string> reviewers, IReadOnlyList<string> teams)
    {
        if (reviewers.Any(r => r.Equals(pull.Author, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ApiError(Validation("PullRequest", "custom", "Review cannot be requested from pull request author."));
        }
        if (teams.Count > 0 && !user.May("members", "read", repo))
        {
            // GITHUB_TOKEN and Apps without members: read cannot resolve the team (actions/github-script#284).
            throw new ApiError(Validation("PullRequest", "custom", $"Could not resolve to a node with the global id of '{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("04:Team" + teams[0]))}'."));
        }
        var orgTeams = State.Orgs.TryGetValue(repo.Owner, out var org) ? org.Teams : [];
        if (reviewers.Any(r => !repo.Collaborators.Contains(r)) || teams.Any(t => !orgTeams.Contains(t)))
        {
            throw new ApiError(Validation("PullRequest", "custom", $"Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the {repo.FullName} repository."));
        }
    }

    // R10: GitHub Free has draft pull requests on public repositories only.
    private void CheckDraft(FakeRepo repo, bool draft)
    {
        if (draft && repo.Visibility != "public" && State.Orgs.TryGetValue(repo.Owner, out var org) && org.Plan == "free")
        {
            throw new ApiError(Validation("PullRequest", "custom", "Draft pull requests are not supported in this repository."));
        }
    }

    /// <summary>
    /// R8: what the rules on <paramref name="refName"/> say about moving it from
    /// <paramref name="before"/> to <paramref name="after"/> (null: absent), or null when allowed.
    /// </summary>
    private static string? RuleRefusal(FakeRepo repo, string refName, string? before, string? after)
    {
        var rules = repo.Rules.Where(r => r.Applies(refName)).Select(r => r.Type).ToHashSet();
        if (before is null && after is not null && rules.Contains("creation"))
        {
            return "Cannot create ref due to creations being restricted.";
        }
        if (before is not null && after is null && rules.Contains("deletion"))
        {
            return "Cannot delete this branch";
        }
        if (before is not null && after is not null && rules.Contains("non_fast_forward") && !repo.Git.IsAncestor(before, after))
        {
            return "Cannot force-push to this branch";
        }
        if (after is not null && rules.Contains("required_signatures") && NewCommits(repo.Git, before, after).Any(repo.Git.Unsigned.Contains))
        {
            return "Commits must have verified signatures.";
        }
        return null;
    }

    private static IEnumerable<string> NewCommits(GitStore git, string? before, string after)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([after]);
        while (queue.TryDequeue(out var sha))
        {
            if (!seen.Add(sha) || (before is not null && git.IsAncestor(sha, before)))
            {
                continue;
            }
            yield return sha;
            foreach (var parent in git.Commits.TryGetValue(sha, out var c) ? c.Parents : [])
            {
                queue.Enqueue(parent);
            }
        }
    }

    private static void CheckRules(FakeRepo repo, string refName, string? before, string? after, string documentationUrl)
    {
        if (RuleRefusal(repo, refName, before, after) is { } refusal)
        {
            throw new ApiError(Error(422, $"Repository rule violations found\n\n{refusal}\n\n", documentationUrl));
        }
    }
}
