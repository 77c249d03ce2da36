using System.Text;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.GitHub;
using CQEN.ProfileGen.Publishing;
using static CQEN.ProfileGen.Tests.Publishing.PublishPlannerFixture;

namespace CQEN.ProfileGen.Tests.Publishing;

/// <summary>
/// The planner's less travelled paths: what a person reads about each step and each refusal,
/// a repository without the file yet, a pull request edited by hand, team reviewers and assignees.
/// </summary>
public class PublishPlannerEdgeTests
{
    public class Descriptions
    {
        [Fact]
        public void A_commit_names_the_file_the_base_its_short_parent_the_line_counts_and_what_happens_to_the_branch()
        {
            Assert.Equal("commit profile/README.md on main (1111111): +3 -1 lines; create branch pg to it",
                new CommitStep(Base, "main", "pg", null, "profile/README.md", [], "m", 3, 1).Describe());
            Assert.Equal("commit profile/README.md on main (1111111): +0 -2 lines; move branch pg to it",
                new CommitStep(Base, "main", "pg", Ours, "profile/README.md", [], "m", 0, 2).Describe());
        }

        [Fact]
        public void A_parent_shorter_than_seven_characters_is_shown_whole()
        {
            Assert.StartsWith("commit a on main (abc):", new CommitStep("abc", "main", "pg", null, "a", [], "m", 1, 0).Describe(), StringComparison.Ordinal);
        }

        [Fact]
        public void Every_other_step_is_one_line_saying_what_it_writes()
        {
            Assert.Equal("delete branch pg", new DeleteBranchStep("pg", Ours).Describe());
            Assert.Equal("open a pull request pg → main: \"Titre\"", new OpenPullStep("Titre", "corps", "pg", "main").Describe());
            Assert.Equal("update the title and description of #7", new UpdatePullStep(7, "Titre", "corps").Describe());
            Assert.Equal("add the label(s) docs, profile", new AddLabelsStep(["docs", "profile"]).Describe());
            Assert.Equal("request a review from alice, bob, team docs", new RequestReviewersStep(["alice", "bob"], ["docs"]).Describe());
            Assert.Equal("assign alice, bob", new AddAssigneesStep(["alice", "bob"]).Describe());
            Assert.Equal("comment on #7: pourquoi", new CommentStep(7, "texte", "pourquoi").Describe());
            Assert.Equal("close #7", new ClosePullStep(7).Describe());
        }
    }

    public class ContentAlreadyOnTheBase
    {
        [Fact]
        public void Without_a_pull_request_nothing_is_to_be_done()
        {
            var plan = Plan(State(current: NewText));

            Assert.Equal(PublishStatus.Unchanged, plan.Status);
            Assert.Empty(plan.Steps);
            Assert.Null(plan.Problem);
        }

        [Fact]
        public void The_closing_comment_says_why_in_the_plan()
        {
            var plan = Plan(State(head: Ours, pull: true, current: NewText));

            Assert.Equal("commentaire sur #7 : main a déjà ce contenu", plan.Steps[0].Describe(ProfileCulture.French));
            var english = Plan(State(head: Ours, pull: true, current: NewText), Request with { Culture = ProfileCulture.English });
            Assert.Equal("comment on #7: main already has this content", english.Steps[0].Describe(ProfileCulture.English));
        }

        [Fact]
        public void A_pull_request_left_open_for_someone_s_commits_says_so_and_how_to_close_it()
        {
            var plan = Plan(State(head: Human, pull: true, recorded: false, current: NewText));

            Assert.Equal(["#7 reste ouverte : main a déjà ce contenu, mais la branche profilegen/profile-readme porte des commits que profilegen n'a pas faits"], plan.Notes);
            Assert.Equal("main a déjà ce contenu, mais #7 porte sur profilegen/profile-readme des commits que profilegen n'a pas faits; elle est restée ouverte (relancez avec --force pour la fermer; la branche est gardée)", plan.Problem);
            var english = Plan(State(head: Human, pull: true, recorded: false, current: NewText), Request with { Culture = ProfileCulture.English });
            Assert.Equal("main already has this content, but #7 carries commits that profilegen did not make on profilegen/profile-readme; it was left open (run with --force to close it; the branch is kept)", english.Problem);
        }
    }

