using System.Text.Json;
using System.Text.RegularExpressions;
using CQEN.ProfileGen.Tests.EndToEnd;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>
/// The issue's organization, end to end through `render` and `audit` against the stand-in: own,
/// inherited (from the public .github's defaults) and missing community files, red, green, pending
/// and absent CI, releases, active, slowing, stale and exempt repositories. The health view and
/// the findings must match the data exactly, whichever way GitHub counts inherited files in
/// codeOfConduct and contributingGuidelines (the schema does not say; the stand-in does both).
/// </summary>
public sealed partial class HealthEndToEndTests() : EndToEndTest(repos: 0, token: "ghs_test-healthToken000000000-0000000000000001")
{
    // The command line's clock (CliHarness): the snapshot is read "now".
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    protected override void Arrange(GitHubState state)
    {
        state.AddOrg(Org, "Organisation", "Une organisation de test");
        state.AddRepo(Org, ".github", r =>
        {
            r.PushedAt = Now.AddDays(-3);
            // The defaults: a code of conduct and a security policy, no contributing guide; LICENSE is never inherited.
            r.Commit("main", new Dictionary<string, string>
            {
                ["README.md"] = "# .github\n",
                ["CODE_OF_CONDUCT.md"] = "# Code de conduite\n",
                ["SECURITY.md"] = "# Sécurité\n",
                ["LICENSE"] = StandInData.MitText,
            });
        });
        state.AddRepo(Org, "own-all", r =>
        {
            r.Description = "Tout à soi";
            r.PushedAt = Now.AddDays(-10);
            r.Commit("main", new Dictionary<string, string>
            {
                ["README.md"] = "# own-all\n",
                ["SECURITY.md"] = "# Sécurité\n",
                ["CODE_OF_CONDUCT.md"] = "# Code\n",
                [".github/CONTRIBUTING.md"] = "# Contribuer\n", // its own, in .github/: not at the root
            });
            r.SetCi("SUCCESS");
            r.Releases.Add(new FakeRepoRelease("v2.0.0", Now.AddDays(-20)));
            r.Releases.Add(new FakeRepoRelease("v3.0.0-rc1", Now.AddDays(-2), Prerelease: true));
        });
        state.AddRepo(Org, "inherits", r =>
        {
            r.Description = "Hérite de tout";
            r.PushedAt = Now.AddDays(-400);
            r.Commit("main", new Dictionary<string, string> { ["README.md"] = "# inherits\n" });
            r.SetCi("FAILURE");
        });
        state.AddRepo(Org, "docs-contrib", r =>
        {
            r.Description = "Guide dans docs";
            r.PushedAt = Now.AddDays(-200);
            r.Commit("main", new Dictionary<string, string> { ["README.md"] = "# docs-contrib\n", ["docs/CONTRIBUTING.md"] = "# Contribuer\n" });
            r.SetCi("PENDING");
            r.Releases.Add(new FakeRepoRelease("v0.1.0", Now.AddDays(-300)));
        });
        state.AddRepo(Org, "exempt-old", r =>
        {
            r.Description = "Terminé";
            r.Topics = ["stable"];
            r.PushedAt = Now.AddDays(-800);
            r.Commit("main", new Dictionary<string, string> { ["README.md"] = "# exempt-old\n" });
            r.Releases.Add(new FakeRepoRelease("draft", Now.AddDays(-1), Draft: true));
        });
        state.AddRepo(Org, "private-one", r =>
        {
            r.Description = "Privé";
            r.Visibility = "private";
            r.PushedAt = Now.AddDays(-1);
            r.Commit("main", new Dictionary<string, string> { ["README.md"] = "# private-one\n" });
            r.SetCi("ERROR");
        });
        File.WriteAllText(Path.Combine(Dir, "profilegen.yml"),
            "filters:\n  visibility: [public, private]\nhealth:\n  exempt_topics: [stable]\n");
    }

    // What the data says, repository by repository: security, conduct, contributing, CI, release, activity.
    private static readonly Dictionary<string, string[]> Expected = new()
    {
        ["docs-contrib"] = ["hérité du dépôt .github", "hérité du dépôt .github", "propre au dépôt", "en cours", "v0.1.0", "ralenti"],
        ["exempt-old"] = ["hérité du dépôt .github", "hérité du dépôt .github", "absent", "aucune", "aucune", "exempté"],
        ["inherits"] = ["hérité du dépôt .github", "hérité du dépôt .github", "absent", "en échec", "aucune", "inactif"],
        ["own-all"] = ["propre au dépôt", "propre au dépôt", "propre au dépôt", "réussie", "v2.0.0", "actif"],
        ["private-one"] = ["absent", "absent", "absent", "en échec", "aucune", "actif"],
    };

