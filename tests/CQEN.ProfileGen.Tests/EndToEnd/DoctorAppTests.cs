using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>`doctor` as a GitHub App: it mints the token publish would, so GitHub's refusal of a permission the App lacks is a blocker naming it.</summary>
public sealed class DoctorAppTests() : AppEndToEndTest
{
    protected override void Arrange(GitHubState state)
    {
        base.Arrange(state);
        File.WriteAllText(Path.Combine(Dir, "profilegen.yml"), "publish:\n  labels: [profile]\n");
    }

    private Task<CliResult> Doctor() =>
        new CliHarness { Clock = TimeProvider.System, CurrentDirectory = Dir }.RunAsync("doctor", "--api-url", GitHub.ApiUrl, "--org", "org", "--app-id", AppId, "--app-private-key-file", KeyFile);

    [Fact]
    public async Task An_App_granted_what_the_run_asks_for_passes_and_its_missing_labels_will_be_created()
    {
        var result = await Doctor();

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Contains("ok               token", result.Out);
        Assert.Contains("granted what the run asks for: *Contents: write*, *Pull requests: write*, *Issues: write*", result.Out);
        Assert.Contains("profile will be created", result.Out);
        // Minting and revoking the token are its only non-GET requests.
        Assert.DoesNotContain(GitHub.Log.Writes, w => !w.Path.EndsWith("/access_tokens", StringComparison.Ordinal) && !w.Path.EndsWith("/installation/token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_App_without_Issues_write_is_refused_its_token_and_doctor_names_the_permission()
    {
        lock (GitHub.State.Gate)
        {
            var app = GitHub.State.Apps[0];
            GitHub.State.Apps[0] = app with { Permissions = new Dictionary<string, string> { ["contents"] = "write", ["pull_requests"] = "write", ["metadata"] = "read" } };
        }

        var result = await Doctor();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("will fail        token", result.Out);
        Assert.Contains("The permissions requested are not granted to this installation", result.Out);
        Assert.Contains("*Issues: write*", result.Out);
        Assert.Contains("could not check  everything else", result.Out);
    }
}
