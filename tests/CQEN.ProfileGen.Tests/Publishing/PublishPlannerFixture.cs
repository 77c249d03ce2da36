using System.Text;
using CQEN.ProfileGen.GitHub;
using CQEN.ProfileGen.Publishing;

namespace CQEN.ProfileGen.Tests.Publishing;

/// <summary>What the planner tests read in: one organization's .github repository, as plain values.</summary>
internal static class PublishPlannerFixture
{
    public const string Base = "1111111111111111111111111111111111111111";
    public const string Ours = "2222222222222222222222222222222222222222";
    public const string Human = "3333333333333333333333333333333333333333";
    public const string OldText = "# Ancien\n";
    public const string NewText = "# Profil\n\n- [alpha](https://github.com/org/alpha) nouveau\n";

    public static readonly PublishRequest Request = new()
    {
        Owner = "org",
        Repo = ".github",
        Path = "profile/README.md",
        Branch = "profilegen/profile-readme",
        Content = ProfileContent.Whole(NewText),
        Title = "Mise à jour",
        Labels = ["documentation"],
        Reviewers = ["alice"],
    };

    /// <summary>
    /// The base branch with <paramref name="current"/> (null: no file yet); our branch at
    /// <paramref name="head"/> on the base head, holding the new text or another; our open pull
    /// request recording <paramref name="head"/> as our commit, or not.
    /// </summary>
    public static PublishState State(string? head = null, string? headMessage = null, bool headHasNewText = false, bool pull = false, bool recorded = true, string? current = OldText) => new()
    {
        Target = new RepoRef("org", ".github", "main", "R_1"),
        BaseName = "main",
        BaseHead = new CommitRef(Base, "t0", [], "base"),
        CurrentFile = current is null ? null : Encoding.UTF8.GetBytes(current),
        BranchHead = head is null ? null : new CommitRef(head, "t1", [Base], headMessage ?? PullRequestText.CommitMessage(Request.Path, Request.Culture)) { ChangedFiles = 1 },
        BranchFile = Encoding.UTF8.GetBytes(headHasNewText ? NewText : "autre\n"),
        Pull = pull ? new PullRequestRef(7, "https://github.com/org/.github/pull/7", Request.Title, Body(current, head ?? Ours), Request.Branch, head ?? Ours, "main", "open") { Labels = ["documentation"], RequestedReviewers = ["alice"], Author = "bot" } : null,
        RecordedCommits = recorded && head is not null ? [head] : [],
    };

    public static string Body(string? current, string sha) =>
        PullRequestText.WithCommits(PullRequestText.Body("https://github.com/org", current, NewText, UnifiedDiff.Between(current, NewText, Request.Path), Request.Culture), [sha]);

    public static PublishPlan Plan(PublishState state, PublishRequest? request = null)
    {
        var current = state.CurrentFile is null ? null : Encoding.UTF8.GetString(state.CurrentFile);
        return PublishPlanner.Plan(state, request ?? Request, NewText, UnifiedDiff.Between(current, NewText, Request.Path));
    }

    /// <summary>The plan's steps by kind: "Commit", "OpenPull", …</summary>
    public static string[] Kinds(PublishPlan plan) => [.. plan.Steps.Select(s => s.GetType().Name.Replace("Step", "", StringComparison.Ordinal))];
}
