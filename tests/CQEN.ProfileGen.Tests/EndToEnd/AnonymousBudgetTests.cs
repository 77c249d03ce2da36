using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>Without a token GitHub allows 60 requests an hour: the run says so, and stops before reading when they cannot be enough.</summary>
public sealed class AnonymousBudgetTests() : EndToEndTest(repos: 0)
{
    [Fact]
    public async Task An_anonymous_run_within_the_budget_reads_and_warns_that_it_is_anonymous()
    {
        StandInData.GenerateOrg(GitHub.State, "org", 12);

        var result = await Run("render");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("projet-00011", result.Out);
        Assert.StartsWith("profilegen: warning: no token: reading GitHub anonymously", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task An_anonymous_run_that_cannot_fit_the_hourly_budget_stops_before_reading_the_repositories_files()
    {
        StandInData.GenerateOrg(GitHub.State, "org", 40);
        Cli.Variables["GITHUB_ACTIONS"] = "true";

        var result = await Run("render");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("::warning::no token: reading GitHub anonymously", result.Error);
        // 41 READMEs and 25 licences to read; the organization and the list took 2 of the 60.
        Assert.Contains(result.ErrorLines, l => l.StartsWith("profilegen: error: reading 'org' without a token needs 66 more requests (41 public repositories), but GitHub allows 58 more this hour (of 60,", StringComparison.Ordinal));
        Assert.Equal(0, GitHub.Log.Count("GET", "/readme$"));
        Assert.Equal(1, GitHub.Log.Count("GET", "/rate_limit$"));
    }
}