    public class SomeoneElsesBranch
    {
        [Fact]
        public void The_notice_on_the_pull_request_and_the_note_say_the_branch_is_left_alone()
        {
            var plan = Plan(State(head: Human, pull: true, recorded: false));

            Assert.Equal("commentaire sur #7 : quelqu'un d'autre a poussé sur la branche", Assert.Single(plan.Steps).Describe(ProfileCulture.French));
            Assert.Equal(["branche profilegen/profile-readme laissée telle quelle : quelqu'un d'autre y a poussé"], plan.Notes);
            Assert.Equal("la branche profilegen/profile-readme de org/.github porte des commits que profilegen n'a pas faits; ils ont été laissés tels quels (relancez avec --force pour les remplacer)", plan.Problem);
            var english = Plan(State(head: Human, pull: true, recorded: false), Request with { Culture = ProfileCulture.English });
            Assert.Equal(["leave branch profilegen/profile-readme alone: someone else pushed to it"], english.Notes);
            Assert.Equal("branch profilegen/profile-readme of org/.github has commits that profilegen did not make; they were left alone (run with --force to replace them)", english.Problem);
        }

        [Fact]
        public void The_notice_is_given_once()
        {
            var plan = Plan(State(head: Human, pull: true, recorded: false) with { ForeignNoticeGiven = true });

            Assert.Equal(PublishStatus.Blocked, plan.Status);
            Assert.Empty(plan.Steps);
        }
    }

    public class Description
    {
        [Fact]
        public void A_repository_without_the_file_gets_a_pull_request_listing_every_repository_as_added()
        {
            var plan = Plan(State(current: null));

            var open = Assert.IsType<OpenPullStep>(plan.Steps[1]);
            Assert.Contains("### Dépôts ajoutés (1)\n\n- `alpha`", open.Body, StringComparison.Ordinal);
        }

        [Fact]
        public void A_repository_already_in_the_file_is_listed_as_changed_not_added()
        {
            var plan = Plan(State(current: "# Profil\n\n- [alpha](https://github.com/org/alpha) ancien\n"));

            var open = Assert.IsType<OpenPullStep>(plan.Steps[1]);
            Assert.Contains("### Dépôts modifiés (1)\n\n- `alpha`", open.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("ajoutés", open.Body, StringComparison.Ordinal);
        }

        [Fact]
        public void A_title_edited_by_hand_is_set_back_even_when_the_branch_is_current()
        {
            var state = State(head: Ours, headHasNewText: true, pull: true);

            var plan = Plan(state with { Pull = state.Pull! with { Title = "Titre modifié à la main" } });

            var update = Assert.IsType<UpdatePullStep>(Assert.Single(plan.Steps));
            Assert.Equal("Mise à jour", update.Title);
            Assert.Equal(PublishStatus.Updated, plan.Status);
        }
    }

    public class ReviewersAndAssignees
    {
        [Fact]
        public void Only_the_teams_not_yet_asked_are_asked()
        {
            var state = State(head: Ours, headHasNewText: true, pull: true);

            var plan = Plan(state with { Pull = state.Pull! with { RequestedTeams = ["Docs"] } }, Request with { TeamReviewers = ["docs", "ops", "OPS"] });

            var request = Assert.IsType<RequestReviewersStep>(Assert.Single(plan.Steps));
            Assert.Empty(request.Reviewers);
            Assert.Equal(["ops"], request.Teams);
        }

        [Fact]
        public void A_first_run_asks_every_team()
        {
            var plan = Plan(State(), Request with { Reviewers = [], TeamReviewers = ["docs"] });

            Assert.Equal(["docs"], Assert.Single(plan.Steps.OfType<RequestReviewersStep>()).Teams);
        }

        [Fact]
        public void Only_the_people_not_yet_assigned_are_assigned()
        {
            var state = State(head: Ours, headHasNewText: true, pull: true);

            var plan = Plan(state with { Pull = state.Pull! with { Assignees = ["Bob"] } }, Request with { Assignees = ["bob", "carol", "Carol"] });

            Assert.Equal(["carol"], Assert.IsType<AddAssigneesStep>(Assert.Single(plan.Steps)).Assignees);
        }

        [Fact]
        public void A_first_run_assigns_everyone_named()
        {
            var plan = Plan(State(), Request with { Assignees = ["bob"] });

            Assert.Equal(["bob"], Assert.Single(plan.Steps.OfType<AddAssigneesStep>()).Assignees);
        }
    }
}
