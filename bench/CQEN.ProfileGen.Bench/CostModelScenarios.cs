using System.Diagnostics;
using System.Globalization;
using System.Text;
using CQEN.ProfileGen.GitHub;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Bench;

/// <summary>
/// The organization read against a stand-in that costs what GitHub costs (CostModel: latency that
/// grows with what a page asks, 502 past 10 s, RESOURCE_LIMITS_EXCEEDED above a budget), today's
/// reader (fixed pages of 100, a failed page retried as it is) beside this one (pages sized for
/// the 10 s budget, halved from the same cursor when too heavy). 1% of the READMEs are over 512 KB
/// (GitHub: isBinary null). GitHub's time is the model's, summed over the requests (the reader asks
/// one page at a time); real sleeps are scaled down 1,000 times so the bench stays short.
/// </summary>
internal static class CostModelScenarios
{
    private const string Token = "ghs_benchCosts";

    public static async Task<int> ReportAsync(string[] sizes)
    {
        var counts = sizes.Length > 0 ? sizes.Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() : [1_000, 20_000];
        Console.WriteLine("| reader | repositories | completed | GraphQL requests | 502s | resource refusals | GitHub's time under the model (min) | fits 15 min |");
        Console.WriteLine("|---|---:|---|---:|---:|---:|---:|---|");
        foreach (var n in counts)
        {
            foreach (var (name, firstPage, adaptive) in new[] { ("today's (pages of 100, retried as they are)", 100, false), ("adaptive (pages sized for 10 s, halved)", GraphQlOrgReader.FirstPageSize, true) })
            {
                var r = await RunAsync(n, firstPage, adaptive);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {n:N0} | {(r.Error is null ? "yes" : "no: " + r.Error)} | {r.Requests:N0} | {r.Timeouts:N0} | {r.Refusals:N0} | {r.ModelledMinutes:F1} | {(r.Error is null && r.ModelledMinutes <= 15 ? "yes" : "no")} |"));
            }
        }
        return 0;
    }

    private sealed record Outcome(string? Error, int Requests, int Timeouts, int Refusals, double ModelledMinutes);

    private static async Task<Outcome> RunAsync(int repositories, int firstPage, bool adaptive)
    {
        await using var github = await StandInGitHubServer.StartAsync();
        StandInData.GenerateOrg(github.State, "bench-org", repositories);
        WithLargeReadmes(github.State, repositories);
        github.State.RateLimit = int.MaxValue;
        github.State.AddToken(Token);
        github.Costs = new CostModel();

        var endpoint = GitHubEndpoint.Parse(github.ApiUrl);
        // Backoff in milliseconds: the model's clock, not the bench's, is what is reported.
        var resilience = new ResilienceOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(10) };
        var client = GitHubClientFactory.Create(endpoint, Token, () => new GitHubResilienceHandler(new SocketsHttpHandler(), resilience, TimeProvider.System));
        var reader = new GraphQlOrgReader(client, endpoint, TimeProvider.System, OctokitGateway.MaxRestInFlight, null, firstPage, adaptive);
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
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{repositories} repositories, first page {firstPage}: {clock.Elapsed.TotalSeconds:F1} s real"));
        var requests = github.Log.All.Count(r => r.Path.EndsWith("/graphql", StringComparison.Ordinal));
        return new Outcome(error, requests, github.Timeouts, github.ResourceRefusals, github.ModelledSeconds / 60);
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
