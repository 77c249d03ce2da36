using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>
/// Publishing under GitHub's real permissions and settings (REAL-GITHUB R1, R5, R6, R9, R10): what
/// GitHub refuses either stops the run with the exact fix, or — for what is only a courtesy
/// (labels, reviewers, assignees, draft) — leaves an open, correct pull request and one warning.
/// Every test runs under the starter workflow's GITHUB_TOKEN unless it says otherwise.
/// </summary>
public sealed class PublishRefusalTests() : EndToEndTest(repos: 12, token: "ghs_test-refusalToken00000000-0000000000000001")
{
    private const string Branch = "profilegen/profile-readme";

    private string? BranchHead => Profile.Git.Resolve(Branch);

    private Task<CliResult> Publish(params string[] args) => Run("publish", args);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task With_the_Actions_pull_request_setting_off_the_run_names_the_setting_and_a_second_run_adds_nothing(bool offForTheOrganization)
    {
        lock (GitHub.State.Gate)
        {
            if (offForTheOrganization)
            {
                GitHub.State.Orgs[Org].ActionsCanCreatePullRequests = false;
            }
            else
            {
                Profile.ActionsCanCreatePullRequests = false;
            }
        }
        var first = await Publish();
        Assert.Equal(1, first.ExitCode);
        var line = Assert.Single(first.ErrorLines);
        Assert.Contains("GitHub Actions is not permitted to create or approve pull requests", line);
        Assert.Contains("\"Allow GitHub Actions to create and approve pull requests\" under Settings → Actions → General → Workflow permissions", line);
        Assert.Contains("in the organization's settings and in the repository's", line);
        Assert.Contains("GitHub App", line);
        Assert.Empty(Profile.Pulls);
        var head = BranchHead;
        Assert.NotNull(head); // at most the pull request's branch is left behind

        GitHub.Log.Clear();
        var second = await Publish();
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("Settings → Actions → General → Workflow permissions", Assert.Single(second.ErrorLines));
        Assert.Equal(head, BranchHead);
        Assert.Equal(0, GitHub.Log.CommitsCreated);
        Assert.Equal(["POST"], GitHub.Log.Writes.Select(w => w.Method)); // only the pull request, refused again
        Assert.Empty(Profile.Pulls);
    }
}
