using System.Text;
using CQEN.ProfileGen.GitHub;
using CQEN.ProfileGen.Publishing;
using static CQEN.ProfileGen.Tests.Publishing.PublishPlannerFixture;

namespace CQEN.ProfileGen.Tests.Publishing;

/// <summary>The publishing decisions, from plain values: what was read in, typed steps out.</summary>
public class PublishPlannerTests
{
    [Fact]
    public void A_first_run_commits_creates_the_branch_opens_the_pull_request_and_sets_labels_and_reviewers()
    {
        var plan = Plan(State());

        Assert.Equal(PublishStatus.Created, plan.Status);
        Assert.Equal(["Commit", "OpenPull", "AddLabels", "RequestReviewers"], Kinds(plan));
        Assert.Null(((CommitStep)plan.Steps[0]).ExpectedSha);
    }

    [Fact]
    public void A_run_whose_pull_request_already_proposes_this_writes_nothing()
    {
        var plan = Plan(State(head: Ours, headHasNewText: true, pull: true));

        Assert.Equal(PublishStatus.Unchanged, plan.Status);
        Assert.Empty(plan.Steps);
    }

    [Fact]
    public void New_data_commits_on_the_base_moving_the_branch_from_where_it_was_seen_then_records_the_commit()
    {
        var plan = Plan(State(head: Ours, pull: true));

        Assert.Equal(PublishStatus.Updated, plan.Status);
        Assert.Equal(["Commit", "UpdatePull"], Kinds(plan));
        Assert.Equal(Ours, ((CommitStep)plan.Steps[0]).ExpectedSha);
        Assert.Equal(Base, ((CommitStep)plan.Steps[0]).ParentSha);
    }

    [Fact]
    public void A_head_the_tool_did_not_record_is_someone_else_s_whatever_its_message_says()
    {
        var plan = Plan(State(head: Human, pull: true, recorded: false));

        Assert.Equal(PublishStatus.Blocked, plan.Status);
        Assert.Equal(["Comment"], Kinds(plan));
        Assert.Contains("des commits que profilegen n'a pas faits", plan.Problem);
    }

    [Fact]
    public void Force_replaces_someone_else_s_head_from_where_it_was_seen()
    {
        var plan = Plan(State(head: Human, pull: true, recorded: false), Request with { Force = true });

        Assert.Equal(["Commit", "UpdatePull"], Kinds(plan));
        Assert.Equal(Human, ((CommitStep)plan.Steps[0]).ExpectedSha);
    }

    [Fact]
    public void The_commit_of_an_interrupted_run_with_the_same_data_is_taken_as_it_is()
    {
        var plan = Plan(State(head: Human, headHasNewText: true, recorded: false));

        Assert.Equal(["OpenPull", "AddLabels", "RequestReviewers"], Kinds(plan));
    }

    [Fact]
    public void An_amended_commit_that_also_changes_another_file_is_not_taken_even_with_the_tool_s_message_and_content()
    {
        var state = State(head: Human, headHasNewText: true, recorded: false);

        Assert.Equal(PublishStatus.Blocked, Plan(state with { BranchHead = state.BranchHead! with { ChangedFiles = 2 } }).Status);
    }

    [Fact]
    public void A_branch_still_at_the_base_head_holds_no_one_s_work_and_is_moved()
    {
        var state = State(head: Base, recorded: false);

        var plan = Plan(state with { BranchHead = new CommitRef(Base, "t0", [], "base") });

        Assert.Equal(["Commit", "OpenPull", "AddLabels", "RequestReviewers"], Kinds(plan));
        Assert.Equal(Base, ((CommitStep)plan.Steps[0]).ExpectedSha);
    }

    [Fact]
    public void A_commit_with_the_same_file_but_another_message_is_not_taken()
    {
        Assert.Equal(PublishStatus.Blocked, Plan(State(head: Human, headMessage: "My own edit", headHasNewText: true, recorded: false)).Status);
    }

    [Fact]
    public void When_the_base_has_the_content_our_pull_request_is_closed_and_our_branch_deleted()
    {
        var plan = Plan(State(head: Ours, pull: true, current: NewText));

        Assert.Equal(PublishStatus.Closed, plan.Status);
        Assert.Equal(["Comment", "ClosePull", "DeleteBranch"], Kinds(plan));
        Assert.Equal(Ours, ((DeleteBranchStep)plan.Steps[2]).ExpectedSha);
    }

    [Fact]
    public void When_the_base_has_the_content_a_pull_request_with_someone_s_commits_stays_open_unless_forced_and_their_branch_stays()
    {
        Assert.Equal(PublishStatus.Blocked, Plan(State(head: Human, pull: true, recorded: false, current: NewText)).Status);

        var forced = Plan(State(head: Human, pull: true, recorded: false, current: NewText), Request with { Force = true });

        Assert.Equal(["Comment", "ClosePull"], Kinds(forced));
        Assert.Contains(forced.Notes, n => n.StartsWith("branche profilegen/profile-readme gardée", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_labels_and_reviewers_are_added_but_never_the_author_or_someone_who_already_reviewed()
    {
        var state = State(head: Ours, headHasNewText: true, pull: true) is var s ? s with { Pull = s.Pull! with { Labels = [], RequestedReviewers = [] } } : null!;

        Assert.Equal(["AddLabels", "RequestReviewers"], Kinds(Plan(state)));
        Assert.Equal(["AddLabels"], Kinds(Plan(state with { Reviewed = ["alice"] })));
        Assert.Equal(["AddLabels"], Kinds(Plan(state, Request with { Reviewers = ["bot"] })));
    }

    [Fact]
    public void A_dry_run_plans_the_same_steps_under_would_statuses()
    {
        Assert.Equal(PublishStatus.WouldCreate, Plan(State(), Request with { DryRun = true }).Status);
        Assert.Equal(PublishStatus.WouldUpdate, Plan(State(head: Ours, pull: true), Request with { DryRun = true }).Status);
        Assert.Equal(PublishStatus.WouldClose, Plan(State(head: Ours, pull: true, current: NewText), Request with { DryRun = true }).Status);
    }

    [Fact]
    public void The_pull_request_remembers_a_bounded_number_of_the_tool_s_commits_ending_with_the_branch_head()
    {
        var many = Enumerable.Range(0, 15).Select(i => i.ToString("x40", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        var recorded = PublishPlanner.Recorded(State() with { RecordedCommits = many }, Ours);

        Assert.Equal(PullRequestText.RecordedCommitsKept, recorded.Count);
        Assert.Equal(Ours, recorded[^1]);
        Assert.Equal(recorded, PullRequestText.RecordedCommits(PullRequestText.WithCommits("body\n", recorded)));
    }
}
