using System.Text.Json;
using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>`profilegen publish` against the stand-in GitHub: one pull request, kept up to date, never spam.</summary>
public sealed class PublishEndToEndTests() : EndToEndTest(repos: 30, token: "ghs_test-publishToken00000000-0000000000000001")
{
    private Task<CliResult> Publish(params string[] args) =>
        Run("publish", args);

    private string? BranchHead => Profile.Git.Resolve("profilegen/profile-readme");

    private int CommitsMade => GitHub.Log.CommitsCreated;

    [Fact]
    public async Task Ten_runs_in_a_row_make_one_pull_request_and_one_commit()
    {
        var first = await Publish("--detailed-exitcode");
        Assert.Equal(2, first.ExitCode);
        for (var i = 0; i < 9; i++)
        {
            var again = await Publish("--detailed-exitcode");
            Assert.Equal(0, again.ExitCode);
            Assert.Contains("profilegen: unchanged", again.Error);
        }
        var pull = Assert.Single(Profile.Pulls);
        Assert.Equal("open", pull.State);
        Assert.Equal(1, CommitsMade);
        var head = Profile.Git.Commits[BranchHead!];
        Assert.Equal([Profile.Git.Resolve("main")!], head.Parents);
        Assert.Contains("[projet-00001](https://github.com/org/projet-00001)", Profile.TextAt(BranchHead!, "profile/README.md"));
        Assert.Contains("<!-- profilegen:pull-request -->", pull.Body);
    }

    [Fact]
    public async Task A_run_with_nothing_new_makes_no_write_request()
    {
        await Publish();
        GitHub.Log.Clear();
        Assert.Equal(0, (await Publish()).ExitCode);
        Assert.Empty(GitHub.Log.Writes);
    }

    [Fact]
    public async Task Dry_run_prints_a_git_style_diff_and_writes_nothing()
    {
        var result = await Publish("--dry-run", "--detailed-exitcode");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("--- a/profile/README.md\n+++ b/profile/README.md\n@@ -1 +1,", result.Out);
        Assert.Contains("-# Ancien profil", result.Out);
        Assert.Contains("+## Nos dépôts", result.Out);
        Assert.Contains("profilegen: à faire : ouverture d'une demande de tirage", result.Error);
        Assert.Contains("profilegen: would-create", result.Error);
        Assert.Empty(GitHub.Log.Writes);
        Assert.Empty(Profile.Pulls);
    }

    [Fact]
    public async Task Dry_run_works_without_a_token_and_publish_without_one_says_why()
    {
        Cli.Variables.Remove("GITHUB_TOKEN");
        Assert.Equal(0, (await Publish("--dry-run")).ExitCode);
        var refused = await Publish();
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("publish: writing needs a token", Assert.Single(refused.ErrorLines));
        Assert.Empty(GitHub.Log.Writes);
    }

