using System.Diagnostics;
using System.Globalization;
using System.Text;
using CQEN.ProfileGen.GitHub;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Bench;

/// <summary>
/// The organization read against a stand-in that costs what GitHub costs (CostModel: latency that
/// grows with what a page asks, 502 past 10 s, RESOURCE_LIMITS_EXCEEDED above a budget): a first
/// run with an empty read cache, an unchanged rerun, and a rerun after 1 % of the repositories
/// changed, side by side on one organization. 1% of the READMEs are over 512 KB (GitHub: isBinary null). GitHub's time is the model's, summed over the requests (the reader asks
/// one page at a time); real sleeps are scaled down 1,000 times so the bench stays short.
/// </summary>
internal static class CostModelScenarios
{
    private const string Token = "ghs_benchCosts";

    public static async Task<int> ReportAsync(string[] sizes)
    {
        var counts = sizes.Length > 0 ? sizes.Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() : [1_000, 20_000];
        Console.WriteLine("| run | repositories | completed | GraphQL requests (target) | REST requests | 502s | resource refusals | GitHub's time under the model (min) | fits 15 min |");
        Console.WriteLine("|---|---:|---|---:|---:|---:|---:|---:|---|");
        foreach (var n in counts)
        {
            await using var github = await StandInGitHubServer.StartAsync();
            StandInData.GenerateOrg(github.State, "bench-org", n);
            WithLargeReadmes(github.State, n);
            github.State.RateLimit = int.MaxValue;
            github.State.AddToken(Token);
            github.Costs = new CostModel();
            var cache = Directory.CreateTempSubdirectory("profilegen-bench-cache-").FullName;
            try
            {
                var listPages = (n + 1 + GraphQlOrgReader.FirstPageSize - 1) / GraphQlOrgReader.FirstPageSize;
                var changed = Math.Max(1, n / 100);
                // The health pass reads every repository every run (GraphQlHealth): its batches count in every target.
                listPages += (n + 1 + GraphQlHealth.PerBatch - 1) / GraphQlHealth.PerBatch;
                foreach (var (name, target, arrange) in new (string, string, Action?)[]
                {
                    ("first run (no cache)", "", null),
                    ("unchanged rerun (cache)", $"{listPages}", null),
                    ($"rerun, 1 % changed ({changed:N0})", $"{listPages + (changed + 99) / 100}", () => Change(github.State, n, changed)),
                })
                {
                    arrange?.Invoke();
                    var r = await RunAsync(github, n, cache);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {name} | {n:N0} | {(r.Error is null ? "yes" : "no: " + r.Error)} | {r.GraphQl:N0}{(target.Length > 0 ? $" (≤ {target})" : "")} | {r.Rest:N0} | {r.Timeouts:N0} | {r.Refusals:N0} | {r.ModelledMinutes:F1} | {(r.Error is null && r.ModelledMinutes <= 15 ? "yes" : "no")} |"));
                }
            }
            finally
            {
                Directory.Delete(cache, recursive: true);
            }
            await HealthCostAsync(github, n);
        }
        return 0;
    }

