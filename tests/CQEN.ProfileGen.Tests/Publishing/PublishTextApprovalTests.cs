using ApprovalTests;
using ApprovalTests.Namers;
using ApprovalTests.Reporters;
using ApprovalTests.Writers;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Publishing;

namespace CQEN.ProfileGen.Tests.Publishing;

/// <summary>What reviewers read: the pull request's description and the dry run's diff, approved as files.</summary>
[UseReporter(typeof(QuietReporter))]
public class PublishTextApprovalTests
{
    private const string Before = "# Profil\n\n| Dépôt | Description |\n| --- | --- |\n| [alpha](https://github.com/org/alpha) | Ancien |\n| [beta](https://github.com/org/beta) | Bêta |\n";
    private const string After = "# Profil\n\n| Dépôt | Description |\n| --- | --- |\n| [alpha](https://github.com/org/alpha) | Nouveau |\n| [gamma](https://github.com/org/gamma) | Gamma |\n";

    [Theory]
    [InlineData("fr-CA")]
    [InlineData("en")]
    public void The_pull_request_description_is_as_approved(string culture)
    {
        var body = PullRequestText.WithCommits(PullRequestText.Body("https://github.com/org", Before, After, UnifiedDiff.Between(Before, After, "profile/README.md"), Choices.Cultures[culture]), [new string('a', 40)]);

        using (ApprovalResults.ForScenario(culture))
        {
            Approvals.Verify(new ApprovalTextWriter(body, "md"));
        }
    }

    [Fact]
    public void The_dry_run_diff_is_as_approved() =>
        Approvals.Verify(new ApprovalTextWriter(UnifiedDiff.Between(Before, After, "profile/README.md").Text, "diff"));
}
