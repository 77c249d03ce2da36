using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>
/// A GitHub App installation token minted by a run is revoked at its end, however it ends:
/// success, failure, Ctrl-C with reads or writes in flight, or --timeout.
/// </summary>
public sealed class AppTokenRevocationTests() : AppEndToEndTest
{
    private string[] App(string verb, params string[] args) =>
        [verb, "--api-url", GitHub.ApiUrl, "--org", Org, "--app-id", AppId, "--app-private-key-file", KeyFile, .. args];

    private void AssertRevoked()
    {
        var token = Assert.Single(GitHub.MintedTokens);
        Assert.Equal(1, GitHub.Log.Count("DELETE", "/installation/token$"));
        Assert.False(GitHub.State.Tokens.ContainsKey(token), "the token must be revoked at the end of the run");
    }

    [Fact]
    public async Task A_successful_run_revokes_its_token()
    {
        var result = await new CliHarness { Clock = TimeProvider.System }.RunAsync(App("render"));

        Assert.True(result.ExitCode == 0, result.Error);
        AssertRevoked();
    }

    [Fact]
    public async Task A_failed_run_revokes_its_token()
    {
        File.WriteAllText(Path.Combine(Dir, "bad.sbn"), "{{ undefined_variable.field }}");

        var result = await new CliHarness { Clock = TimeProvider.System }.RunAsync(App("render", "--template", Path.Combine(Dir, "bad.sbn")));

        Assert.Equal(1, result.ExitCode);
        AssertRevoked();
    }

    [Fact]
    public async Task A_run_past_its_timeout_revokes_its_token()
    {
        GitHub.AddFault(new Fault { Method = "POST", PathPattern = "/graphql$", Delay = TimeSpan.FromSeconds(30), Status = 200, Body = "{}", Times = 100 });

        var result = await new CliHarness { Clock = TimeProvider.System }.RunAsync(App("render", "--timeout", "2"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--timeout 2", result.Error);
        AssertRevoked();
    }

    [Theory]
    [InlineData("render", null)]
    [InlineData("publish", "mutation")]
    public async Task Ctrl_c_with_a_request_in_flight_revokes_the_token(string verb, string? delayedBody)
    {
        using var ctrlC = new CancellationTokenSource();
        // Reads (render) or the first write (publish: GraphQL queries go through, a mutation waits).
        GitHub.AddFault(new Fault { Method = "POST", PathPattern = "/graphql$", BodyContains = delayedBody, Delay = TimeSpan.FromSeconds(30), Status = 200, Body = "{}", Times = 100 });

        var run = new CliHarness { Clock = TimeProvider.System }.RunAsync(App(verb), ctrlC.Token);
        await PressCtrlCWhileWaitingAsync(ctrlC);
        var result = await run;

        Assert.True(result.ExitCode == 130, result.Error);
        AssertRevoked();
    }

    // Once the token is minted and the server has answered nothing for a while, the run is
    // waiting on the delayed request: that is when Ctrl-C comes.
    private async Task PressCtrlCWhileWaitingAsync(CancellationTokenSource ctrlC)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var seen = -1;
        while (waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(300);
            var count = GitHub.Log.All.Count();
            if (GitHub.MintedTokens.Count > 0 && count == seen)
            {
                break;
            }
            seen = count;
        }
        await ctrlC.CancelAsync();
    }
}
