using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>
/// Publishing where organization rulesets apply to every branch (REAL-GITHUB R8), and branch
/// moves that are compare-and-swap on every path (#28): a push made at the very moment of the
/// move survives, on GraphQL and on REST, with or without --force.
/// </summary>
public sealed class PublishRulesetTests() : EndToEndTest(repos: 12, token: "ghs_test-rulesetToken0000000-0000000000000001")
{
    private const string Branch = "profilegen/profile-readme";

    private string? BranchHead => Profile.Git.Resolve(Branch);

    private Task<CliResult> Publish(params string[] args) => Run("publish", args);

    private void AWeekPasses(int week)
    {
        lock (GitHub.State.Gate)
        {
            GitHub.State.Repo(Org, "projet-00001").Description = $"Semaine {week}";
            Profile.Commit("main", new Dictionary<string, string> { [$"notes/semaine-{week}.md"] = "Notes\n" }, "Notes de la semaine");
        }
    }

    [Theory]
    [InlineData("graphql")]
    [InlineData("rest")]
    public async Task Under_no_force_push_signed_commits_and_no_deletion_three_weekly_changes_converge_to_one_pull_request(string reader)
    {
        lock (GitHub.State.Gate)
        {
            Profile.Rules.AddRange([new FakeRule("non_fast_forward"), new FakeRule("required_signatures"), new FakeRule("deletion")]);
        }
        Assert.Equal(0, (await Publish("--reader", reader)).ExitCode);
        var heads = new List<string> { BranchHead! };
        for (var week = 1; week <= 3; week++)
        {
            AWeekPasses(week);
            var result = await Publish("--reader", reader);
            Assert.True(result.ExitCode == 0, result.Error);
            Assert.True(Profile.Git.IsAncestor(heads[^1], BranchHead!), "the branch only moves forward: nothing was force-pushed");
            Assert.Contains($"Semaine {week}", Profile.TextAt(Branch, "profile/README.md"));
            heads.Add(BranchHead!);
        }
        var pull = Assert.Single(Profile.Pulls);
        Assert.Equal("open", pull.State);
        GitHub.Log.Clear();
        Assert.Equal(0, (await Publish("--reader", reader)).ExitCode);
        Assert.Empty(GitHub.Log.Writes);

        // Merged by hand: the pull request is closed, and the branch a rule protects stays.
        lock (GitHub.State.Gate)
        {
            MergeProposal(Branch);
        }
        var closing = await Publish("--reader", reader);
        Assert.True(closing.ExitCode == 0, closing.Error);
        Assert.Equal("closed", pull.State);
        Assert.Equal(heads[^1], BranchHead);
        Assert.True(closing.Error.Contains("profilegen: warning: branche profilegen/profile-readme gardée : ", StringComparison.Ordinal), closing.Error);
    }

    [Fact]
    public async Task On_the_REST_path_a_personal_token_s_unsigned_commit_is_refused_by_the_signature_rule_with_the_fix_and_nothing_left()
    {
        GitHub.State.AddClassicToken("ghp_test-personalToken0000000-0000000000000001", "maintainer", "repo");
        Cli.Variables["GITHUB_TOKEN"] = "ghp_test-personalToken0000000-0000000000000001";
        lock (GitHub.State.Gate)
        {
            Profile.Rules.Add(new FakeRule("required_signatures"));
        }
        var result = await Publish("--reader", "rest");
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("Commits must have verified signatures.", line);
        Assert.Contains("signed only with a bot token (the workflow's GITHUB_TOKEN or a GitHub App)", line);
        Assert.Null(BranchHead);
        Assert.Empty(Profile.Pulls);
    }

    [Theory]
    [InlineData("rest", false)]
    [InlineData("rest", true)]
    [InlineData("graphql", false)]
    [InlineData("graphql", true)]
    public async Task A_push_landing_at_the_moment_of_the_move_survives(string reader, bool force)
    {
        Assert.Equal(0, (await Publish("--reader", reader)).ExitCode);
        if (force)
        {
            lock (GitHub.State.Gate)
            {
                Profile.Commit(Branch, new Dictionary<string, string> { ["profile/README.md"] = "Texte d'une personne\n" }, "Human edit");
            }
        }
        AWeekPasses(1);
        string? pushed = null;
        // After every read of the run, right as the move arrives at GitHub: someone pushes.
        GitHub.AddFault(new Fault
        {
            Method = reader == "rest" ? "PATCH" : "POST",
            PathPattern = reader == "rest" ? "/git/refs/heads/" : "/graphql$",
            BodyContains = reader == "rest" ? null : "mutation",
            Before = state => pushed = state.Repo(Org, ".github").Commit(Branch, new Dictionary<string, string> { ["profile/README.md"] = "Poussé au moment du déplacement\n" }, "Human push"),
        });

        var result = await Publish(force ? ["--reader", reader, "--force"] : ["--reader", reader]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(force ? "changed during the run" : "porte des commits que profilegen n'a pas faits", result.Error);
        Assert.NotNull(pushed);
        Assert.Equal(pushed, BranchHead);
        Assert.Equal("Poussé au moment du déplacement\n", Profile.TextAt(Branch, "profile/README.md"));
    }
}
