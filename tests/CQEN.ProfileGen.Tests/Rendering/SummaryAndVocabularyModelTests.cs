using CQEN.ProfileGen.Badges;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Rendering;
using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Tests.Rendering;

/// <summary>repo.summary / repo.summary_source, and lifecycle groups that spelling no longer splits.</summary>
public class SummaryAndVocabularyModelTests
{
    private static RepoSnapshot Repo(string name, string? description = null, string? readme = null, string? lifecycle = null) => new()
    {
        Name = name,
        FullName = "o/" + name,
        Url = "https://github.com/o/" + name,
        Description = description,
        Readme = readme is null ? null : ReadmeHeader.Read("README.md", null, readme).Header,
        Badges = lifecycle is null ? [] : [new ShieldsBadge { ImageUrl = "https://img.shields.io/badge/x", Label = "Cycle de Vie", Message = lifecycle, Color = "339999" }],
    };

    private static ProfileModel Build(ProfileGenConfig config, params RepoSnapshot[] repos) =>
        TemplateModelBuilder.Build(new OrgSnapshot { Org = new OrgProfile { Login = "o", Url = "https://github.com/o" }, Repos = repos }, config, DateTimeOffset.UnixEpoch);

    [Fact]
    public void The_summary_is_the_description_else_the_readme_s_first_sentence()
    {
        var model = Build(new ProfileGenConfig(),
            Repo("described", "Une description.", "# x\n\nUne phrase.\n"), Repo("readme", null, "# x\n\nUne phrase. Deux.\n"), Repo("none"));
        var repos = model.Repos.ToDictionary(r => r.Name);
        Assert.Equal(("Une description.", "description"), (repos["described"].Summary, repos["described"].SummarySource));
        Assert.Equal(("Une phrase.", "readme"), (repos["readme"].Summary, repos["readme"].SummarySource));
        Assert.Equal((null, null), (repos["none"].Summary, repos["none"].SummarySource));
    }

    [Fact]
    public void A_long_description_is_cut_to_160_characters()
    {
        var summary = Build(new ProfileGenConfig(), Repo("long", string.Join(' ', Enumerable.Repeat("mot", 70)))).Repos[0].Summary!;
        Assert.True(summary.Length <= 160);
        Assert.EndsWith("…", summary);
    }

    [Fact]
    public void The_default_templates_show_the_summary_escaped()
    {
        var model = Build(new ProfileGenConfig(), Repo("hostile", null, "# x\n\nVoici &lt;!-- FIN ENTETE --&gt; | [click](https://evil.example) *now*.\n"));
        var markdown = ProfileRenderer.Render(TemplateSource.Default(ProfileCulture.French), model);
        Assert.Contains("| Voici &lt;!-- FIN ENTETE --&gt; \\| click now. |", markdown);
        Assert.DoesNotContain("<!-- FIN ENTETE -->", markdown);
    }

    [Fact]
    public void Aliases_and_spellings_make_one_group_under_the_canonical_value()
    {
        var config = new ProfileGenConfig
        {
            Lifecycle = new LifecycleVocabulary
            {
                Labels = ["Cycle de vie"],
                Values = ["Phase Découverte", "Expérimentation"],
                Aliases = new Dictionary<string, string> { ["Experimental"] = "Expérimentation" },
            },
        };
        var model = Build(config, Repo("a", lifecycle: "Phase découverte"), Repo("b", lifecycle: "Phase Découverte"), Repo("c", lifecycle: "Experimental"), Repo("d", lifecycle: "Expérimentation"));
        Assert.Equal([("Phase Découverte", 2), ("Expérimentation", 2)], model.Groups.Select(g => (g.Title, g.Repos.Count)));
        Assert.All(model.Repos, r => Assert.Equal("Cycle de vie", r.Lifecycle!.Label));
    }
}
