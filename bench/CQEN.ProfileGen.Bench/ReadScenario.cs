using System.Diagnostics;
using CQEN.ProfileGen.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Bench;

/// <summary>
/// A whole `profilegen render` run against the stand-in GitHub with a per-request latency,
/// through the real command line: requests made, wall time, output size and peak memory. The
/// stand-in (and its organization of N repositories) lives in the harness's process; the tool
/// runs alone in a child process, so the peak memory measured is the tool's own.
/// </summary>
internal static class ReadScenario
{
    public static async Task<ScenarioResult> RunAsync(int repositories, string reader, int latencyMs)
    {
        await using var github = await StandInGitHubServer.StartAsync();
        StandInData.GenerateOrg(github.State, "bench-org", repositories);
        github.State.RateLimit = int.MaxValue;
        github.State.AddToken("ghs_bench");
        github.Latency = TimeSpan.FromMilliseconds(latencyMs);

        var child = await WholeRunHarness.ChildAsync("cli-render", repositories, github.ApiUrl, reader);
        // The requests are counted where they arrive: in the stand-in's log.
        return child with { Scenario = $"read+render ({reader}, {latencyMs} ms/request)", Requests = github.Log.All.Count };
    }

    /// <summary>The child's part: the command line, as a user runs it, against the harness's stand-in.</summary>
    public static async Task<ScenarioResult> RunCliAsync(int repositories, string apiUrl, string reader, string? list = null, string token = "ghs_bench")
    {
        var output = Path.Combine(Path.GetTempPath(), $"profilegen-bench-{Guid.NewGuid():N}.md");
        var env = new CliEnvironment
        {
            Variables = new Dictionary<string, string?> { ["GITHUB_TOKEN"] = token, ["PROFILEGEN_LIST"] = list },
            Out = TextWriter.Null,
            Error = Console.Error,
            CurrentDirectory = Path.GetTempPath(),
        };
        var clock = Stopwatch.StartNew();
        var exit = await CliApp.RunAsync(["render", "--api-url", apiUrl, "--org", "bench-org", "--reader", reader, "--timeout", "3600", "--output", output, "--quiet"], env);
        var wall = clock.Elapsed.TotalMilliseconds;
        var bytes = File.Exists(output) ? new FileInfo(output).Length : 0;
        File.Delete(output);
        return new ScenarioResult("cli-render", repositories, 0, wall, RenderMs: 0, bytes, Note: exit == 0 ? null : $"exit {exit}");
    }
}
