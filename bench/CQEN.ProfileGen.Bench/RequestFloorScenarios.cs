using System.Diagnostics;
using System.Globalization;
using CQEN.ProfileGen.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Bench;

/// <summary>
/// Requests at the floor (issue: any organization in about ceil(N/100) requests, whatever its file
/// names): whole runs through the real command line against the stand-in GitHub at 20 ms per
/// request, on organizations whose READMEs and licences carry every name GitHub recognises.
/// Reads with REST and with GraphQL, then a first publish, an unchanged rerun and an update.
/// </summary>
internal static class RequestFloorScenarios
{
    private const string Token = "ghs_benchFloor";

    /// <summary>One scenario in this (child) process: its requests, writes, wall time; the parent adds peak memory.</summary>
    public static async Task<ScenarioResult> RunAsync(string scenario, int repositories, string[] options)
    {
        var latency = TimeSpan.FromMilliseconds(int.Parse(options.ElementAtOrDefault(0) ?? "20", CultureInfo.InvariantCulture));
        await using var github = await StandInGitHubServer.StartAsync();
        StandInData.GenerateOrgWithMixedFileNames(github.State, "bench-org", repositories);
        github.State.RateLimit = int.MaxValue;
        github.State.AddToken(Token);
        string[] Publish(params string[] more) => ["publish", "--api-url", github.ApiUrl, "--org", "bench-org", "--timeout", "3600", .. more];
        var (args, before) = scenario switch
        {
            "read-rest" => (new[] { "render", "--api-url", github.ApiUrl, "--org", "bench-org", "--reader", "rest", "--timeout", "3600" }, Array.Empty<string[]>()),
            "read-graphql" => (["render", "--api-url", github.ApiUrl, "--org", "bench-org", "--reader", "graphql", "--timeout", "3600"], []),
            "publish-first" => (Publish(), []),
            "publish-unchanged" => (Publish(), [Publish()]),
            "publish-update" => (Publish(), [Publish()]),
            _ => throw new ArgumentException($"unknown scenario '{scenario}'"),
        };
        foreach (var setup in before)
        {
            await RunAsync(setup);
        }
        if (scenario == "publish-update")
        {
            github.State.Repo("bench-org", "projet-00003").Description = "Nouvelle description";
        }
        github.Log.Clear();
        github.Latency = latency;
        var clock = Stopwatch.StartNew();
        var exit = await RunAsync(args);
        var wall = clock.Elapsed.TotalMilliseconds;
        var log = github.Log.All;
        var writes = log.Count(r => r.IsWrite);
        return new ScenarioResult(scenario, repositories, log.Count, wall, RenderMs: 0, OutputBytes: 0,
            Note: exit == 0 ? $"{writes} writes" : $"exit {exit}");
    }

    private static Task<int> RunAsync(string[] args) => CliApp.RunAsync(args, new CliEnvironment
    {
        Variables = new Dictionary<string, string?> { ["GITHUB_TOKEN"] = Token },
        Out = TextWriter.Null,
        Error = TextWriter.Null,
        CurrentDirectory = Path.GetTempPath(),
    });

    /// <summary>The table and each target, side by side in one run.</summary>
    public static async Task<int> ReportAsync(Func<string, int, string[], Task<ScenarioResult>> child, string[] args)
    {
        var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [229, 1_000, 10_000];
        var results = new List<ScenarioResult>();
        foreach (var n in sizes)
        {
            if (n <= 1_000)
            {
                results.Add(await child("read-rest", n, ["20"]));
            }
            results.Add(await child("read-graphql", n, ["20"]));
            if (n <= 1_000)
            {
                foreach (var publish in new[] { "publish-first", "publish-unchanged", "publish-update" })
                {
                    results.Add(await child(publish, n, ["20"]));
                }
            }
        }
        Console.WriteLine();
        Console.WriteLine("| scenario (files under every name GitHub recognises, 20 ms/request) | repositories | requests | writes | wall time (ms) | peak memory (MB) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.Repositories:N0} | {r.Requests:N0} | {r.Note} | {r.WallMs:F0} | {r.PeakMemoryMb:F0} |"));
        }
        Console.WriteLine();
        foreach (var r in results)
        {
            var pages = (r.Repositories + 1 + 99) / 100; // the organization's repositories and its .github
            var writes = int.Parse(r.Note!.Split(' ')[0], CultureInfo.InvariantCulture);
            var (target, met) = r.Scenario switch
            {
                "read-graphql" => ($"read in <= 2 x ceil(N/100) + 1 = {2 * pages + 1} requests", r.Requests <= 2 * pages + 1),
                "publish-unchanged" => ($"unchanged rerun: the read ({2 * pages + 1} at most) + 1, 0 writes", r.Requests <= 2 * pages + 2 && writes == 0),
                "publish-first" => ($"first publish: <= 3 writes beyond labels and reviewers, 1 publish-path read", writes <= 3 && r.Requests - writes <= 2 * pages + 2),
                "publish-update" => ($"update: <= 2 writes", writes <= 2),
                _ => ((string?)null, true),
            };
            if (target is not null)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"target ({r.Repositories:N0}): {target}: {r.Requests} requests, {writes} writes: {(met ? "met" : "MISSED")}"));
            }
        }
        return 0;
    }
}
