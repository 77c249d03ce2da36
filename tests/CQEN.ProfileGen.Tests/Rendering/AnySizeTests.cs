using ApprovalTests;
using ApprovalTests.Reporters;
using ApprovalTests.Writers;
using CQEN.ProfileGen.Badges;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Rendering;
using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Tests.Rendering;

/// <summary>The default templates stay readable at any size: per group a capped list, exact counts, a link to the rest.</summary>
[UseReporter(typeof(QuietReporter))]
public class AnySizeTests
{
    private static readonly DateTimeOffset Pushed = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    // 1,300 repositories: 1,234 in discovery (Python), 60 in beta (C#), 6 without a lifecycle or language.
    private static OrgSnapshot Large(string host = "https://github.com")
    {
        RepoSnapshot Repo(int i, string? lifecycle, string? language) => new()
        {
            Name = $"projet-{i:0000}",
            FullName = $"qdce/projet-{i:0000}",
            Url = $"{host}/qdce/projet-{i:0000}",
            Description = $"Projet {i}",
            Language = language,
            PushedAt = Pushed.AddHours(-i),
            Badges = lifecycle is null ? [] : [new ShieldsBadge { ImageUrl = "https://img.shields.io/badge/x", Label = "Cycle de vie", Message = lifecycle, Color = "339999" }],
        };
        var repos = Enumerable.Range(0, 1_234).Select(i => Repo(i, "Phase Découverte", "Python"))
            .Concat(Enumerable.Range(1_234, 60).Select(i => Repo(i, "Phase Bêta", "C#")))
            .Concat(Enumerable.Range(1_294, 6).Select(i => Repo(i, null, null)))
            .ToArray();
        return new OrgSnapshot { Org = new OrgProfile { Login = "qdce", Url = $"{host}/qdce" }, Repos = repos };
    }

    private static readonly ProfileGenConfig Capped = new() { Limits = new SizeLimits { PerGroup = 3 } };

    private static string Render(ProfileGenConfig config, OrgSnapshot? snapshot = null) =>
        ProfileRenderer.Render(TemplateSource.Default(config.Culture), TemplateModelBuilder.Build(snapshot ?? Large(), config, Pushed));

    [Fact]
    public void French_profile_over_the_cap_lists_the_first_of_each_lifecycle_and_links_to_the_organization_s_repositories() =>
        Approvals.Verify(new ApprovalTextWriter(Render(Capped), "md"));

    [Fact]
    public void English_profile_grouped_by_language_over_the_cap_links_each_group_to_github_s_search() =>
        Approvals.Verify(new ApprovalTextWriter(Render(Capped with { Culture = ProfileCulture.English, Grouping = new GroupingOptions { By = GroupBy.Language }, Sort = RepoSort.Pushed }), "md"));

    [Fact]
    public void The_model_gives_each_group_its_total_the_number_shown_and_the_rest()
    {
        var model = TemplateModelBuilder.Build(Large(), Capped, Pushed);

        Assert.Equal(1_300, model.Repos.Count);
        Assert.Equal([("Phase Découverte", 1_234, 3, 1_231), ("Phase Bêta", 60, 3, 57), ("Autres", 6, 3, 3)], model.Groups.Select(g => (g.Title, g.Total, g.Shown, g.More)));
    }

    [Fact]
    public void The_cap_keeps_the_first_repositories_in_the_configured_order()
    {
        var model = TemplateModelBuilder.Build(Large(), Capped with { Sort = RepoSort.Pushed }, Pushed);

        Assert.Equal(["projet-0000", "projet-0001", "projet-0002"], model.Groups.Single(g => g.Title == "Phase Découverte").Repos.Select(r => r.Name));
    }

    [Fact]
    public void A_group_within_the_cap_lists_every_repository_and_has_nothing_more()
    {
        var model = TemplateModelBuilder.Build(Large(), new ProfileGenConfig { Limits = new SizeLimits { PerGroup = 60 } }, Pushed);

        var beta = model.Groups.Single(g => g.Title == "Phase Bêta");
        Assert.Equal((60, 60, 0), (beta.Total, beta.Shown, beta.More));
        Assert.DoesNotContain("… et 0", Render(new ProfileGenConfig { Limits = new SizeLimits { PerGroup = 60 } }), StringComparison.Ordinal);
    }

