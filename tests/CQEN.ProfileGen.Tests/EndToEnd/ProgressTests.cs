using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>Progress goes to stderr (or Actions log groups), never to stdout; --quiet leaves errors only.</summary>
public sealed class ProgressTests() : EndToEndTest(repos: 40, token: "ghs_progressToken0000000000000000000001")
{
    private CliHarness CliWith(bool terminal = false, bool actions = false)
    {
        Cli.ErrorIsTerminal = terminal;
        if (actions)
        {
            Cli.Variables["GITHUB_ACTIONS"] = "true";
        }
        else
        {
            Cli.Variables.Remove("GITHUB_ACTIONS");
        }
        return Cli;
    }

    [Fact]
    public async Task Stdout_is_the_same_bytes_whether_or_not_stderr_is_a_terminal()
    {
        var plain = await CliWith().RunAsync("render", "--api-url", GitHub.ApiUrl, "--org", "org", "--reader", "rest");
        // Slow enough answers for the status line to be redrawn several times (every 200 ms): the
        // read takes about a second. Only this run draws, so only this run waits.
        GitHub.Latency = TimeSpan.FromMilliseconds(15);
        var drawn = await CliWith(terminal: true).RunAsync("render", "--api-url", GitHub.ApiUrl, "--org", "org", "--reader", "rest");

        Assert.Equal(0, drawn.ExitCode);
        Assert.Equal(plain.Out, drawn.Out);
        Assert.Contains("Read the organization", drawn.Error);
        Assert.Matches(@"\d+ repositor(y|ies), \d+ requests to GitHub", drawn.Error); // the status line counts what was read
        Assert.DoesNotContain("Read the organization", plain.Error);
    }

    [Fact]
    public async Task In_actions_each_phase_is_a_log_group()
    {
        var result = await CliWith(actions: true).RunAsync("publish", "--api-url", GitHub.ApiUrl, "--org", "org", "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("::group::Read the organization", result.ErrorLines);
        Assert.Contains("::group::Compare (dry run)", result.ErrorLines);
        Assert.Equal(result.ErrorLines.Count(l => l.StartsWith("::group::", StringComparison.Ordinal)), result.ErrorLines.Count(l => l == "::endgroup::"));
    }

    [Fact]
    public async Task Quiet_prints_nothing_but_errors()
    {
        StandInData.GenerateOrg(GitHub.State, "small", 5);
        var cli = CliWith(terminal: true);
        cli.Variables.Remove("GITHUB_TOKEN"); // anonymous: a warning a quiet run does not print

        var result = await cli.RunAsync("publish", "--api-url", GitHub.ApiUrl, "--org", "small", "--dry-run", "--quiet", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.StartsWith("{\"status\":\"would-create\"", result.Out);
    }
}
