using CQEN.ProfileGen.Badges;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Rendering;
using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Tests.Rendering;

public class TemplateModelBuilderTests
{
    private static RepoSnapshot Repo(string name, Action<RepoSnapshotBuilder>? configure = null)
    {
        var b = new RepoSnapshotBuilder { Repo = new RepoSnapshot { Name = name, FullName = "o/" + name, Url = "https://github.com/o/" + name } };
        configure?.Invoke(b);
        return b.Repo;
    }

    internal sealed class RepoSnapshotBuilder
    {
        public required RepoSnapshot Repo { get; set; }
        public void Lifecycle(string message) => Repo = Repo with { Badges = [new ShieldsBadge { ImageUrl = "https://img.shields.io/badge/x", Label = "Cycle de vie", Message = message, Color = "339999" }] };
    }

    private static ProfileModel Build(ProfileGenConfig config, params RepoSnapshot[] repos) =>
        TemplateModelBuilder.Build(new OrgSnapshot { Org = new OrgProfile { Login = "o", Url = "https://github.com/o" }, Repos = repos }, config, DateTimeOffset.UnixEpoch);

    [Fact]
    public void By_default_lists_public_active_non_fork_repositories_but_not_the_profile_repositories()
    {
        var model = Build(new ProfileGenConfig(),
            Repo("kept"), Repo("archived", b => b.Repo = b.Repo with { Archived = true }), Repo("fork", b => b.Repo = b.Repo with { Fork = true }),
            Repo("private", b => b.Repo = b.Repo with { Visibility = "private" }), Repo(".github"), Repo(".github-private"));
        Assert.Equal(["kept"], model.Repos.Select(r => r.Name));
        Assert.Equal(".github", model.ProfileRepo?.Name);
    }

    [Fact]
    public void Filters_by_name_globs_and_topics()
    {
        var config = new ProfileGenConfig { Filters = new RepoFilter { IncludeNames = ["exp-*", "api"], ExcludeNames = ["exp-old?"], ExcludeTopics = ["hidden"] } };
        var model = Build(config, Repo("exp-a"), Repo("exp-old1"), Repo("API"), Repo("other"), Repo("exp-b", b => b.Repo = b.Repo with { Topics = ["Hidden"] }));
        Assert.Equal(["API", "exp-a"], model.Repos.Select(r => r.Name));
        Assert.Equal(["exp-a"], Build(new ProfileGenConfig { Filters = new RepoFilter { Topics = ["ssi"] } }, Repo("exp-a", b => b.Repo = b.Repo with { Topics = ["ssi"] }), Repo("exp-b")).Repos.Select(r => r.Name));
    }

    [Fact]
    public void The_lifecycle_comes_from_the_badge_else_from_a_topic_rule()
    {
        var config = new ProfileGenConfig { LifecycleRules = [new LifecycleRule { Topic = "experimentation", Message = "Expérimentation" }] };
        var model = Build(config, Repo("badge", b => { b.Lifecycle("Phase Bêta"); b.Repo = b.Repo with { Topics = ["experimentation"] }; }),
            Repo("topic", b => b.Repo = b.Repo with { Topics = ["Experimentation"] }), Repo("none"));
        Assert.Equal(("Phase Bêta", "badge"), (model.Repos[0].Lifecycle!.Message, model.Repos[0].Lifecycle!.Source));
        Assert.Null(model.Repos[1].Lifecycle);
        Assert.Equal(("Expérimentation", "topic", "Cycle de vie"), (model.Repos[2].Lifecycle!.Message, model.Repos[2].Lifecycle!.Source, model.Repos[2].Lifecycle!.Label));
    }

    [Fact]
    public void Case_variants_of_a_lifecycle_are_one_group_titled_by_the_most_frequent_spelling()
    {
        var model = Build(new ProfileGenConfig(), Repo("a", b => b.Lifecycle("Phase découverte")), Repo("b", b => b.Lifecycle("Phase Découverte")),
            Repo("c", b => b.Lifecycle("Phase Découverte")), Repo("d"));
        Assert.Equal(["Phase Découverte", "Autres"], model.Groups.Select(g => g.Title));
        Assert.Equal(3, model.Groups[0].Repos.Count);
    }

    [Fact]
    public void Groups_follow_the_configured_order_then_the_lifecycle_with_the_others_next_and_retired_phases_folded_last()
    {
        var config = new ProfileGenConfig { Grouping = new GroupingOptions { Order = ["Phase Bêta"], OtherTitle = "Sans cycle" } };
        var model = Build(config, Repo("a", b => b.Lifecycle("Dormant")), Repo("b", b => b.Lifecycle("Phase Bêta")), Repo("c"), Repo("d", b => b.Lifecycle("Alpha")), Repo("e", b => b.Lifecycle("Abandonné")), Repo("f", b => b.Lifecycle("Phase Découverte")));
        Assert.Equal(["Phase Bêta", "Phase Découverte", "Alpha", "Sans cycle", "Dormant", "Abandonné"], model.Groups.Select(g => g.Title));
        Assert.Equal(["Dormant", "Abandonné"], model.CollapsedGroups.Select(g => g.Title));
        Assert.Equal([false, false, false, false, true, true], model.Groups.Select(g => g.Collapsed));
    }