    private static readonly string[] HealthRules = ["security-policy-missing", "code-of-conduct-missing", "contributing-missing", "ci-failing", "stale", "no-release"];

    private static readonly string[] ExpectedFindings =
    [
        "exempt-old contributing-missing", "exempt-old no-release",
        "inherits ci-failing", "inherits contributing-missing", "inherits no-release", "inherits stale",
        "private-one ci-failing", "private-one code-of-conduct-missing", "private-one contributing-missing", "private-one no-release", "private-one security-policy-missing",
    ];

    // Each row of the matrix: the repository, then each cell's meaning (its title, or the release's tag).
    private static Dictionary<string, string[]> Matrix(string markdown) =>
        Health.HealthSection.Of(markdown).Split('\n').Where(l => l.StartsWith("| [", StringComparison.Ordinal))
            .ToDictionary(l => Regex.Match(l, @"^\| \[([^\]]+)\]").Groups[1].Value, l => l.Split(" | ").Skip(1).Select(Meaning).ToArray());

    private static string Meaning(string cell) =>
        TitleOf().Match(cell) is { Success: true } t ? t.Groups[1].Value : Regex.Match(cell, @"^\[([^\]]+)\]").Groups[1].Value.Replace("\\", "", StringComparison.Ordinal);

    [GeneratedRegex("<abbr title=\"([^\"]+)\">")]
    private static partial Regex TitleOf();

