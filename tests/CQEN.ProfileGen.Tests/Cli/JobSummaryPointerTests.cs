using CQEN.ProfileGen.Cli;
using CQEN.ProfileGen.Publishing;

namespace CQEN.ProfileGen.Tests.Cli;

/// <summary>When the job summary cuts the diff, it says where the whole diff really is.</summary>
public class JobSummaryPointerTests
{
    // A small budget and a diff over half of it: the diff is cut (the real 1 MiB budget would only make the test slow).
    private const int Budget = 16_000;
    private static readonly string Large = string.Concat(Enumerable.Range(0, 400).Select(i => $"| [repo-{i:00000}](https://github.com/org/repo-{i:00000}) |\n"));

    private static PublishOutcome Outcome(PublishStatus status) => new()
    {
        Status = status,
        PullRequestNumber = 7,
        PullRequestUrl = "https://github.com/org/.github/pull/7",
        Branch = "profilegen/profile-readme",
        BaseName = "main",
        Diff = UnifiedDiff.Between("# Profil\n", Large, "profile/README.md"),
        Plan = [],
        NewText = Large,
    };

    [Fact]
    public void A_published_diff_cut_in_the_summary_points_to_the_pull_request_s_files_changed()
    {
        var summary = GitHubActions.Summary(Outcome(PublishStatus.Updated), maxBytes: Budget);

        Assert.Contains("the whole diff is under Files changed in [pull request #7](https://github.com/org/.github/pull/7)", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("in the run log", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dry_run_diff_cut_in_the_summary_points_to_the_run_log_where_it_was_printed() =>
        Assert.Contains("the whole diff is in the run log", GitHubActions.Summary(Outcome(PublishStatus.WouldUpdate), maxBytes: Budget), StringComparison.Ordinal);
}