    [Fact]
    public async Task A_data_change_updates_the_same_pull_request_with_one_new_commit_on_the_base()
    {
        await Publish();
        lock (GitHub.State.Gate)
        {
            GitHub.State.Repo("org", "projet-00001").Description = "Nouvelle description";
        }
        var result = await Publish("--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("updated", json.RootElement.GetProperty("status").GetString());
        Assert.True(json.RootElement.GetProperty("changed").GetBoolean());
        Assert.Equal(1, json.RootElement.GetProperty("pull_request").GetProperty("number").GetInt32());
        Assert.Equal("profilegen/profile-readme", json.RootElement.GetProperty("branch").GetString());
        Assert.Single(Profile.Pulls);
        Assert.Equal(2, CommitsMade);
        Assert.Equal([Profile.Git.Resolve("main")!], Profile.Git.Commits[BranchHead!].Parents);
        Assert.Contains("Nouvelle description", Profile.TextAt(BranchHead!, "profile/README.md"));
        Assert.Contains("projet-00001", Profile.Pulls[0].Body); // listed as changed
    }

    [Fact]
    public async Task When_the_base_moves_the_commit_is_rebuilt_on_the_new_base()
    {
        await Publish();
        lock (GitHub.State.Gate)
        {
            Profile.Commit("main", new Dictionary<string, string> { ["CONTRIBUTING.md"] = "Contribuez!\n" });
        }
        Assert.Equal(0, (await Publish()).ExitCode);
        Assert.Equal([Profile.Git.Resolve("main")!], Profile.Git.Commits[BranchHead!].Parents);
        Assert.Single(Profile.Pulls);
    }

    [Fact]
    public async Task A_pull_request_closed_by_a_human_is_replaced_by_a_new_one()
    {
        await Publish();
        lock (GitHub.State.Gate)
        {
            Profile.Pulls[0].State = "closed";
            Profile.Git.Refs.Remove("refs/heads/profilegen/profile-readme"); // "delete branch" after closing
        }
        var result = await Publish("--json");
        Assert.Contains("\"status\":\"created\"", result.Out);
        Assert.Equal(2, Profile.Pulls.Count);
        Assert.Equal("open", Profile.Pulls[1].State);
    }

    [Fact]
    public async Task A_pull_request_closed_by_a_human_with_its_branch_kept_gets_a_new_pull_request()
    {
        await Publish();
        lock (GitHub.State.Gate)
        {
            Profile.Pulls[0].State = "closed";
        }
        Assert.Equal(0, (await Publish()).ExitCode);
        Assert.Equal(["closed", "open"], Profile.Pulls.Select(p => p.State));
    }

    [Fact]
    public async Task Someone_else_s_commit_on_our_branch_is_left_alone_said_once_and_taken_back_with_force()
    {
        await Publish();
        lock (GitHub.State.Gate)
        {
            Profile.Commit("profilegen/profile-readme", new Dictionary<string, string> { ["profile/README.md"] = "Mon texte à moi\n" }, "Fix wording");
            GitHub.State.Repo("org", "projet-00002").Description = "Changement";
        }
        var humanHead = BranchHead;
        for (var i = 0; i < 3; i++)
        {
            var blocked = await Publish();
            Assert.Equal(1, blocked.ExitCode);
            Assert.Contains("porte des commits que profilegen n'a pas faits", blocked.Error);
        }
        Assert.Equal(humanHead, BranchHead);
        Assert.Single(Profile.Pulls[0].Comments);

        Assert.Equal(0, (await Publish("--force")).ExitCode);
        Assert.NotEqual(humanHead, BranchHead);
        Assert.Contains("Changement", Profile.TextAt(BranchHead!, "profile/README.md"));
    }

    [Fact]
    public async Task When_the_base_already_has_the_content_our_pull_request_is_closed_and_the_branch_deleted()
    {
        await Publish();
        lock (GitHub.State.Gate)
        {
            MergeProposal();
        }
        var result = await Publish("--json");
        Assert.Contains("\"status\":\"closed\"", result.Out);
        Assert.Equal("closed", Profile.Pulls[0].State);
        Assert.Single(Profile.Pulls[0].Comments);
        Assert.Null(BranchHead);
        GitHub.Log.Clear();
        Assert.Equal(0, (await Publish()).ExitCode);
        Assert.Empty(GitHub.Log.Writes);
    }

    [Fact]
    public async Task Two_runs_at_once_make_one_pull_request()
    {
        var runs = await Task.WhenAll(new CliHarness { Variables = { ["GITHUB_TOKEN"] = Token } }.RunAsync("publish", "--api-url", GitHub.ApiUrl, "--org", "org"),
            new CliHarness { Variables = { ["GITHUB_TOKEN"] = Token } }.RunAsync("publish", "--api-url", GitHub.ApiUrl, "--org", "org"));
        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Error));
        Assert.Single(Profile.Pulls);
    }

    [Fact]
    public async Task Labels_and_reviewers_from_the_configuration_are_set_on_the_new_pull_request()
    {
        File.WriteAllText(Path.Combine(Dir, "profilegen.yml"), "publish:\n  labels: [documentation]\n  reviewers: [octocat]\n  title: Profil à jour\n");
        Profile.Collaborators.Add("octocat");
        Assert.Equal(0, (await Publish()).ExitCode);
        var pull = Assert.Single(Profile.Pulls);
        Assert.Equal("Profil à jour", pull.Title);
        Assert.Equal(["documentation"], pull.Labels);
        Assert.Equal(["octocat"], pull.Reviewers);
    }

    [Fact]
    public async Task Managed_regions_change_only_their_inside()
    {
        var handWritten = "\uFEFF# Bienvenue\r\n\r\nTexte écrit à la main.\r\n<!-- profilegen:begin repos -->\r\nancien\r\n<!-- profilegen:end repos -->\r\nFin, sans saut de ligne final";
        lock (GitHub.State.Gate)
        {
            Profile.Commit("main", new Dictionary<string, string> { ["profile/README.md"] = handWritten });
        }
        File.WriteAllText(Path.Combine(Dir, "repos.sbn"), "{{ for r in repos }}- {{ md_link r.name r.url }}\n{{ end }}");
        var result = await Publish("--region", Path.Combine(Dir, "repos.sbn"));
        Assert.Equal(1, result.ExitCode); // NAME=FILE is required
        Assert.Contains("--region: expected NAME=FILE", result.Error);

        result = await Publish("--region", "repos=" + Path.Combine(Dir, "repos.sbn"));
        Assert.True(result.ExitCode == 0, result.Error);
        var text = Profile.TextAt("profilegen/profile-readme", "profile/README.md")!;
        Assert.StartsWith("\uFEFF# Bienvenue\r\n\r\nTexte écrit à la main.\r\n<!-- profilegen:begin repos -->\r\n- [projet-00001]", text);
        Assert.EndsWith("<!-- profilegen:end repos -->\r\nFin, sans saut de ligne final", text);
        Assert.DoesNotContain("ancien", text);
    }

    [Fact]
    public async Task A_missing_region_is_an_error_and_nothing_is_written()
    {
        File.WriteAllText(Path.Combine(Dir, "x.sbn"), "x");
        var result = await Publish("--region", "nowhere=" + Path.Combine(Dir, "x.sbn"));
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("profilegen: error: org/.github:profile/README.md:", Assert.Single(result.ErrorLines));
        Assert.Empty(GitHub.Log.Writes);
    }

    [Fact]
    public async Task A_failure_while_writing_the_commit_leaves_no_branch_and_no_pull_request()
    {
        GitHub.AddFault(new Fault { Method = "POST", PathPattern = "/graphql$", BodyContains = "createCommitOnBranch", Status = 500, Times = 100 });
        var result = await Publish();
        Assert.Equal(1, result.ExitCode);
        Assert.Null(BranchHead);
        Assert.Empty(Profile.Pulls);
    }

    [Fact]
    public async Task A_failure_after_the_branch_moved_is_completed_by_the_next_run()
    {
        GitHub.AddFault(new Fault { Method = "POST", PathPattern = "/pulls$", Status = 500, Times = 100 });
        Assert.Equal(1, (await Publish()).ExitCode);
        Assert.NotNull(BranchHead); // a complete commit, but no pull request yet
        Assert.Empty(Profile.Pulls);
        GitHub.Faults.Clear();
        GitHub.Log.Clear();
        Assert.Equal(0, (await Publish()).ExitCode);
        Assert.Single(Profile.Pulls);
        Assert.Equal(0, CommitsMade); // the branch already held the right commit
    }
}