    [Fact]
    public void Grouping_hide_leaves_a_group_off_the_page_and_grouping_collapse_replaces_the_retired_default()
    {
        var config = new ProfileGenConfig { Grouping = new GroupingOptions { Hide = ["abandonne"], Collapse = ["Phase Bêta"] } };
        var model = Build(config, Repo("a", b => b.Lifecycle("Dormant")), Repo("b", b => b.Lifecycle("Phase Bêta")), Repo("e", b => b.Lifecycle("Abandonné")), Repo("f", b => b.Lifecycle("Phase Découverte")));
        Assert.Equal(["Phase Découverte", "Dormant", "Phase Bêta"], model.Groups.Select(g => g.Title));
        Assert.Equal(["Phase Bêta"], model.CollapsedGroups.Select(g => g.Title));
        // Hidden means off the page: its repositories are not counted either.
        Assert.Equal(["a", "b", "f"], model.Repos.Select(r => r.Name));
    }

    [Fact]
    public void Licence_overrides_win_and_noassertion_is_no_licence()
    {
        var config = new ProfileGenConfig { LicenseOverrides = new Dictionary<string, string> { ["fixed"] = "LiLiQ-R-1.1" } };
        var model = Build(config,
            Repo("fixed", b => b.Repo = b.Repo with { License = new RepoLicense { SpdxId = "Apache-2.0", Url = "https://github.com/o/fixed/blob/main/LICENSE" } }),
            Repo("unknown", b => b.Repo = b.Repo with { License = new RepoLicense { SpdxId = "NOASSERTION" } }));
        Assert.Equal(("LiLiQ-R-1.1", "LiLiQ-R", "config", "https://github.com/o/fixed/blob/main/LICENSE"),
            (model.Repos[0].License!.SpdxId, model.Repos[0].License!.ShortName, model.Repos[0].License!.Source, model.Repos[0].License!.Url));
        Assert.Null(model.Repos[1].License);
    }

    [Fact]
    public void Sorts_by_activity_or_stars_when_asked()
    {
        var repos = new[]
        {
            Repo("a", b => b.Repo = b.Repo with { Stars = 1, PushedAt = DateTimeOffset.UnixEpoch.AddDays(3) }),
            Repo("b", b => b.Repo = b.Repo with { Stars = 9, PushedAt = DateTimeOffset.UnixEpoch.AddDays(1) }),
            Repo("c", b => b.Repo = b.Repo with { Stars = 5, PushedAt = DateTimeOffset.UnixEpoch.AddDays(2) }),
        };
        Assert.Equal(["a", "c", "b"], Build(new ProfileGenConfig { Sort = RepoSort.Pushed }, repos).Repos.Select(r => r.Name));
        Assert.Equal(["b", "c", "a"], Build(new ProfileGenConfig { Sort = RepoSort.Stars }, repos).Repos.Select(r => r.Name));
    }
}

public class TemplateFunctionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("profilegen-functions-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private string Render(string template, string culture = "fr-CA")
    {
        var path = Path.Combine(_dir, "t.sbn");
        File.WriteAllText(path, template);
        var snapshot = new OrgSnapshot
        {
            Org = new OrgProfile { Login = "o", Url = "https://github.com/o" },
            Repos =
            [
                new RepoSnapshot { Name = "b", FullName = "o/b", Url = "https://github.com/o/b", Language = "Go", Stars = 3, PushedAt = new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero) },
                new RepoSnapshot { Name = "a", FullName = "o/a", Url = "https://github.com/o/a", Language = "C#", Stars = 7, PushedAt = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero) },
            ],
        };
        return ProfileRenderer.Render(TemplateSource.FromFile(path), TemplateModelBuilder.Build(snapshot, new ProfileGenConfig { Culture = Choices.Cultures[culture] }, new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Templates_see_the_culture_and_the_grouping_as_the_configuration_writes_them() =>
        Assert.Equal("fr-CA lifecycle|en lifecycle|", Render("{{ culture }} {{ grouped_by }}|", "fr-CA") + Render("{{ culture }} {{ grouped_by }}|", "en"));

    [Fact]
    public void Dates_read_naturally_in_french_and_english() =>
        Assert.Equal("1er mars 2024|March 1, 2024|mars 2024|2024-03-01", Render("{{ format_date repos[1].pushed_at }}|", "fr-CA") + Render("{{ format_date repos[1].pushed_at }}|", "en") + Render("{{ format_date repos[1].pushed_at 'month' }}|{{ format_date repos[1].pushed_at 'iso' }}"));

    [Fact]
    public void Relative_dates_are_opt_in_and_count_from_the_run() =>
        Assert.Equal("il y a 4 jours / 4 days ago", Render("{{ relative_date repos[0].pushed_at }}") + " / " + Render("{{ relative_date repos[0].pushed_at }}", "en"));

    [Fact]
    public void Groups_and_sorts_repositories() =>
        Assert.Equal("C#:a Go:b | a b", Render("{{ for g in (group_repos repos 'language') }}{{ g.title }}:{{ g.repos[0].name }} {{ end }}| {{ for r in (sort_repos repos 'stars') }}{{ r.name }} {{ end }}").Trim());

    [Fact]
    public void Badges_are_built_with_shields_escaping_and_safe_links() =>
        Assert.Equal("[![Licence](https://img.shields.io/badge/Licence-LiLiQ--P-blue)](https://github.com/o)|![x](https://img.shields.io/badge/a-b-lightgrey)",
            Render("{{ badge 'Licence' 'Licence' 'LiLiQ-P' 'blue' 'https://github.com/o' }}|{{ badge 'x' 'a' 'b' 'red)](javascript:x' 'javascript:alert(1)' }}"));

    [Fact]
    public void A_wrong_number_of_arguments_is_a_template_error_with_its_position()
    {
        var ex = Assert.Throws<InputException>(() => Render("ok\n{{ md_link 'x' }}"));
        Assert.Matches(@"t\.sbn:2:\d+: .*argument", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }
}
