using System.Diagnostics;
using CQEN.ProfileGen.Cli;
using CQEN.ProfileGen.GitHub;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Bench;

/// <summary>
/// A whole `profilegen render` run against the stand-in GitHub with a per-request latency,
/// through the real command line: requests made, wall time, render included.
/// </summary>
internal static class ReadScenario
{
    public static async Task<ScenarioResult> RunAsync(int repositories, string[] options)
    {
        var reader = options.ElementAtOrDefault(0) ?? "graphql";
        var latencyMs = int.Parse(options.ElementAtOrDefault(1) ?? "20", System.Globalization.CultureInfo.InvariantCulture);
        await using var github = await StandInGitHubServer.StartAsync();
        StandInData.GenerateOrg(github.State, "bench-org", repositories);
        github.State.RateLimit = int.MaxValue;
        github.State.AddToken("ghs_bench");
        github.Latency = TimeSpan.FromMilliseconds(latencyMs);

        var output = Path.Combine(Path.GetTempPath(), $"profilegen-bench-{Guid.NewGuid():N}.md");
        var env = new CliEnvironment
        {
            Variables = new Dictionary<string, string?> { ["GITHUB_TOKEN"] = "ghs_bench" },
            Out = TextWriter.Null,
            Error = Console.Error,
            CurrentDirectory = Path.GetTempPath(),
        };
        var clock = Stopwatch.StartNew();
        var exit = await CliApp.RunAsync(["render", "--api-url", github.ApiUrl, "--org", "bench-org", "--reader", reader, "--timeout", "3600", "--output", output], env);
        var wall = clock.Elapsed.TotalMilliseconds;
        var bytes = File.Exists(output) ? new FileInfo(output).Length : 0;
        File.Delete(output);
        return new ScenarioResult($"read+render ({reader}, {latencyMs} ms/request)", repositories, github.Log.All.Count, wall, RenderMs: 0, bytes,
            Note: exit == 0 ? null : $"exit {exit}");
    }
}
