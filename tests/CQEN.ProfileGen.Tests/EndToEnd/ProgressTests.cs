using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>Progress goes to stderr (or Actions log groups), never to stdout; --quiet leaves errors only.</summary>
public sealed class ProgressTests : IAsyncLifetime
{
    private const string Token = "ghs_progressToken0000000000000000000001";
    private StandInGitHubServer _github = null!;

    public async Task InitializeAsync()
    {
        _github = await StandInGitHubServer.StartAsync();
        StandInData.GenerateOrg(_github.State, "org", 40);
        _github.State.AddToken(Token);
        _github.Latency = TimeSpan.FromMilliseconds(40); // long enough for the status line to be drawn
    }

    public async Task DisposeAsync() => await _github.DisposeAsync();

    private CliHarness Cli(bool terminal = false, bool actions = false)
    {
        var cli = new CliHarness { ErrorIsTerminal = terminal };
        cli.Variables["GITHUB_TOKEN"] = Token;
        if (actions)
        {
            cli.Variables["GITHUB_ACTIONS"] = "true";
        }
        return cli;
    }

    [Fact]
    public async Task Stdout_is_the_same_bytes_whether_or_not_stderr_is_a_terminal()
    {
        var plain = await Cli().RunAsync("render", "--api-url", _github.ApiUrl, "--org", "org", "--reader", "rest");
        var drawn = await Cli(terminal: true).RunAsync("render", "--api-url", _github.ApiUrl, "--org", "org", "--reader", "rest");

        Assert.Equal(0, drawn.ExitCode);
        Assert.Equal(plain.Out, drawn.Out);
        Assert.Contains("Read the organization", drawn.Error);
        Assert.Matches(@"\d+ repositor(y|ies), \d+ requests to GitHub", drawn.Error); // the status line counts what was read
        Assert.DoesNotContain("Read the organization", plain.Error);
    }

    [Fact]
    public async Task In_actions_each_phase_is_a_log_group()
    {
        var result = await Cli(actions: true).RunAsync("publish", "--api-url", _github.ApiUrl, "--org", "org", "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("::group::Read the organization", result.ErrorLines);
        Assert.Contains("::group::Compare (dry run)", result.ErrorLines);
        Assert.Equal(result.ErrorLines.Count(l => l.StartsWith("::group::", StringComparison.Ordinal)), result.ErrorLines.Count(l => l == "::endgroup::"));
    }

    [Fact]
    public async Task Quiet_prints_nothing_but_errors()
    {
        StandInData.GenerateOrg(_github.State, "small", 5);
        var cli = Cli(terminal: true);
        cli.Variables.Remove("GITHUB_TOKEN"); // anonymous: a warning a quiet run does not print

        var result = await cli.RunAsync("publish", "--api-url", _github.ApiUrl, "--org", "small", "--dry-run", "--quiet", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.StartsWith("{\"status\":\"would-create\"", result.Out);
    }
}
