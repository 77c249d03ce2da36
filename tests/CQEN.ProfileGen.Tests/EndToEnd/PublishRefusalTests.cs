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

    private void Configure(string publish) => File.WriteAllText(Path.Combine(Dir, "profilegen.yml"), "publish:\n" + publish);

    private static string Warning(CliResult result) =>
        Assert.Single(result.ErrorLines, l => l.StartsWith("profilegen: warning:", StringComparison.Ordinal));

    // What every best-effort refusal must leave: exit 0, an open pull request with the profile,
    // one warning, a line in the body; and the next run asks again for nothing and writes nothing.
    private async Task<FakePullRequest> RefusedOnceThenRemembered(string[] args, string warningSays, string bodySays)
    {
        var first = await Publish(args);
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains(warningSays, Warning(first));
        var pull = Assert.Single(Profile.Pulls);
        Assert.Equal("open", pull.State);
        Assert.Contains("projet-00001", Profile.TextAt(Branch, "profile/README.md"));
        Assert.Contains(bodySays, pull.Body);

        GitHub.Log.Clear();
        var second = await Publish(args);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.DoesNotContain(second.ErrorLines, l => l.StartsWith("profilegen: warning:", StringComparison.Ordinal));
        Assert.Empty(GitHub.Log.Writes);
        return pull;
    }

    [Fact]
    public async Task A_label_the_token_may_not_create_is_a_warning_and_the_labels_that_exist_are_set()
    {
        Configure("  labels: [documentation, profil-auto]\n");
        var pull = await RefusedOnceThenRemembered([], "label 'profil-auto' not set: GitHub refused access to labels of #1 of org/.github (403 You do not have permission to create labels on this repository.)", "GitHub a refusé l'étiquette `profil-auto`");
        Assert.Equal(["documentation"], pull.Labels);
        Assert.DoesNotContain("profil-auto", Profile.Labels);
    }

    [Fact]
    public async Task A_reviewer_who_is_not_a_collaborator_is_a_warning_remembered_in_the_pull_request_and_not_asked_again()
    {
        Profile.Collaborators.Add("alice");
        Configure("  reviewers: [alice, mallory]\n");
        var pull = await RefusedOnceThenRemembered([], "reviewer 'mallory' not set: GitHub refused reviewers of #1 of org/.github (422 Reviews may only be requested from collaborators.", "GitHub a refusé de demander une révision à `mallory`");
        Assert.Equal(["alice"], pull.Reviewers);
        Assert.Contains("<!-- profilegen:refused reviewer:mallory -->", pull.Body);
    }

    [Fact]
    public async Task The_token_s_own_login_is_not_asked_to_review_the_pull_request_it_opens()
    {
        GitHub.State.AddClassicToken("ghp_test-maintainerToken00000-0000000000000001", "maintainer", "repo");
        Cli.Variables["GITHUB_TOKEN"] = "ghp_test-maintainerToken00000-0000000000000001";
        Profile.Collaborators.UnionWith(["alice", "maintainer"]);
        Configure("  reviewers: [maintainer, alice]\n");
        var result = await Publish();
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.DoesNotContain(result.ErrorLines, l => l.Contains("warning", StringComparison.Ordinal));
        Assert.Equal(["alice"], Assert.Single(Profile.Pulls).Reviewers);
    }

    [Fact]
    public async Task A_team_the_GITHUB_TOKEN_cannot_resolve_is_a_warning_and_its_unreadable_request_does_not_stop_later_runs()
    {
        GitHub.State.Orgs[Org].Teams.Add("web");
        await RefusedOnceThenRemembered(["--team-reviewer", "web"], "team 'web' not set: GitHub refused reviewers of #1 of org/.github (422 Could not resolve to a node", "GitHub a refusé de demander une révision à l'équipe `web`");
        lock (GitHub.State.Gate)
        {
            Profile.Pulls[0].TeamReviewers.Add("web"); // CODEOWNERS or a person asks the team
            GitHub.State.Repo(Org, "projet-00003").Description = "Nouveau";
        }
        // The publish read asks for team slugs (a team is configured); GitHub answers FORBIDDEN for each.
        var withTeams = await Publish("--team-reviewer", "web");
        Assert.True(withTeams.ExitCode == 0, withTeams.Error);
        // Without a configured team, the read does not ask for team fields at all.
        var withoutTeams = await Publish();
        Assert.True(withoutTeams.ExitCode == 0, withoutTeams.Error);
        Assert.Contains("Nouveau", Profile.TextAt(Branch, "profile/README.md"));
    }

    [Fact]
    public async Task An_assignee_GitHub_silently_leaves_out_is_a_warning_and_not_asked_again()
    {
        Profile.Collaborators.Add("carol");
        var pull = await RefusedOnceThenRemembered(["--assignee", "carol", "--assignee", "dave"], "assignee 'dave' not set: GitHub left dave out of the assignees of #1 (no write access to org/.github)", "GitHub n'a pas assigné `dave`");
        Assert.Equal(["carol"], pull.Assignees);
    }

    [Fact]
    public async Task A_draft_refused_on_a_private_repository_of_a_Free_organization_is_opened_as_a_normal_pull_request()
    {
        lock (GitHub.State.Gate)
        {
            GitHub.State.AddRepo(Org, ".github-private", r => r.Commit("main", new Dictionary<string, string> { ["profile/README.md"] = "# Membres\n" })).Visibility = "private";
            GitHub.State.Repo(Org, ".github-private").ActionsCanCreatePullRequests = true;
        }
        var first = await Publish("--target-repo", ".github-private", "--draft");
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("the pull request is not a draft: GitHub refused a pull request on org/.github-private (422 Draft pull requests are not supported in this repository.)", Warning(first));
        var pull = Assert.Single(GitHub.State.Repo(Org, ".github-private").Pulls);
        Assert.False(pull.Draft);
        Assert.Contains("GitHub n'offre pas les brouillons dans ce dépôt", pull.Body);
        GitHub.Log.Clear();
        Assert.Equal(0, (await Publish("--target-repo", ".github-private", "--draft")).ExitCode);
        Assert.Empty(GitHub.Log.Writes);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_profile_naming_a_private_repository_is_refused_in_a_public_repository_with_nothing_written(bool dryRun)
    {
        lock (GitHub.State.Gate)
        {
            GitHub.State.Repo(Org, "projet-00001").Visibility = "private";
            GitHub.State.Repo(Org, "projet-00002").Visibility = "internal";
        }
        File.WriteAllText(Path.Combine(Dir, "profilegen.yml"), "filters:\n  visibility: [public, private, internal]\n");
        var result = await Publish(dryRun ? ["--dry-run"] : []);
        Assert.Equal(1, result.ExitCode);
        // A dry run names it first among doctor's checks, then fails as the real run does.
        Assert.Equal("profilegen: error: org/.github is public and the profile would name 2 private or internal repositories (projet-00001, projet-00002): nothing was written. Keep filters.visibility to [public], publish to .github-private (members only), or set publish.allow_private_in_public: true", dryRun ? result.ErrorLines[^1] : Assert.Single(result.ErrorLines));
        Assert.Equal(dryRun, result.ErrorLines.Any(l => l.StartsWith("profilegen: will fail", StringComparison.Ordinal) && l.Contains(" visibility ", StringComparison.Ordinal)));
        Assert.Empty(GitHub.Log.Writes);
        Assert.Null(BranchHead);
    }

    [Fact]
    public async Task Private_repositories_are_published_into_a_public_repository_when_the_configuration_allows_it()
    {
        lock (GitHub.State.Gate)
        {
            GitHub.State.Repo(Org, "projet-00001").Visibility = "private";
        }
        File.WriteAllText(Path.Combine(Dir, "profilegen.yml"), "filters:\n  visibility: [public, private]\npublish:\n  allow_private_in_public: true\n");
        var result = await Publish();
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("projet-00001", Profile.TextAt(Branch, "profile/README.md"));
    }

    [Fact]
    public async Task A_private_dot_github_is_published_with_a_warning_that_GitHub_will_not_show_it()
    {
        lock (GitHub.State.Gate)
        {
            Profile.Visibility = "private";
        }
        var result = await Publish();
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("profilegen: warning: org/.github is private: GitHub shows its profile/README.md on the organization's page only when the repository is public", Warning(result));
        Assert.Single(Profile.Pulls);
    }
}
