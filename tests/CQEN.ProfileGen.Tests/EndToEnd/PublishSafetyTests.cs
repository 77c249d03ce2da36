using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>
/// What publishing promises when runs are interrupted or people push: labels and reviewers are
/// never lost for good, a human's commit is never erased (whatever its message says), and a
/// push made during the run is seen rather than overwritten.
/// </summary>
public sealed class PublishSafetyTests() : EndToEndTest(repos: 20, token: "ghs_test-safetyToken000000000-0000000000000001")
{
    private const string Branch = "profilegen/profile-readme";

    private string? BranchHead => Profile.Git.Resolve(Branch);

    protected override void Arrange(GitHubState state)
    {
        File.WriteAllText(Path.Combine(Dir, "profilegen.yml"), "publish:\n  labels: [documentation, automated]\n  reviewers: [alice, bob]\n");
        // Everything these tests ask for exists and may be asked: refusals are PublishRefusalTests' subject.
        var profile = state.Repo(Org, ".github");
        profile.Labels.UnionWith(["automated", "profile"]);
        profile.Collaborators.UnionWith(["alice", "bob", "carol"]);
        state.Orgs[Org].Teams.Add("web");
    }

    private Task<CliResult> Publish(params string[] args) =>
        Run("publish", args);

    private void SomeoneChangesTheData(string description = "Changement") =>
        GitHub.State.Repo("org", "projet-00002").Description = description;

    [Theory]
    [InlineData("/labels$", 500, false)]
    [InlineData("/requested_reviewers$", 500, false)] // a refusal (403/422) is a warning instead: PublishRefusalTests
    [InlineData("/labels$", 502, true)]
    public async Task Labels_and_reviewers_lost_to_an_interrupted_run_are_restored_by_the_next_one(string step, int status, bool afterApplying)
    {
        GitHub.AddFault(new Fault { Method = "POST", PathPattern = step, Status = status, Times = 100, AfterApplying = afterApplying });
        Assert.Equal(1, (await Publish()).ExitCode);
        GitHub.Faults.Clear();

        Assert.Equal(0, (await Publish()).ExitCode);

        var pull = Assert.Single(Profile.Pulls);
        Assert.Equal(["documentation", "automated"], pull.Labels);
        Assert.Equal(["alice", "bob"], pull.Reviewers);
        GitHub.Log.Clear();
        Assert.Equal(0, (await Publish()).ExitCode);
        Assert.Empty(GitHub.Log.Writes);
    }

    [Fact]
    public async Task A_pull_request_GitHub_created_while_answering_502_is_found_not_opened_twice_and_gets_its_labels()
    {
        GitHub.AddFault(new Fault { Method = "POST", PathPattern = "/pulls$", Status = 502, Times = 100, AfterApplying = true });
        var result = await Publish();
        Assert.True(result.ExitCode == 0, result.Error); // read again after the 502: it was opened
        Assert.Equal(1, GitHub.Log.Count("POST", "/pulls$"));

        var pull = Assert.Single(Profile.Pulls);
        Assert.Equal(["documentation", "automated"], pull.Labels);
        Assert.Equal(["alice", "bob"], pull.Reviewers);
    }

    [Fact]
    public async Task Team_reviewers_assignees_and_draft_from_the_command_line_are_set_and_kept_without_rewriting()
    {
        // A team review needs a token that can read teams: a classic token with read:org, not the GITHUB_TOKEN.
        GitHub.State.AddClassicToken("ghp_test-teamsToken0000000000-0000000000000001", "maintainer", "repo", "read:org");
        Cli.Variables["GITHUB_TOKEN"] = "ghp_test-teamsToken0000000000-0000000000000001";
        string[] args = ["--title", "Profil à jour", "--label", "profile", "--team-reviewer", "web", "--assignee", "carol", "--draft"];

        Assert.Equal(0, (await Publish(args)).ExitCode);
        GitHub.Log.Clear();
        Assert.Equal(0, (await Publish(args)).ExitCode);

        var pull = Assert.Single(Profile.Pulls);
        Assert.Equal("Profil à jour", pull.Title);
        Assert.Equal(["profile"], pull.Labels);
        Assert.Equal(["web"], pull.TeamReviewers);
        Assert.Equal(["carol"], pull.Assignees);
        Assert.True(pull.Draft);
        Assert.Empty(GitHub.Log.Writes);
    }

    [Fact]
    public async Task A_reviewer_who_already_reviewed_is_not_asked_again()
    {
        Assert.Equal(0, (await Publish()).ExitCode);
        lock (GitHub.State.Gate)
        {
            Profile.Pulls[0].Reviews.Add("alice"); // GitHub drops alice from requested_reviewers
        }
        GitHub.Log.Clear();

        Assert.Equal(0, (await Publish()).ExitCode);

        Assert.Empty(GitHub.Log.Writes);
    }

    [Fact]
    public async Task Title_and_description_edited_by_hand_are_restored()
    {
        Assert.Equal(0, (await Publish()).ExitCode);
        var body = Profile.Pulls[0].Body;
        lock (GitHub.State.Gate)
        {
            Profile.Pulls[0].Title = "changed by someone";
            Profile.Pulls[0].Body = "cleared";
        }

        Assert.Equal(0, (await Publish()).ExitCode);

        Assert.Equal(body, Profile.Pulls[0].Body);
        Assert.NotEqual("changed by someone", Profile.Pulls[0].Title);
    }

