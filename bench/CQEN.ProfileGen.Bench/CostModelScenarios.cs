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
/// changed, for today's reader (GraphQL list pages to the end) and this one (REST list pages when
/// the GraphQL list would not fit the run's 15 minutes), side by side on the same organization.
/// 1% of the READMEs are over 512 KB (GitHub: isBinary null). GitHub's time is the model's wall
/// time (requests in flight together overlap; the tool's own time is not counted); real sleeps are
/// scaled down 20 times so the bench stays short. Then the peak memory of each reader reading
/// 50,000 repositories and rendering them, each in a process of its own.
/// </summary>
internal static class CostModelScenarios
{
    private const string Token = "ghs_benchCosts";

    /// <summary>The readers compared: today's (main before #22's REST list: GraphQL pages to the end) and this one.</summary>
    private static readonly (string Name, bool RestList)[] Readers = [("today's reader (GraphQL list)", false), ("this reader (REST list when slow)", true)];

    public static async Task<int> ReportAsync(string[] sizes)
    {
        var numbers = sizes.Where(s => !s.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var counts = numbers.Length > 0 ? numbers.Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() : [1_000, 20_000];
        var rows = new List<string>();
        foreach (var n in sizes.Contains("--memory-only") ? [] : counts)
        {
            foreach (var (readerName, restList) in Readers)
            {
                rows.AddRange(await RunReaderAsync(n, readerName, restList));
            }
            rows.AddRange(await ResumedFirstReadAsync(n));
        }
        if (rows.Count > 0)
        {
            Console.WriteLine("| reader | repositories | run | completed | GraphQL requests | REST requests | all requests (target) | 502s | GitHub's time under the model (min) | fits 15 min |");
            Console.WriteLine("|---|---:|---|---|---:|---:|---:|---:|---:|---|");
            foreach (var row in rows)
            {
                Console.WriteLine(row);
            }
        }
        foreach (var n in sizes.Contains("--memory-only") ? [] : counts)
        {
            await HealthReportAsync(n);
        }
        if (!sizes.Contains("--no-memory"))
        {
            Console.WriteLine();
            Console.WriteLine("| reader | repositories | requests | peak memory (MB) | under 300 MB |");
            Console.WriteLine("|---|---:|---:|---:|---|");
            foreach (var (readerName, restList) in Readers)
            {
                var r = await MemoryAsync(MemoryRepositories, restList);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {readerName}{(r.Note is null ? "" : $" ({r.Note})")} | {MemoryRepositories:N0} | {r.Requests:N0} | {r.PeakMemoryMb:F0} | {(r.Note is null && r.PeakMemoryMb < 300 ? "yes" : "no")} |"));
            }
        }
        return 0;
    }

    // The health pass's cost on an organization of n repositories under the cost model.
    private static async Task HealthReportAsync(int n)
    {
        await using var github = await StandInGitHubServer.StartAsync();
        StandInData.GenerateOrg(github.State, "bench-org", n);
        github.State.RateLimit = int.MaxValue;
        github.State.AddToken(Token);
        github.Costs = new CostModel();
        await HealthCostAsync(github, n);
    }

    // The health pass's share of the runs above (GraphQlHealth: a batch of 100 per request), per
    // 1,000 repositories; and what the same fields would add to a list page of 100 instead.
    private static async Task HealthCostAsync(StandInGitHubServer github, int repositories)
    {
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
        // What the reader does now: the health fields in the file batch of the repositories it reads.
        var batch = github.State.ReposOf("bench-org").Take(GraphQlOrgReader.FilesPerBatch)
            .Select(r => new GraphQlOrgReader.WantedFiles(r.Name, "README.md", null, false, false)).ToArray();
        var files = await FilesSecondsAsync(github, batch);
        var filesWithHealth = await FilesSecondsAsync(github, [.. batch.Select(w => w with { Health = true })]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"\nHealth in the file batch (this reader): a batch of {batch.Length} READMEs takes {filesWithHealth:F2} s with the health fields instead of {files:F2} s: "
            + $"added per 1,000 repositories read: 0 requests, {(filesWithHealth - files) * 1_000 / batch.Length:F1} s of GitHub's time under the model."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"\nHealth as a pass of its own (before), {repositories:N0} repositories ({GraphQlHealth.PerBatch} a request), {passSeconds:F1} s of GitHub's time under the model: "
            + $"added per 1,000 repositories: {(repositories + 1.0) / GraphQlHealth.PerBatch * perThousand:F0} requests, {passSeconds * perThousand:F1} s ({passSeconds * perThousand / 60:F2} min), 0 REST, on a first run (later runs with the read cache ask only for repositories pushed to, or whose CI had not settled). "
            + $"The same fields in the list page instead: a page of 100 takes {heavy:F2} s instead of {light:F2} s (+{heavy - light:F2} s; a page keeps under 9.5 s of GitHub's 10 s clock)."));
    }

