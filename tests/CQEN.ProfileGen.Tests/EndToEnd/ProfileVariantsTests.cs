using CQEN.ProfileGen.Snapshots;
using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>The members-only profile, pinned repositories, large organizations and the publish path failing early.</summary>
public sealed class ProfileVariantsTests() : EndToEndTest(repos: 260, token: "ghs_test-variantsToken0000000-0000000000000001")
{
    protected override void Arrange(GitHubState state)
    {
        state.AddRepo("org", "secret-project", r => { r.Visibility = "private"; r.Description = "Interne"; r.Commit("main", new Dictionary<string, string> { ["README.md"] = "# secret\n" }); });
        state.AddRepo("org", "inner-source", r => { r.Visibility = "internal"; r.Commit("main", new Dictionary<string, string> { ["README.md"] = "# inner\n" }); });
        state.AddRepo("org", ".github-private", r => { r.Visibility = "private"; r.Commit("main", new Dictionary<string, string> { ["profile/README.md"] = "# Membres\n" }); }); // private, as GitHub expects it
    }

    [Fact]
    public async Task The_members_only_profile_lists_private_and_internal_repositories_in_github_private()
    {
        File.WriteAllText(Path.Combine(Dir, "profilegen.yml"), "filters:\n  visibility: [public, private, internal]\npublish:\n  target_repo: .github-private\n");
        var result = await Run("publish");
        Assert.True(result.ExitCode == 0, result.Error);
        var text = GitHub.State.Repo("org", ".github-private").TextAt("profilegen/profile-readme", "profile/README.md")!;
        Assert.Contains("[secret-project]", text);
        Assert.Contains("[inner-source]", text);
        Assert.DoesNotContain("[.github-private]", text);
        Assert.Empty(GitHub.State.Repo("org", ".github").Pulls);
    }

    [Fact]
    public async Task The_public_profile_leaves_private_repositories_out_even_with_a_token_that_sees_them()
    {
        var result = await Run("render");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("secret-project", result.Out);
        Assert.DoesNotContain("inner-source", result.Out);
    }

    [Fact]
    public async Task Pinned_repositories_are_in_the_snapshot_when_the_token_allows_graphql()
    {
        lock (GitHub.State.Gate)
        {
            GitHub.State.Orgs["org"].Pinned.AddRange(["projet-00003", "projet-00008"]);
        }
        var path = Path.Combine(Dir, "s.json");
        Assert.Equal(0, (await Run("snapshot", "--output", path)).ExitCode);
        var snapshot = SnapshotJson.Deserialize(File.ReadAllBytes(path), path);
        Assert.Equal(["projet-00003", "projet-00008"], snapshot.Repos.Where(r => r.Pinned).Select(r => r.Name));
    }

    [Fact]
    public async Task An_organization_of_260_repositories_is_published_as_one_pull_request_and_dry_runs_clean_after()
    {
        var result = await Run("publish", "--detailed-exitcode");
        Assert.Equal(2, result.ExitCode);
        var profile = GitHub.State.Repo("org", ".github");
        Assert.Single(profile.Pulls);
        Assert.Contains("projet-00259", profile.TextAt("profilegen/profile-readme", "profile/README.md"));
        GitHub.Log.Clear();
        var again = await Run("publish", "--dry-run", "--detailed-exitcode");
        Assert.Equal(0, again.ExitCode); // our open PR already proposes exactly this
        Assert.Contains("profilegen: unchanged (#1", again.Error);
        Assert.StartsWith("--- a/profile/README.md", again.Out); // what the PR changes on the base
        Assert.Empty(GitHub.Log.Writes);
    }

    [Fact]
    public async Task A_read_failure_during_publish_ends_the_run_before_any_write()
    {
        GitHub.AddFault(new Fault { Method = "POST", PathPattern = "/graphql$", Skip = 1, Status = 500, Times = 100 });
        var result = await Run("publish");
        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.Empty(GitHub.Log.Writes);
    }

    [Fact]
    public async Task An_unknown_target_repository_is_one_line_and_no_write()
    {
        var result = await Run("publish", "--target-repo", "nope");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("profilegen: error: GitHub found no repository org/nope (404): it does not exist or this token cannot see it", Assert.Single(result.ErrorLines));
        Assert.Empty(GitHub.Log.Writes);
    }

    [Fact]
    public async Task In_an_action_the_outputs_and_the_job_summary_are_written()
    {
        var outputs = Path.Combine(Dir, "outputs");
        var summary = Path.Combine(Dir, "summary.md");
        Cli.Variables["GITHUB_ACTIONS"] = "true";
        Cli.Variables["GITHUB_OUTPUT"] = outputs;
        Cli.Variables["GITHUB_STEP_SUMMARY"] = summary;
        var result = await Run("publish");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("::group::", result.Error);
        var lines = File.ReadAllLines(outputs);
        Assert.Contains("status=created", lines);
        Assert.Contains("changed=true", lines);
        Assert.Contains("pull-request-number=1", lines);
        Assert.Contains("pull-request-url=https://github.com/org/.github/pull/1", lines);
        Assert.Contains("pull-request-operation=created", lines);
        Assert.Contains("pull-request-branch=profilegen/profile-readme", lines);
        Assert.Contains($"pull-request-head-sha={GitHub.State.Repo("org", ".github").Git.Resolve("profilegen/profile-readme")}", lines);
        var text = File.ReadAllText(summary);
        // In the profile's language (fr-CA by default).
        Assert.Contains("[demande de tirage n° 1](https://github.com/org/.github/pull/1)", text);
        Assert.Contains("<details><summary>Différences</summary>", text);
        Assert.Contains("```diff\n--- a/profile/README.md", text);
        Assert.Contains("<details><summary>Aperçu du nouveau README</summary>", text);
        // The commit too.
        var head = Profile.Git.Resolve("profilegen/profile-readme")!;
        Assert.StartsWith("Mise à jour de profile/README.md à partir des données de l'organisation\n", Profile.Git.Commits[head].Message);
    }
}
