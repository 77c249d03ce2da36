using System.Text.RegularExpressions;
using ApprovalTests;
using ApprovalTests.Reporters;
using ApprovalTests.Writers;
using CQEN.ProfileGen.Badges;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Publishing;
using CQEN.ProfileGen.Rendering;
using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Tests.Rendering;

/// <summary>
/// A 230-repository organization with the starter configuration `init` writes and no hand edits:
/// the first page a maintainer sees is one they can merge as it is.
/// </summary>
[UseReporter(typeof(QuietReporter))]
public sealed class StarterProfileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("profilegen-starter-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    // How the 230 repositories of the organization in issue 23 spread over their lifecycles.
    private static readonly (string? Lifecycle, int Count)[] Spread =
    [
        ("Abandonné", 36), ("Phase Découverte", 81), ("Expérimentation", 40), ("Phase Bêta", 12),
        ("Production", 9), ("Dormant", 6), (null, 46),
    ];

    internal static OrgSnapshot Organization()
    {
        var i = 0;
        var repos = Spread.SelectMany(s => Enumerable.Range(0, s.Count).Select(_ =>
        {
            var name = $"depot-{i++:000}";
            return new RepoSnapshot
            {
                Name = name,
                FullName = $"org/{name}",
                Url = $"https://github.com/org/{name}",
                Description = $"Le dépôt {name}, qui fait une chose utile pour l'organisation.",
                Language = "C#",
                Badges = s.Lifecycle is null ? [] : [new ShieldsBadge { ImageUrl = "https://img.shields.io/badge/x", Label = "Cycle de vie", Message = s.Lifecycle, Color = "339999" }],
            };
        })).ToArray();
        return new OrgSnapshot { Org = new OrgProfile { Login = "org", Url = "https://github.com/org" }, Repos = repos };
    }

    // profilegen.yml exactly as `init` writes it.
    private ProfileGenConfig StarterConfiguration()
    {
        var init = new Cli.CliHarness { CurrentDirectory = _dir }.RunAsync("init", "--org", "org").GetAwaiter().GetResult();
        Assert.Equal(0, init.ExitCode);
        return ConfigLoader.Load(Path.Combine(_dir, "profilegen.yml"));
    }

    [Fact]
    public void The_first_page_puts_active_phases_first_folds_retired_ones_at_the_end_and_stays_under_400_lines()
    {
        var snapshot = Organization();
        var config = StarterConfiguration();
        var page = ProfileRenderer.Render(TemplateSource.Default(config.Culture), TemplateModelBuilder.Build(snapshot, config, DateTimeOffset.UnixEpoch));

        var lines = page.Split('\n').Length;
        Assert.True(lines < 400, $"{lines} lines");
        var headings = Regex.Matches(page, @"^### (.+) \(\d+\)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(["Phase Découverte", "Expérimentation", "Phase Bêta", "Production", "Autres", "Dormant", "Abandonné"], headings);
        // One <details> holds the retired phases, and it closes the page.
        var folded = page.IndexOf("<details><summary>Dormant (6) · Abandonné (36)</summary>", StringComparison.Ordinal);
        Assert.True(folded > page.IndexOf("### Autres", StringComparison.Ordinal));
        Assert.True(folded < page.IndexOf("### Dormant", StringComparison.Ordinal));
        Assert.EndsWith("</details>\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_group_lists_exactly_its_repositories_in_the_table_and_its_see_all_list()
    {
        var snapshot = Organization();
        var config = StarterConfiguration();
        var page = ProfileRenderer.Render(TemplateSource.Default(config.Culture), TemplateModelBuilder.Build(snapshot, config, DateTimeOffset.UnixEpoch));
        var sections = Regex.Split(page, @"^### ", RegexOptions.Multiline).Skip(1).ToArray();

        foreach (var (lifecycle, count) in Spread)
        {
            var title = lifecycle ?? "Autres";
            var section = sections.Single(s => s.StartsWith(title + " (", StringComparison.Ordinal));
            var expected = snapshot.Repos.Where(r => (r.Badges.FirstOrDefault()?.Message ?? "Autres") == title).Select(r => r.Url).Order(StringComparer.Ordinal);
            var listed = Regex.Matches(section, @"\[depot-\d+\]\((?<url>[^)]+)\)").Select(m => m.Groups["url"].Value).Order(StringComparer.Ordinal);
            Assert.Equal(expected, listed);
            Assert.Equal(count, listed.Count());
            // No link claims to list the group while listing the whole organization.
            Assert.DoesNotContain("/orgs/org/repositories", section, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_first_publish_s_job_summary_for_230_repositories_is_as_approved()
    {
        var snapshot = Organization();
        var config = StarterConfiguration();
        // As publish renders it: without cards until the publish commit can carry them.
        var page = ProfileRenderer.Render(TemplateSource.Default(config.Culture), TemplateModelBuilder.Build(snapshot, config with { Cards = config.Cards with { Enabled = false } }, DateTimeOffset.UnixEpoch));
        var summary = Path.Combine(_dir, "summary.md");
        var env = new global::CQEN.ProfileGen.Cli.CliEnvironment
        {
            Variables = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary },
            Out = new StringWriter(),
            Error = new StringWriter(),
            CurrentDirectory = _dir,
        };
        var reporter = global::CQEN.ProfileGen.Cli.Reporter.For(env, new global::CQEN.ProfileGen.GitHub.GitHubUsage());
        reporter.Culture = config.Culture;
        global::CQEN.ProfileGen.Cli.PublishOutput.AuditAtEnd(reporter, global::CQEN.ProfileGen.Audit.OrgAudit.Run(snapshot, config), Wording.For(config.Culture).AuditTitle + "org", config.Culture);

        await global::CQEN.ProfileGen.Cli.PublishOutput.SummaryAsync(reporter, new global::CQEN.ProfileGen.Publishing.PublishOutcome
        {
            Status = PublishStatus.Created,
            PullRequestNumber = 1,
            PullRequestUrl = "https://github.com/org/.github/pull/1",
            Branch = "profilegen/profile-readme",
            BaseName = "main",
            HeadSha = "1111111111111111111111111111111111111111",
            Diff = global::CQEN.ProfileGen.Publishing.UnifiedDiff.Between("", page, "profile/README.md"),
            Plan = [],
            NewText = page,
        }, new global::CQEN.ProfileGen.GitHub.GitHubUsage(), config.Culture);

        Approvals.Verify(new ApprovalTextWriter(File.ReadAllText(summary), "md"));
    }
}