    // GitHub's modelled time for one batched files request.
    private static Task<double> FilesSecondsAsync(StandInGitHubServer github, GraphQlOrgReader.WantedFiles[] batch)
    {
        var variables = new Dictionary<string, object?> { ["owner"] = "bench-org" };
        for (var i = 0; i < batch.Length; i++)
        {
            variables[$"n{i}"] = batch[i].Name;
            variables[$"r{i}"] = "HEAD:" + batch[i].Readme;
        }
        return ModelledSecondsAsync(github, GraphQlOrgReader.FilesQuery(batch), variables);
    }

    // GitHub's modelled time for the first list page of 100 asked with this document.
    private static Task<double> PageSecondsAsync(StandInGitHubServer github, string query) =>
        ModelledSecondsAsync(github, query, new { org = "bench-org", cursor = (string?)null, first = 100 });

    private static async Task<double> ModelledSecondsAsync(StandInGitHubServer github, string query, object variables)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, GitHubEndpoint.Parse(github.ApiUrl).GraphQl)
        {
            Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
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

    private const int MemoryRepositories = 50_000;

    // The stand-in in this process (20 ms a request, no cost model: memory, not time), the whole
    // command line (`render --reader graphql`) alone in a child process, so the peak is the tool's
    // own. Today's list (GraphQL pages to the end) is what this reader does when the run has time
    // for it, and the REST list what it does for an organization this size under GitHub's real
    // times: each is forced (PROFILEGEN_LIST), so a slow first page on a loaded machine switches neither.
    private static async Task<ScenarioResult> MemoryAsync(int n, bool restList)
    {
        await using var github = await StandInGitHubServer.StartAsync();
        StandInData.GenerateOrg(github.State, "bench-org", n);
        github.State.RateLimit = int.MaxValue;
        github.State.AddToken(Token);
        github.Latency = TimeSpan.FromMilliseconds(20);
        var child = await WholeRunHarness.ChildAsync("cli-render", n, github.ApiUrl, "graphql", restList ? "rest" : "graphql", Token);
        return child with { Requests = github.Log.All.Count };
    }

    // A fresh organization of n repositories (1 % of READMEs over 512 KB) on a stand-in that costs what GitHub costs.
    private static async Task<StandInGitHubServer> OrganizationUnderCostsAsync(int n)
    {
        var github = await StandInGitHubServer.StartAsync();
        StandInData.GenerateOrg(github.State, "bench-org", n);
        WithLargeReadmes(github.State, n);
        github.State.RateLimit = int.MaxValue;
        github.State.AddToken(Token);
        // 50 ms of real sleep per modelled second (a REST list page 300 ms): long beside the tool's
        // and the stand-in's own time per page (about 150 ms on a loaded 2-core machine), so
        // requests the reader has in flight together overlap on the model's clock as they would on GitHub's.
        github.Costs = new CostModel { TimeScale = 0.05 };
        return github;
    }

    // One reader on a fresh organization of n repositories: first run, unchanged rerun, 1 % changed.
    private static async Task<List<string>> RunReaderAsync(int n, string readerName, bool restList)
    {
        var rows = new List<string>();
        await using var github = await OrganizationUnderCostsAsync(n);
        var cache = Directory.CreateTempSubdirectory("profilegen-bench-cache-").FullName;
        try
        {
            var listPages = (n + 1 + GraphQlOrgReader.FirstPageSize - 1) / GraphQlOrgReader.FirstPageSize;
            var changed = Math.Max(1, n / 100);
            foreach (var (name, target, arrange) in new (string, string, Action?)[]
            {
                ("first run (no cache)", "", null),
                ("unchanged rerun (cache)", $"{listPages}", null),
                ($"rerun, 1 % changed ({changed:N0})", $"{listPages + (changed + 99) / 100}", () => Change(github.State, n, changed)),
            })
            {
                arrange?.Invoke();
                var r = await RunAsync(github, n, cache, restList);
                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {readerName} | {n:N0} | {name} | {(r.Error is null ? "yes" : "no: " + r.Error)} | {r.GraphQl:N0} | {r.Rest:N0} | {r.GraphQl + r.Rest:N0}{(target.Length > 0 ? $" (≤ {target})" : "")} | {r.Timeouts:N0} | {r.ModelledMinutes:F1} | {(r.Error is null && r.ModelledMinutes <= 15 ? "yes" : "no")} |"));
            }
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
        return rows;
    }

    /// <summary>The Action's default timeout-minutes, which the starter workflow's job has.</summary>
    private static readonly TimeSpan ActionBudget = TimeSpan.FromMinutes(15);

    // This reader's first read with a read cache and the Action's 15 minutes: each run stops
    // before its time runs out and keeps what it read, the next goes on, until one completes.
    private static async Task<List<string>> ResumedFirstReadAsync(int n)
    {
        var rows = new List<string>();
        await using var github = await OrganizationUnderCostsAsync(n);
        var cache = Directory.CreateTempSubdirectory("profilegen-bench-cache-").FullName;
        try
        {
            var outcomes = new List<Outcome>();
            for (var run = 1; run <= 10; run++)
            {
                var r = await RunAsync(github, n, cache, restList: true, ActionBudget);
                outcomes.Add(r);
                if (r.Unfinished is null)
                {
                    break;
                }
            }
            for (var i = 0; i < outcomes.Count; i++)
            {
                var r = outcomes[i];
                var what = r.Unfinished is { } u ? string.Create(CultureInfo.InvariantCulture, $"stopped in time: {u.Read:N0} of {u.Total:N0} in the cache") : r.Error is null ? "yes" : "no: " + r.Error;
                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| this reader, read cache and the Action's {ActionBudget.TotalMinutes:0} minutes | {n:N0} | first read, run {i + 1} of {outcomes.Count} | {what} | {r.GraphQl:N0} | {r.Rest:N0} | {r.GraphQl + r.Rest:N0} | {r.Timeouts:N0} | {r.ModelledMinutes:F1} | {(r.ModelledMinutes <= ActionBudget.TotalMinutes && (r.Error is null || r.Unfinished is not null) ? "yes" : "no")} |"));
            }
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
        return rows;
    }

    private sealed record Outcome(string? Error, int GraphQl, int Rest, int Timeouts, int Refusals, double ModelledMinutes, ReadUnfinishedException? Unfinished = null);

    /// <summary>The cost model's clock: the reader's own estimates (and so its choice of list) are made in GitHub's modelled time.</summary>
    private sealed class ModelClock(StandInGitHubServer github) : TimeProvider
    {
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => (long)(github.ModelledSeconds * TimeSpan.TicksPerSecond);
    }

    private static async Task<Outcome> RunAsync(StandInGitHubServer github, int repositories, string cache, bool restList, TimeSpan? budget = null)
    {
        github.Log.Clear();
        var (seconds, timeouts, refusals) = (github.ModelledSeconds, github.Timeouts, github.ResourceRefusals);
        var endpoint = GitHubEndpoint.Parse(github.ApiUrl);
        // Backoff in milliseconds: the model's clock, not the bench's, is what is reported.
        var resilience = new ResilienceOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(10) };
        var client = GitHubClientFactory.Create(endpoint, Token, () => new GitHubResilienceHandler(new SocketsHttpHandler(), resilience, TimeProvider.System));
        var reader = new GraphQlOrgReader(client, endpoint, new ModelClock(github), OctokitGateway.MaxRestInFlight) { CacheDirectory = cache, ListWithRestWhenSlow = restList };
        if (budget is { } given)
        {
            // As the Action runs it: a read cache and its timeout-minutes (PROFILEGEN_TIMEOUT_MINUTES).
            reader = new GraphQlOrgReader(client, endpoint, new ModelClock(github), OctokitGateway.MaxRestInFlight) { CacheDirectory = cache, TimeBudget = given, StopBeforeTimeRunsOut = true };
        }
        string? error = null;
        ReadUnfinishedException? unfinished = null;
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
        catch (ReadUnfinishedException ex)
        {
            (error, unfinished) = ("stopped in time", ex);
        }
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{repositories} repositories: {clock.Elapsed.TotalSeconds:F1} s real"));
        var graphQl = github.Log.All.Count(r => r.Path.EndsWith("/graphql", StringComparison.Ordinal));
        return new Outcome(error, graphQl, github.Log.All.Count - graphQl, github.Timeouts - timeouts, github.ResourceRefusals - refusals, (github.ModelledSeconds - seconds) / 60, unfinished);
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
