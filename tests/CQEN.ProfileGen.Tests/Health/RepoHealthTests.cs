using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Health;
using CQEN.ProfileGen.Publishing;
using CQEN.ProfileGen.Rendering;
using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Tests.Health;

/// <summary>The health model, its facts entries and the change list's sentences for them.</summary>
public sealed class RepoHealthTests
{
    private static readonly DateTimeOffset ReadAt = HealthAuditTests.ReadAt;

    private static RepoSnapshot Repo(string name, int daysSincePush, string ci = "success", string? release = "v1.0", string[]? root = null, IReadOnlyList<string>? topics = null) => new()
    {
        Name = name,
        FullName = $"org/{name}",
        Url = $"https://github.com/org/{name}",
        Description = "Un dépôt.",
        PushedAt = ReadAt.AddDays(-daysSincePush),
        DefaultBranch = "main",
        Topics = topics ?? [],
        RootFiles = root ?? ["README.md"],
        Health = new RepoHealthRead
        {
            SecurityPolicy = new CommunityFileRead(root?.Contains("SECURITY.md") == true),
            CodeOfConduct = new CommunityFileRead(false),
            Contributing = new CommunityFileRead(false),
            Ci = ci,
            ReleaseRead = true,
            LatestRelease = release is null ? null : new ReleaseRead(release, ReadAt.AddDays(-30)),
        },
    };

    private static string Page(OrgSnapshot snapshot, ProfileGenConfig config) =>
        ProfileRenderer.Render(TemplateSource.Default(config.Culture), TemplateModelBuilder.Build(snapshot, config, ReadAt));

    private static OrgSnapshot Snapshot(params RepoSnapshot[] repos) =>
        new() { Org = new OrgProfile { Login = "org", Url = "https://github.com/org" }, Repos = repos, ReadAt = ReadAt };

    [Theory]
    [InlineData(0, "active")]
    [InlineData(179, "active")]
    [InlineData(180, "slowing")]
    [InlineData(364, "slowing")]
    [InlineData(365, "stale")]
    public void Activity_follows_the_default_thresholds(int days, string state)
    {
        var repo = Repo("r", days);

        Assert.Equal(state, RepoHealth.Of(repo, Snapshot(repo), new ProfileGenConfig())!.Activity.State);
    }

    [Fact]
    public void Thresholds_and_exempt_topics_come_from_the_configuration_and_archived_is_its_own_state()
    {
        var config = new ProfileGenConfig { Health = new HealthOptions { SlowingDays = 30, StaleDays = 60, ExemptTopics = ["Stable"] } };
        var slowing = Repo("a", 45);
        var stale = Repo("b", 60);
        var exempt = Repo("c", 900, topics: ["stable"]);
        var archived = Repo("d", 900) with { Archived = true };
        var snapshot = Snapshot(slowing, stale, exempt, archived);

        Assert.Equal(["slowing", "stale", "exempt", "archived"], snapshot.Repos.Select(r => RepoHealth.Of(r, snapshot, config)!.Activity.State));
    }

    [Theory]
    [InlineData("success", "passing")]
    [InlineData("failure", "failing")]
    [InlineData("error", "failing")]
    [InlineData("pending", "pending")]
    [InlineData("expected", "pending")]
    [InlineData("none", "none")]
    [InlineData("unknown", "unknown")]
    public void Github_s_status_states_read_as_passing_failing_pending_none_or_unknown(string rollup, string state)
    {
        Assert.Equal(state, RepoHealth.CiState(rollup));
    }

    [Fact]
    public void A_snapshot_from_before_health_has_no_health_and_no_view()
    {
        var old = Repo("r", 1) with { Health = null };
        var model = TemplateModelBuilder.Build(Snapshot(old), new ProfileGenConfig(), ReadAt);

        Assert.Null(model.Repos.Single().Health);
        Assert.False(model.Health.Shown);
        Assert.Empty(ProfileFacts.Of(Snapshot(old), new ProfileGenConfig(), model).Repositories.Single().Health);
    }

    [Fact]
    public void Health_enabled_false_hides_the_view_of_the_default_templates()
    {
        var snapshot = Snapshot(Repo("r", 1));
        var on = Page(snapshot, new ProfileGenConfig());
        var off = Page(snapshot, new ProfileGenConfig { Health = new HealthOptions { Enabled = false } });

        Assert.Contains("## Santé des dépôts", on, StringComparison.Ordinal);
        Assert.DoesNotContain("## Santé des dépôts", off, StringComparison.Ordinal);
    }

