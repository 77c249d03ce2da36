using Octokit;

namespace CQEN.ProfileGen.GitHub;

// The read-only questions `profilegen doctor` asks before a run writes anything. A refusal
// (403) or an absence (404) of what only an administrator may read is an answer ("could not
// check"), not a failure of the run.
internal sealed partial class OctokitGateway
{
    public async Task<TokenReading> ReadTokenAsync(CancellationToken ct)
    {
        // GET /rate_limit is free, and GitHub sends a classic token's scopes back on every answer.
        var response = await GitHubErrors.Guard(() => client.Connection.Get<RateLimitAnswer>(new Uri("rate_limit", UriKind.Relative), null), "the rate limit").ConfigureAwait(false);
        var scopes = response.HttpResponse.Headers.FirstOrDefault(h => h.Key.Equals("X-OAuth-Scopes", StringComparison.OrdinalIgnoreCase)) is { Key: not null } header
            ? header.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : null;
        static RateBudget? Budget(RateAnswer? r) => r is null ? null : new RateBudget(r.Limit, r.Remaining, DateTimeOffset.FromUnixTimeSeconds(r.Reset));
        return new TokenReading(scopes, Budget(response.Body.Resources?.Core), Budget(response.Body.Resources?.Graphql));
    }

    public async Task<RepoAccess?> ReadRepositoryAccessAsync(string owner, string repo, CancellationToken ct)
    {
        var found = await GitHubErrors.GuardOptional(() => client.Repository.Get(owner, repo), $"{owner}/{repo}").ConfigureAwait(false);
        return found is null
            ? null
            : new RepoAccess(found.Visibility?.ToString().ToLowerInvariant() ?? (found.Private ? "private" : "public"), found.DefaultBranch, found.Permissions?.Push, found.Permissions?.Admin);
    }

    public async Task<int?> CountRepositoriesAsync(string org, CancellationToken ct)
    {
        var found = await GitHubErrors.GuardOptional(() => client.Organization.Get(org), $"organization '{org}'").ConfigureAwait(false);
        return found is null ? null : found.PublicRepos + (found.TotalPrivateRepos is { } p ? (int)p : 0);
    }

    public Task<Answer<bool>> ReadActionsMayApprovePullRequestsAsync(string owner, string? repo, CancellationToken ct) =>
        Optional(async () =>
        {
            var path = repo is null ? $"orgs/{owner}/actions/permissions/workflow" : $"repos/{owner}/{repo}/actions/permissions/workflow";
            var answer = await client.Connection.Get<WorkflowPermissionsAnswer>(new Uri(path, UriKind.Relative), null).ConfigureAwait(false);
            return answer.Body.CanApprovePullRequestReviews;
        }, repo is null ? $"the Actions settings of '{owner}'" : $"the Actions settings of {owner}/{repo}");

    public Task<Answer<IReadOnlyList<string>>> ReadBranchRulesAsync(string owner, string repo, string branch, CancellationToken ct) =>
        Optional<IReadOnlyList<string>>(async () =>
        {
            var escaped = string.Join('/', branch.Split('/').Select(Uri.EscapeDataString));
            var rules = await client.Connection.Get<List<RuleAnswer>>(new Uri($"repos/{owner}/{repo}/rules/branches/{escaped}", UriKind.Relative), new Dictionary<string, string> { ["per_page"] = "100" }).ConfigureAwait(false);
            return [.. rules.Body.Select(r => r.Type).Distinct(StringComparer.Ordinal)];
        }, $"the rules on {owner}/{repo}:{branch}");

    public Task<Answer<IReadOnlyList<string>>> ReadLabelNamesAsync(string owner, string repo, CancellationToken ct) =>
        Optional<IReadOnlyList<string>>(async () => [.. (await client.Issue.Labels.GetAllForRepository(owner, repo).ConfigureAwait(false)).Select(l => l.Name)],
            $"the labels of {owner}/{repo}");

    public Task<Answer<bool>> IsCollaboratorAsync(string owner, string repo, string login, CancellationToken ct) =>
        Optional(() => client.Repository.Collaborator.IsCollaborator(owner, repo, login), $"whether '{login}' is a collaborator of {owner}/{repo}");

    // 403 and 404 are GitHub's way of saying "not for this token": the answer is unknown, with GitHub's words.
    private static async Task<Answer<T>> Optional<T>(Func<Task<T>> call, string what)
    {
        try
        {
            return new Answer<T>(await GitHubErrors.Guard(call, what).ConfigureAwait(false), null);
        }
        catch (GitHubException ex) when (ex.StatusCode is 403 or 404 && ex is not RateLimitException)
        {
            return new Answer<T>(default, ex.Message);
        }
    }

    // Shapes of GitHub's answers that Octokit 14 has no type for (its serializer fills public setters from snake_case).
    internal sealed class RateLimitAnswer
    {
        public RateResources? Resources { get; set; }
    }

    internal sealed class RateResources
    {
        public RateAnswer? Core { get; set; }
        public RateAnswer? Graphql { get; set; }
    }

    internal sealed class RateAnswer
    {
        public long Limit { get; set; }
        public long Remaining { get; set; }
        public long Reset { get; set; }
    }

    internal sealed class WorkflowPermissionsAnswer
    {
        public bool CanApprovePullRequestReviews { get; set; }
    }

    internal sealed class RuleAnswer
    {
        public string Type { get; set; } = "";
    }
}