    [Fact]
    public async Task A_human_commit_whose_message_claims_to_be_generated_is_not_overwritten()
    {
        Assert.Equal(0, (await Publish()).ExitCode);
        string human;
        lock (GitHub.State.Gate)
        {
            // An amended or reverted bot commit keeps the trailer text: it is still someone's work.
            human = Profile.Commit(Branch, new Dictionary<string, string> { ["profile/README.md"] = "Mon texte\n" }, "Update profile/README.md from the organization's data\n\nGenerated-by: profilegen\n");
        }
        SomeoneChangesTheData();

        var result = await Publish();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("porte des commits que profilegen n'a pas faits", result.Error);
        Assert.Equal(human, BranchHead);
    }

    [Theory]
    [InlineData("graphql")]
    [InlineData("rest")]
    public async Task A_push_made_during_the_writes_is_never_erased(string reader)
    {
        Assert.Equal(0, (await Publish("--reader", reader)).ExitCode);
        SomeoneChangesTheData();
        string? pushed = null;
        // Between the run's read of the branch and its move: someone pushes to it.
        GitHub.AddFault(new Fault
        {
            Method = "POST",
            PathPattern = reader == "rest" ? "/git/commits$" : "/graphql$",
            BodyContains = reader == "rest" ? null : "createCommitOnBranch",
            Before = state => pushed = state.Repo("org", ".github").Commit(Branch, new Dictionary<string, string> { ["profile/README.md"] = "Poussé pendant l'exécution\n" }, "Human push"),
        });

        var result = await Publish("--reader", reader);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("porte des commits que profilegen n'a pas faits", result.Error);
        Assert.NotNull(pushed);
        Assert.Equal(pushed, BranchHead);
        Assert.Equal("Poussé pendant l'exécution\n", Profile.TextAt(Branch, "profile/README.md"));
    }

    [Fact]
    public async Task A_branch_created_by_someone_during_the_first_run_is_left_alone()
    {
        string? pushed = null;
        GitHub.AddFault(new Fault
        {
            Method = "POST",
            PathPattern = "/graphql$",
            BodyContains = "createCommitOnBranch",
            Before = state => pushed = state.Repo("org", ".github").Commit(Branch, new Dictionary<string, string> { ["notes.md"] = "mine\n" }, "Their branch"),
        });

        var result = await Publish();

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(pushed, BranchHead);
        Assert.Empty(Profile.Pulls);
    }

    [Fact]
    public async Task When_the_base_already_has_the_content_a_pull_request_carrying_someone_s_commits_stays_open()
    {
        Assert.Equal(0, (await Publish()).ExitCode);
        string human;
        lock (GitHub.State.Gate)
        {
            var proposed = Profile.TextAt(Branch, "profile/README.md")!;
            MergeProposal(Branch);
            human = Profile.Commit(Branch, new Dictionary<string, string> { ["profile/README.md"] = proposed, ["extra.md"] = "more\n" }, "Add a page");
        }

        var result = await Publish();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("elle est restée ouverte", result.Error);
        Assert.Equal("open", Profile.Pulls[0].State);
        Assert.Equal(human, BranchHead);

        var forced = await Publish("--force");

        Assert.Equal(0, forced.ExitCode);
        Assert.Equal("closed", Profile.Pulls[0].State);
        Assert.Equal(human, BranchHead); // --force closes the pull request, never deletes someone's commits
        Assert.Contains("branche profilegen/profile-readme gardée", forced.Error);
        Assert.DoesNotContain("suppression de la branche", forced.Error);
    }

    [Fact]
    public async Task A_time_limit_reached_during_the_writes_says_what_was_written()
    {
        GitHub.AddFault(new Fault { Method = "POST", PathPattern = "/pulls$", Delay = TimeSpan.FromSeconds(20) });

        var result = await Publish("--timeout", "3");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines, l => l.StartsWith("profilegen: error:", StringComparison.Ordinal));
        Assert.Contains("le temps alloué à l'exécution s'est écoulé pendant les écritures, après :", line);
        Assert.Contains("création de la branche", line);
        Assert.DoesNotContain("nothing was written", result.Error);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(504)]
    public async Task No_comment_is_posted_twice_when_GitHub_applies_it_then_answers_a_timeout(int status)
    {
        Assert.Equal(0, (await Publish()).ExitCode);
        lock (GitHub.State.Gate)
        {
            MergeProposal(Branch);
        }
        GitHub.AddFault(new Fault { Method = "POST", PathPattern = "/comments$", Status = status, Times = 100, AfterApplying = true });

        var result = await Publish();

        Assert.True(result.ExitCode == 0, result.Error);
        var pull = Assert.Single(Profile.Pulls);
        Assert.Single(pull.Comments);
        Assert.Equal("closed", pull.State);
        Assert.Equal(1, GitHub.Log.Count("POST", "/comments$"));
    }

    [Fact]
    public async Task A_comment_lost_to_a_502_before_GitHub_applied_it_is_posted_once()
    {
        Assert.Equal(0, (await Publish()).ExitCode);
        lock (GitHub.State.Gate)
        {
            MergeProposal(Branch);
        }
        GitHub.AddFault(new Fault { Method = "POST", PathPattern = "/comments$", Status = 502, Times = 1 });

        Assert.Equal(0, (await Publish()).ExitCode);

        Assert.Single(Profile.Pulls[0].Comments);
        Assert.Equal(2, GitHub.Log.Count("POST", "/comments$"));
    }
}