    [Fact]
    public void The_matrix_of_three_hundred_repositories_keeps_the_two_hundred_with_most_to_fix_and_counts_the_rest()
    {
        var repos = Enumerable.Range(0, 300).Select(i => Repo($"r{i:000}", i % 3 == 0 ? 400 : 1, ci: i % 3 == 0 ? "failure" : "success")).ToArray();
        var page = Page(Snapshot(repos), new ProfileGenConfig { Limits = new SizeLimits { PerGroup = 300 } });

        var rows = HealthSection.Of(page).Split('\n').Count(l => l.StartsWith("| [", StringComparison.Ordinal));
        Assert.Equal(HealthView.MaxRows, rows);
        Assert.Contains("300 dépôts : 300 sans politique de sécurité · 100 dont l'intégration continue échoue · 100 inactifs", page, StringComparison.Ordinal);
        Assert.Contains("… et 100 autres, en meilleure santé", page, StringComparison.Ordinal);
        Assert.All(Enumerable.Range(0, 100).Select(i => $"r{i * 3:000}"), name => Assert.Contains($"| [{name}](", HealthSection.Of(page), StringComparison.Ordinal));
    }

    [Fact]
    public void A_release_tag_from_the_repository_cannot_break_the_matrix_or_inject_a_link()
    {
        var repo = Repo("r", 1, release: "v1 | <b>x</b> [y](https://evil.example)");
        var section = HealthSection.Of(Page(Snapshot(repo), new ProfileGenConfig()));
        var row = section.Split('\n').Single(l => l.StartsWith("| [r]", StringComparison.Ordinal));

        Assert.Equal(8, row.Split(" | ").Length + 1); // 7 cells, no more
        Assert.DoesNotContain("<b>", row, StringComparison.Ordinal);
        Assert.DoesNotContain("](https://evil.example)", row, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr-CA", "intégration continue passée au rouge", "politique de sécurité ajoutée (hérité du dépôt .github)", "devenu inactif", "intégration continue revenue au vert")]
    [InlineData("en", "CI turned red", "security policy added (inherited from .github)", "went stale", "CI back to green")]
    public void Since_the_last_update_names_ci_turning_red_or_green_a_security_policy_added_and_a_repository_gone_stale(string cultureName, string red, string added, string stale, string green)
    {
        var culture = Choices.Cultures[cultureName];
        var config = new ProfileGenConfig { Culture = culture };
        var dotGithub = new RepoSnapshot { Name = ".github", FullName = "org/.github", Url = "https://github.com/org/.github", RootFiles = ["README.md"] };
        var before = Snapshot(dotGithub, Repo("a", 1), Repo("b", 300), Repo("c", 1, ci: "failure"));
        var after = Snapshot(dotGithub with { RootFiles = ["README.md", "SECURITY.md"] }, Repo("a", 1, ci: "failure"), Repo("b", 400), Repo("c", 1, release: "v2.0"));

        var changes = FactChanges.Between(Facts(before, config), Facts(after, config));
        var text = ChangeListText.Markdown(changes, culture, 50, 10_000);

        Assert.Contains($"[a](https://github.com/org/a){(culture == ProfileCulture.French ? " : " : ": ")}{red}", text, StringComparison.Ordinal);
        Assert.Contains(added, text, StringComparison.Ordinal);
        Assert.Contains(stale, text, StringComparison.Ordinal);
        Assert.Contains(green, text, StringComparison.Ordinal);
        if (culture == ProfileCulture.French)
        {
            Assert.Empty(EnglishSentences.In(text, ["a", "b", "c", "v1.0", "v2.0", ".github"]));
        }
        // An unchanged week: no health change at all.
        Assert.Empty(FactChanges.Between(Facts(after, config), Facts(after, config)));
    }

    private static ProfileFacts Facts(OrgSnapshot snapshot, ProfileGenConfig config) =>
        ProfileFacts.Of(snapshot, config, TemplateModelBuilder.Build(snapshot, config, ReadAt));

    [Fact]
    public void The_facts_file_records_each_signal_in_stable_words_and_reads_back_the_same()
    {
        var snapshot = Snapshot(Repo("a", 400, ci: "failure", release: null, root: ["README.md", "SECURITY.md"]));
        var facts = Facts(snapshot, new ProfileGenConfig());

        var health = facts.Repositories.Single().Health;
        Assert.Equal(new Dictionary<string, string>
        {
            ["activity"] = "stale",
            ["ci"] = "failing",
            ["code_of_conduct"] = "missing",
            ["contributing"] = "missing",
            ["release"] = "none",
            ["security_policy"] = "own",
        }, health);
        Assert.Equal(health, ProfileFacts.Parse(facts.ToBytes(), "facts.json").Repositories.Single().Health);
    }
}