    private static string[] HealthFindings(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => HealthRules.Contains(f.GetProperty("rule").GetString()))
            .Select(f => $"{f.GetProperty("repo").GetString()} {f.GetProperty("rule").GetString()}").Order(StringComparer.Ordinal).ToArray();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_health_view_matches_the_data_exactly_and_inherited_files_are_never_missing(bool githubCountsInheritedFiles)
    {
        GitHub.CommunityFieldsCountInherited = githubCountsInheritedFiles;

        var render = await Run("render");

        Assert.True(render.ExitCode == 0, render.Error);
        var matrix = Matrix(render.Out);
        Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), matrix.Keys.Order(StringComparer.Ordinal));
        Assert.All(Expected, e => Assert.Equal(e.Value, matrix[e.Key]));
        Assert.Contains("5 dépôts : 1 sans politique de sécurité · 2 dont l'intégration continue échoue · 1 inactif · 1 ralenti.", render.Out, StringComparison.Ordinal);
        Assert.Contains("Légende : ✓ présent dans le dépôt", render.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_audit_finds_exactly_what_is_missing_failing_stale_or_unreleased(bool githubCountsInheritedFiles)
    {
        GitHub.CommunityFieldsCountInherited = githubCountsInheritedFiles;

        var audit = await Run("audit", "--json");

        Assert.True(audit.ExitCode == 0, audit.Error);
        Assert.Equal(ExpectedFindings, HealthFindings(audit.Out));
        // The export for other tools: every repository's health in stable words, with where each file comes from.
        var repositories = JsonDocument.Parse(audit.Out).RootElement.GetProperty("repositories").EnumerateArray()
            .ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("health"));
        Assert.Equal("inherited", repositories["inherits"].GetProperty("code_of_conduct").GetProperty("source").GetString());
        Assert.Equal("own", repositories["own-all"].GetProperty("contributing").GetProperty("source").GetString());
        Assert.Equal("https://github.com/org/own-all/blob/main/.github/CONTRIBUTING.md", repositories["own-all"].GetProperty("contributing").GetProperty("url").GetString());
        Assert.Equal("failing", repositories["inherits"].GetProperty("ci").GetString());
        Assert.Equal("v2.0.0", repositories["own-all"].GetProperty("release").GetProperty("tag").GetString());
        Assert.Equal(400, repositories["inherits"].GetProperty("activity").GetProperty("days_since_push").GetInt32());
    }

    [Fact]
    public async Task The_health_findings_are_french_sentences_in_the_table_and_annotations()
    {
        Cli.Variables["GITHUB_ACTIONS"] = "true";

        var audit = await Run("audit");

        var health = audit.ErrorLines.Concat(audit.Out.Split('\n')).Where(l => HealthRules.Any(r => l.Contains(r, StringComparison.Ordinal))).ToArray();
        Assert.NotEmpty(health);
        Assert.All(health, l => Assert.True(EnglishSentences.In(l, ["own-all", "inherits", "exempt-old", "private-one", "docs-contrib"]).Length == 0, l));
        Assert.Contains(audit.ErrorLines, l => l.StartsWith("::warning", StringComparison.Ordinal) && l.Contains("ci-failing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_token_that_may_not_read_checks_leaves_ci_unknown_and_never_failing()
    {
        GitHub.StatusChecksForbidden = true;

        var audit = await Run("audit", "--json");
        var render = await Run("render");

        Assert.True(audit.ExitCode == 0, audit.Error);
        Assert.DoesNotContain(HealthFindings(audit.Out), f => f.EndsWith(" ci-failing", StringComparison.Ordinal));
        Assert.Equal(ExpectedFindings.Where(f => !f.EndsWith(" ci-failing", StringComparison.Ordinal)), HealthFindings(audit.Out));
        Assert.All(Matrix(render.Out), row => Assert.Equal("inconnu", row.Value[3]));
    }

    [Fact]
    public async Task The_rest_reader_says_unknown_where_it_cannot_read_and_still_finds_the_stale_repository()
    {
        var audit = await Run("audit", "--json", "--reader", "rest");
        var render = await Run("render", "--reader", "rest");

        Assert.True(audit.ExitCode == 0, audit.Error);
        Assert.Equal(["inherits stale"], HealthFindings(audit.Out));
        var matrix = Matrix(render.Out);
        Assert.All(matrix, row => Assert.Equal(["inconnu", "inconnu", "inconnu", "inconnu", "inconnu"], row.Value[..5]));
        Assert.Equal("inactif", matrix["inherits"][5]);
    }

    [Fact]
    public async Task Health_read_for_the_first_time_comes_in_the_file_batches_and_costs_no_request_of_its_own()
    {
        var render = await Run("render");

        Assert.True(render.ExitCode == 0, render.Error);
        Assert.Equal(0, GitHub.Log.All.Count(r => r.Body?.Contains("query Health", StringComparison.Ordinal) == true));
        Assert.All(GitHub.Log.All.Where(r => r.Body?.Contains("query Files", StringComparison.Ordinal) == true),
            r => Assert.Contains("statusCheckRollup", r.Body, StringComparison.Ordinal));
        Assert.Equal(WholeReadRequests(), GitHub.Log.All.Count);
    }

    [Fact]
    public async Task Rules_turned_off_in_the_configuration_say_nothing()
    {
        File.AppendAllText(Path.Combine(Dir, "profilegen.yml"), "audit:\n  rules:\n    no-release: off\n    contributing-missing: off\n    stale: error\n");

        var audit = await Run("audit", "--json");

        var findings = JsonDocument.Parse(audit.Out).RootElement.GetProperty("findings").EnumerateArray().ToArray();
        Assert.DoesNotContain(findings, f => f.GetProperty("rule").GetString() is "no-release" or "contributing-missing");
        Assert.Equal("error", findings.Single(f => f.GetProperty("rule").GetString() == "stale").GetProperty("severity").GetString());
    }

    [Fact]
    public async Task After_a_merged_proposal_the_next_pull_request_opens_with_the_health_changes_since_the_last_update()
    {
        // The public profile: the private repository stays off it (the leak guard would refuse it).
        File.WriteAllText(Path.Combine(Dir, "profilegen.yml"), "health:\n  exempt_topics: [stable]\n");
        var first = await Run("publish");
        Assert.True(first.ExitCode == 0, first.Error);
        lock (GitHub.State.Gate)
        {
            MergeProposal();
            // A week later: own-all's checks fail, inherits' pass again, docs-contrib publishes a release.
            GitHub.State.Repo(Org, "own-all").SetCi("FAILURE");
            GitHub.State.Repo(Org, "inherits").SetCi("SUCCESS");
            GitHub.State.Repo(Org, "docs-contrib").Releases.Add(new FakeRepoRelease("v0.2.0", Now.AddDays(-1)));
        }

        var second = await Run("publish");

        Assert.True(second.ExitCode == 0, second.Error);
        var body = Profile.Pulls.Single().Body;
        Assert.Contains("intégration continue passée au rouge", Line(body, "own-all"), StringComparison.Ordinal);
        Assert.Contains("intégration continue revenue au vert", Line(body, "inherits"), StringComparison.Ordinal);
        Assert.Contains("v0.2.0", Line(body, "docs-contrib"), StringComparison.Ordinal);
    }

    private static string Line(string body, string repo) =>
        body.Split('\n').FirstOrDefault(l => l.Contains($"[{repo}]", StringComparison.Ordinal) && l.Contains("intégration continue", StringComparison.Ordinal) | l.Contains("version", StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"no change line for {repo} in the body:\n{body}");
}