    [Fact]
    public void On_github_enterprise_the_links_to_the_rest_stay_on_the_enterprise_host()
    {
        var markdown = Render(Capped with { Grouping = new GroupingOptions { By = GroupBy.Language } }, Large("https://ghe.example.org"));

        Assert.Contains("(https://ghe.example.org/search?q=org%3Aqdce%20language%3A%22Python%22%20archived%3Afalse&type=repositories)", markdown, StringComparison.Ordinal);
        Assert.Contains("[projet-1297](https://ghe.example.org/qdce/projet-1297)", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("https://github.com", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(1_000)]
    [InlineData(50_000)]
    [Trait("Category", "Slow")] // renders 50,000 repositories: not in the fast subset (tests/unit.runsettings)
    public void With_the_default_configuration_the_default_templates_stay_under_the_byte_budget(int repositories)
    {
        var repos = Enumerable.Range(0, repositories).Select(i => new RepoSnapshot
        {
            Name = $"un-nom-de-depot-assez-long-{i:00000}",
            FullName = $"qdce/un-nom-de-depot-assez-long-{i:00000}",
            Url = $"https://github.com/qdce/un-nom-de-depot-assez-long-{i:00000}",
            Description = new string('d', 150),
            Language = $"Langage{i % 40}",
            PushedAt = Pushed,
            Badges = [new ShieldsBadge { ImageUrl = "https://img.shields.io/badge/x", Label = "Cycle de vie", Message = $"Phase {i % 6}", Color = "339999" }],
        }).ToArray();
        var snapshot = new OrgSnapshot { Org = new OrgProfile { Login = "qdce", Url = "https://github.com/qdce" }, Repos = repos };

        foreach (var config in new[] { new ProfileGenConfig(), new ProfileGenConfig { Culture = ProfileCulture.English } })
        {
            var markdown = ProfileRenderer.WithinBudget(Render(config, snapshot), SizeLimits.DefaultMaxBytes, "default");
            Assert.Contains(repositories.ToString("N0", System.Globalization.CultureInfo.InvariantCulture).Replace(",", config.Culture == ProfileCulture.English ? "," : "\u00A0", StringComparison.Ordinal), markdown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_render_over_the_byte_budget_stops_naming_the_budget_and_the_size()
    {
        var markdown = Render(new ProfileGenConfig());

        var error = Assert.Throws<InputException>(() => ProfileRenderer.WithinBudget(markdown, 1_000, "profile.sbn"));

        Assert.Equal($"profile.sbn: the rendered README is {System.Text.Encoding.UTF8.GetByteCount(markdown):N0} bytes, over limits.max_bytes (1,000 bytes); list fewer repositories per group (limits.per_group) or raise limits.max_bytes in profilegen.yml", error.Message);
        Assert.Same(markdown, ProfileRenderer.WithinBudget(markdown, System.Text.Encoding.UTF8.GetByteCount(markdown), "profile.sbn"));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(999, "999")]
    [InlineData(1_234, "1\u00A0234")]
    [InlineData(-1_234_567, "-1\u00A0234\u00A0567")]
    public void Counts_are_written_with_the_french_thousands_separator(long value, string expected) =>
        Assert.Equal(expected, TemplateFunctions.FormatNumber(value, ProfileCulture.French));

    [Fact]
    public void Counts_are_written_with_the_english_thousands_separator() =>
        Assert.Equal("50,000", TemplateFunctions.FormatNumber(50_000, ProfileCulture.English));

    [Fact]
    public void A_long_group_lists_the_rest_by_name_in_the_page_and_links_only_past_ten_times_per_group()
    {
        var markdown = Render(Capped);

        // Phase Bêta: 60 repositories, 3 in the table, the other 57 by name (30 at most), then the
        // organization's repositories page, named for what it is.
        var beta = markdown[markdown.IndexOf("### Phase Bêta", StringComparison.Ordinal)..];
        beta = beta[..beta.IndexOf("</details>", StringComparison.Ordinal)];
        Assert.Contains("<details><summary>… et 57 autres</summary>", beta, StringComparison.Ordinal);
        Assert.Equal(3 + 30, System.Text.RegularExpressions.Regex.Matches(beta, @"\[projet-\d+\]").Count);
        Assert.Contains("· … [tous les dépôts de l'organisation sur GitHub](https://github.com/orgs/qdce/repositories)", beta, StringComparison.Ordinal);
        // "Autres": 6 repositories, 3 in the table, the other 3 by name: exactly the group, no link.
        var other = markdown[markdown.IndexOf("### Autres", StringComparison.Ordinal)..];
        Assert.Contains("[projet-1297](https://github.com/qdce/projet-1297) · [projet-1298](https://github.com/qdce/projet-1298) · [projet-1299](https://github.com/qdce/projet-1299)\n", other, StringComparison.Ordinal);
        Assert.DoesNotContain("/orgs/qdce/repositories", other, StringComparison.Ordinal);
    }
}
