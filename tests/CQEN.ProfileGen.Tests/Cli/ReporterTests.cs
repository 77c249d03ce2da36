using CQEN.ProfileGen.Cli;
using CQEN.ProfileGen.GitHub;

namespace CQEN.ProfileGen.Tests.Cli;

public class ReporterTests
{
    private static (Reporter Reporter, StringWriter Error) Actions(bool quiet = false)
    {
        var error = new StringWriter();
        var env = new CliEnvironment
        {
            Variables = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true" },
            Out = new StringWriter(),
            Error = error,
            CurrentDirectory = Path.GetTempPath(),
        };
        var reporter = Reporter.For(env, new GitHubUsage());
        reporter.Quiet = quiet;
        return (reporter, error);
    }

    [Fact]
    public async Task In_actions_a_minted_token_is_masked_once_and_scrubbed_from_every_later_line()
    {
        var (reporter, error) = Actions();
        reporter.AddSecrets(["ghs_minted-0000"], minted: true);
        reporter.AddSecrets(["ghs_minted-0000"], minted: true);
        await reporter.WarnAsync("GitHub said ghs_minted-0000 is wrong");

        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("::add-mask::ghs_minted-0000", Assert.Single(lines, l => l.Contains("ghs_minted", StringComparison.Ordinal)));
        Assert.Contains("profilegen: warning: GitHub said *** is wrong", lines);
        Assert.Contains("::warning::GitHub said *** is wrong", lines);
    }

    [Fact]
    public async Task A_multi_line_secret_is_never_echoed_in_a_mask_command_whose_later_lines_would_print_as_is()
    {
        var (reporter, error) = Actions();
        reporter.AddSecrets(["-----BEGIN KEY-----\nc2VjcmV0\n-----END KEY-----"], minted: true);
        await reporter.FailAsync("key -----BEGIN KEY-----\nc2VjcmV0\n-----END KEY----- refused");

        Assert.DoesNotContain("c2VjcmV0", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("::add-mask::", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_passed_in_are_scrubbed_but_not_masked_again_the_runner_already_hides_them()
    {
        var (reporter, error) = Actions();
        reporter.AddSecrets(["ghp_given-0000"]);
        await reporter.FailAsync("bad ghp_given-0000");

        Assert.DoesNotContain("ghp_given-0000", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("::add-mask::", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiet_keeps_errors_and_drops_status_lines_and_warnings()
    {
        var (reporter, error) = Actions(quiet: true);
        await reporter.InfoAsync("created (#1)");
        await reporter.WarnAsync("anonymous");
        await reporter.FailAsync("boom");

        Assert.Equal(["profilegen: error: boom", "::error::boom"], error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