    // The health pass's share of the runs above (GraphQlHealth: a batch of 100 per request), per
    // 1,000 repositories; and what the same fields would add to a list page of 100 instead.
    private static async Task HealthCostAsync(StandInGitHubServer github, int repositories)
    {
        var health = github.Log.All.Where(r => r.Body?.Contains("query Health", StringComparison.Ordinal) == true).ToArray();
        var endpoint = GitHubEndpoint.Parse(github.ApiUrl);
        var client = GitHubClientFactory.Create(endpoint, Token, () => new SocketsHttpHandler());
        var names = github.State.ReposOf("bench-org").Select(r => new CQEN.ProfileGen.Snapshots.RepoSnapshot { Name = r.Name, FullName = r.FullName, Url = $"https://github.com/{r.FullName}" }).ToList();
        var before = github.ModelledSeconds;
        await new GraphQlHealth(client, endpoint).ReadAsync("bench-org", names);
        var passSeconds = github.ModelledSeconds - before;
        var perThousand = 1_000.0 / (repositories + 1);
        var light = await PageSecondsAsync(github, GraphQlOrgReader.Query);
        var heavy = await PageSecondsAsync(github, GraphQlOrgReader.Query.Replace(
            "root: object(expression: \"HEAD:\")", "ciHead: defaultBranchRef { target { ... on Commit { statusCheckRollup { state } } } } " + GraphQlHealth.Fields.Replace("defaultBranchRef { target { ... on Commit { statusCheckRollup { state } } } }", "", StringComparison.Ordinal) + " root: object(expression: \"HEAD:\")", StringComparison.Ordinal));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"\nHealth, {repositories:N0} repositories: {health.Length} request(s) a run ({GraphQlHealth.PerBatch} repositories each), {passSeconds:F1} s of GitHub's time under the model: "
            + $"added per 1,000 repositories: {(repositories + 1.0) / GraphQlHealth.PerBatch * perThousand:F0} requests, {passSeconds * perThousand:F1} s ({passSeconds * perThousand / 60:F2} min), 0 REST, on every run (CI and releases change without a push). "
            + $"The same fields in the list page instead: a page of 100 takes {heavy:F2} s instead of {light:F2} s (+{heavy - light:F2} s; a page keeps under 9.5 s of GitHub's 10 s clock)."));
    }

    // GitHub's modelled time for the first list page of 100 asked with this document.
    private static async Task<double> PageSecondsAsync(StandInGitHubServer github, string query)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, GitHubEndpoint.Parse(github.ApiUrl).GraphQl)
        {
            Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { query, variables = new { org = "bench-org", cursor = (string?)null, first = 100 } }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        request.Headers.UserAgent.ParseAdd("profilegen-bench");
        var before = github.ModelledSeconds;
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || body.Contains("\"errors\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the page was refused: {(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}");
        }
        return github.ModelledSeconds - before;
    }

    private sealed record Outcome(string? Error, int GraphQl, int Rest, int Timeouts, int Refusals, double ModelledMinutes);

    private static async Task<Outcome> RunAsync(StandInGitHubServer github, int repositories, string cache)
    {
        github.Log.Clear();
        var (seconds, timeouts, refusals) = (github.ModelledSeconds, github.Timeouts, github.ResourceRefusals);
        var endpoint = GitHubEndpoint.Parse(github.ApiUrl);
        // Backoff in milliseconds: the model's clock, not the bench's, is what is reported.
        var resilience = new ResilienceOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(10) };
        var client = GitHubClientFactory.Create(endpoint, Token, () => new GitHubResilienceHandler(new SocketsHttpHandler(), resilience, TimeProvider.System));
        var reader = new GraphQlOrgReader(client, endpoint, TimeProvider.System, OctokitGateway.MaxRestInFlight) { CacheDirectory = cache };
        string? error = null;
        var clock = Stopwatch.StartNew();
        try
        {
            var snapshot = await reader.ReadAsync("bench-org", CancellationToken.None);
            if (snapshot.Repos.Count != repositories + 1)
            {
                error = $"{snapshot.Repos.Count} repositories read";
            }
        }
        catch (GitHubException ex)
        {
            error = ex.Message.Length > 80 ? ex.Message[..80] + "…" : ex.Message;
        }
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{repositories} repositories: {clock.Elapsed.TotalSeconds:F1} s real"));
        var graphQl = github.Log.All.Count(r => r.Path.EndsWith("/graphql", StringComparison.Ordinal));
        return new Outcome(error, graphQl, github.Log.All.Count - graphQl, github.Timeouts - timeouts, github.ResourceRefusals - refusals, (github.ModelledSeconds - seconds) / 60);
    }

    // A push to the README of one repository in a hundred, spread over the organization.
    private static void Change(GitHubState state, int repositories, int changed)
    {
        lock (state.Gate)
        {
            for (var k = 0; k < changed; k++)
            {
                var repo = state.Repo("bench-org", $"projet-{k * (repositories / changed) + 7:00000}");
                repo.Commit("main", new Dictionary<string, string> { ["README.md"] = (repo.TextAt("main", "README.md") ?? "# README\n") + "\nUne ligne de plus.\n" }, "Edit README");
            }
        }
    }

    // One README in a hundred gets 600 KB of prose under its header (a changelog pasted in).
    private static void WithLargeReadmes(GitHubState state, int repositories)
    {
        var prose = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Une ligne de journal des modifications, longue et sans fin.\n", 600 * 1024 / 60)));
        for (var i = 50; i < repositories; i += 100)
        {
            var repo = state.Repo("bench-org", $"projet-{i:00000}");
            var head = repo.Git.Resolve("main")!;
            var tree = new SortedDictionary<string, string>(repo.Git.Trees[repo.Git.Commits[head].Tree], StringComparer.Ordinal);
            var readme = repo.TextAt("main", "README.md") ?? "# README\n";
            tree["README.md"] = repo.Git.AddBlob([.. Encoding.UTF8.GetBytes(readme), .. prose]);
            repo.Git.Refs["refs/heads/main"] = repo.Git.AddCommit(repo.Git.AddTree(tree), [head], "Changelog", "octocat");
        }
    }
}
