using System.Text.Json;
using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>
/// `profilegen doctor` against a stand-in that refuses what GitHub refuses: each check ok / will
/// fail / could not check with its fix, exit 1 only on a blocker, and never a write. Runs as the
/// starter workflow's GITHUB_TOKEN in GitHub Actions unless a test says otherwise.
/// </summary>
public sealed class DoctorEndToEndTests() : EndToEndTest(repos: 12, token: "ghs_test-doctorStarterToken00-0000000000000001")
{
    private const string Owner = "ghp_test-doctorOwnerClassic000-0000000000000001";
    private readonly string _summary = Path.Combine(Path.GetTempPath(), $"profilegen-doctor-{Guid.NewGuid():N}.md");

    protected override void Arrange(GitHubState state)
    {
        state.AddClassicToken(Owner, "owner-login", "repo", "admin:org", "read:org");
        state.Orgs[Org].Owners.Add("owner-login");
        Cli.Variables["GITHUB_ACTIONS"] = "true";
        Cli.Variables["GITHUB_STEP_SUMMARY"] = _summary;
    }

    public override async Task DisposeAsync()
    {
        File.Delete(_summary);
        await base.DisposeAsync();
    }

    private async Task<CliResult> Doctor(params string[] args)
    {
        var result = await Run("doctor", args);
        Assert.Empty(GitHub.Log.Writes);
        return result;
    }

    private static string Line(CliResult result, string check) =>
        Assert.Single(result.Out.Split('\n'), l => l.Length > 17 && l[17..].StartsWith(check + " ", StringComparison.Ordinal));

    private static string FixAfter(CliResult result, string check)
    {
        var lines = result.Out.Split('\n');
        return lines[Array.IndexOf(lines, Line(result, check)) + 1];
    }

    private void Configure(string yaml) => File.WriteAllText(Path.Combine(Dir, "profilegen.yml"), yaml);

    [Fact]
    public async Task The_starter_token_cannot_read_the_Actions_setting_so_doctor_names_it_as_could_not_check_and_exits_0()
    {
        var result = await Doctor();

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.StartsWith("could not check", Line(result, "Actions pull requests"));
        var fix = FixAfter(result, "Actions pull requests");
        Assert.Contains("\"Allow GitHub Actions to create and approve pull requests\" under Settings → Actions → General → Workflow permissions", fix);
        Assert.Contains("`pull-requests: write`", fix);
        Assert.StartsWith("could not check", Line(result, "token"));
        Assert.Contains("the workflow's `permissions:`: `contents: write`, `pull-requests: write`", FixAfter(result, "token"));
        Assert.StartsWith("ok", Line(result, "repository"));
        Assert.EndsWith("no blocker: nothing found that stops the run", result.Out.TrimEnd());
    }

    [Fact]
    public async Task An_owner_s_token_reads_the_Actions_setting_and_says_which_level_is_off()
    {
        Profile.ActionsCanCreatePullRequests = false;
        Cli.Variables["GITHUB_TOKEN"] = Owner;

        var result = await Doctor();

        Assert.True(result.ExitCode == 0, result.Out); // a classic token does not need the setting
        Assert.StartsWith("will fail", Line(result, "Actions pull requests"));
        Assert.Contains("is off for the repository: a GITHUB_TOKEN cannot open the pull request (this token does not need it)", Line(result, "Actions pull requests"));
        Assert.StartsWith("ok", Line(result, "token"));
        Assert.Contains("a classic token with scopes repo, admin:org, read:org", Line(result, "token"));
        Assert.StartsWith("ok", Line(result, "write access"));
    }

