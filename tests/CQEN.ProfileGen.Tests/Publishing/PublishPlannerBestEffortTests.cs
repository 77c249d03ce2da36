using CQEN.ProfileGen.GitHub;
using CQEN.ProfileGen.Publishing;
using static CQEN.ProfileGen.Tests.Publishing.PublishPlannerFixture;

namespace CQEN.ProfileGen.Tests.Publishing;

/// <summary>The planner's side of best-effort courtesies and of rulesets: what it asks again, and what it takes as current.</summary>
public class PublishPlannerBestEffortTests
{
    private static readonly PublishRequest WithBob = Request with { Reviewers = ["alice", "bob"], Labels = ["documentation", "profil-auto"] };

    private static PublishState RefusedBobAndLabel()
    {
        var state = State(head: Ours, headHasNewText: true, pull: true);
        Refusal[] refused = [new("reviewer", "bob"), new("label", "profil-auto")];
        var body = PullRequestText.WithCommits(BestEffort.WithRefusals(PullRequestText.Body("https://github.com/org", OldText, NewText, UnifiedDiff.Between(OldText, NewText, Request.Path), Request.Culture), refused, Request.Culture), [Ours]);
        return state with { Pull = state.Pull! with { Body = body }, Refused = BestEffort.Recorded(body) };
    }

    [Fact]
    public void What_GitHub_refused_for_the_open_pull_request_is_not_asked_again_and_its_body_is_left_as_it_is()
    {
        var plan = Plan(RefusedBobAndLabel(), WithBob);

        Assert.Equal(PublishStatus.Unchanged, plan.Status);
        Assert.Empty(plan.Steps);
    }

    [Fact]
    public void A_refusal_no_longer_configured_leaves_the_pull_request_s_body()
    {
        var plan = Plan(RefusedBobAndLabel(), Request);

        var update = Assert.IsType<UpdatePullStep>(Assert.Single(plan.Steps));
        Assert.DoesNotContain("profilegen:refused", update.Body);
    }

    [Fact]
    public void The_refusal_record_reads_back_what_it_wrote_even_for_names_with_spaces()
    {
        Refusal[] refused = [new("label", "bonne première issue"), new("team", "web-team"), new("draft", "")];

        var body = BestEffort.WithRefusals("corps\n", refused, Request.Culture);

        Assert.Equal(refused, BestEffort.Recorded(body));
        Assert.Equal("corps\n", BestEffort.WithoutRecords(body).TrimEnd('\n') + "\n");
    }

    [Fact]
    public void The_token_s_own_login_is_not_asked_to_review_the_pull_request_this_run_opens()
    {
        var plan = Plan(State() with { Viewer = "alice" }, WithBob);

        var reviewers = Assert.IsType<RequestReviewersStep>(Assert.Single(plan.Steps, s => s is RequestReviewersStep));
        Assert.Equal(["bob"], reviewers.Reviewers);
    }

    [Fact]
    public void A_fast_forward_commit_on_our_own_last_commit_holding_the_new_text_is_current_where_force_pushes_are_blocked()
    {
        const string Next = "4444444444444444444444444444444444444444";
        var state = State(head: Ours, headHasNewText: true, pull: true);
        state = state with
        {
            BaseHead = new CommitRef("5555555555555555555555555555555555555555", "t5", [Base], "base moved"),
            BranchHead = new CommitRef(Next, "t2", [Ours], PullRequestText.CommitMessage(Request.Path)) { ChangedFiles = 1 },
            RecordedCommits = [Ours, Next],
            Pull = state.Pull! with { Body = PullRequestText.WithCommits(PullRequestText.Body("https://github.com/org", OldText, NewText, UnifiedDiff.Between(OldText, NewText, Request.Path), Request.Culture), [Ours, Next]) },
        };

        Assert.Empty(Plan(state).Steps);
    }
}