    [Fact]
    public async Task A_classic_token_without_the_repo_scope_is_a_blocker_naming_the_scope()
    {
        GitHub.State.AddClassicToken("ghp_test-doctorNoScope0000000-0000000000000001", "someone", "gist");
        Cli.Variables["GITHUB_TOKEN"] = "ghp_test-doctorNoScope0000000-0000000000000001";

        var result = await Doctor();

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("will fail", Line(result, "token"));
        Assert.Contains("`repo` (`public_repo` for a public `.github`)", FixAfter(result, "token"));
        Assert.StartsWith("will fail", Line(result, "write access"));
        Assert.Equal("2 blockers: the run will fail until they are fixed", result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
    }

    [Fact]
    public async Task A_profile_that_may_list_private_repositories_into_a_public_repository_is_refused_by_the_leak_guard_s_rule()
    {
        Configure("filters:\n  visibility: [public, private]\n");

        var refused = await Doctor();
        Configure("filters:\n  visibility: [public, private]\npublish:\n  allow_private_in_public: true\n");
        var allowed = await Doctor();

        Assert.Equal(1, refused.ExitCode);
        Assert.StartsWith("will fail", Line(refused, "visibility"));
        Assert.Contains("set publish.allow_private_in_public: true", FixAfter(refused, "visibility"));
        Assert.Equal(0, allowed.ExitCode);
        Assert.StartsWith("ok", Line(allowed, "visibility"));
    }

    [Fact]
    public async Task A_missing_target_repository_is_a_blocker()
    {
        var result = await Doctor("--target-repo", "absent");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("will fail", Line(result, "repository"));
        Assert.Contains("publish.target_repo or --target-repo", FixAfter(result, "repository"));
    }

    [Fact]
    public async Task Labels_reviewers_and_teams_GitHub_would_refuse_are_named_without_stopping_the_run()
    {
        Profile.Collaborators.Add("alice");
        Configure("publish:\n  labels: [bug, profile]\n  reviewers: [alice, mallory]\n");

        var result = await Doctor("--team-reviewer", "docs");

        Assert.True(result.ExitCode == 0, result.Out);
        Assert.StartsWith("could not check", Line(result, "labels"));
        Assert.Contains("profile do not exist: creating them needs `issues: write`", Line(result, "labels"));
        Assert.StartsWith("will fail", Line(result, "reviewers"));
        Assert.Contains("mallory", Line(result, "reviewers"));
        Assert.DoesNotContain("alice", Line(result, "reviewers"));
        Assert.StartsWith("will fail", Line(result, "team reviewers"));
        Assert.Contains("not possible", FixAfter(result, "team reviewers"));
    }

    [Fact]
    public async Task A_rule_restricting_creation_of_a_branch_that_does_not_exist_yet_is_a_blocker_and_other_rules_are_explained()
    {
        Profile.Rules.Add(new FakeRule("non_fast_forward"));
        Profile.Rules.Add(new FakeRule("deletion"));
        var explained = await Doctor();
        Profile.Rules.Add(new FakeRule("creation"));
        var blocked = await Doctor();

        Assert.Equal(0, explained.ExitCode);
        Assert.Contains("force pushes blocked: the run commits on top of the branch instead", Line(explained, "branch rules"));
        Assert.Contains("deletions restricted", Line(explained, "branch rules"));
        Assert.Equal(1, blocked.ExitCode);
        Assert.StartsWith("will fail", Line(blocked, "branch rules"));
        Assert.Contains("bypass list", FixAfter(blocked, "branch rules"));
    }

    [Fact]
    public async Task Too_small_a_request_budget_is_a_blocker_naming_when_it_resets()
    {
        StandInData.GenerateOrg(GitHub.State, "big", 2000); // about 65 GraphQL points to read
        GitHub.State.RateLimit = 40;

        var result = await Cli.RunAsync("doctor", "--api-url", GitHub.ApiUrl, "--org", "big");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("will fail", Line(result, "request budget"));
        Assert.Contains("UTC, when the limit resets", FixAfter(result, "request budget"));
    }

    [Fact]
    public async Task A_dry_run_names_the_Actions_setting_before_the_diff_and_writes_nothing()
    {
        Profile.ActionsCanCreatePullRequests = false;

        var result = await Run("publish", "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(GitHub.Log.Writes);
        var lines = result.ErrorLines.ToList();
        var setting = lines.FindIndex(l => l.StartsWith("profilegen: could not check", StringComparison.Ordinal) && l.Contains("Actions pull requests", StringComparison.Ordinal));
        Assert.True(setting >= 0, result.Error);
        Assert.Contains("Settings → Actions → General → Workflow permissions", lines[setting + 1]);
        Assert.True(setting < lines.FindIndex(l => l.StartsWith("profilegen: à faire : ", StringComparison.Ordinal)), result.Error);
    }

    [Fact]
    public async Task The_json_output_and_the_job_summary_carry_the_same_checks()
    {
        Configure("filters:\n  visibility: [public, private]\n");

        var result = await Doctor("--json");

        Assert.Equal(1, result.ExitCode);
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(1, json.GetProperty("blockers").GetInt32());
        var visibility = json.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("check").GetString() == "visibility");
        Assert.Equal("will_fail", visibility.GetProperty("status").GetString());
        Assert.True(visibility.GetProperty("blocks").GetBoolean());
        var summary = File.ReadAllText(_summary);
        Assert.Contains("| check | status | finding | fix |", summary);
        Assert.Contains("| visibility | ❌ will fail |", summary);
        Assert.Contains("| Actions pull requests | ❔ could not check |", summary);
    }
}
