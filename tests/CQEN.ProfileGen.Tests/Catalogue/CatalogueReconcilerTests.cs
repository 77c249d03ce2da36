using CQEN.ProfileGen.Catalogue;
using CQEN.ProfileGen.Configuration;

namespace CQEN.ProfileGen.Tests.Catalogue;

/// <summary>One lifecycle, licence and summary per repository, by the configured precedence, each with its source.</summary>
public class CatalogueReconcilerTests
{
    private static RepoCatalogue Reconcile(string repo, ProfileGenConfig? config = null) =>
        CatalogueReconciler.Reconcile(CatalogueOrg.Snapshot.Repos.Single(r => r.Name == repo), config ?? new ProfileGenConfig());

    [Fact]
    public void By_default_publiccode_wins_over_the_readme_badge_and_the_badge_is_kept_as_a_disagreeing_source()
    {
        var c = Reconcile("contredit");
        Assert.Equal("publiccode", c.Lifecycle!.Source);
        Assert.Equal(LifecycleStage.Beta, c.Lifecycle.Stage);
        Assert.Equal(["publiccode", "readme-badge"], c.LifecycleClaims.Select(x => x.Source));
        Assert.False(c.LifecycleClaims[1].AgreesWith(c.Lifecycle));
    }

    [Fact]
    public void A_configured_precedence_puts_the_badge_first()
    {
        var config = new ProfileGenConfig { Catalogue = new CatalogueOptions { Precedence = ["readme-badge", "publiccode"] } };
        var c = Reconcile("contredit", config);
        Assert.Equal("readme-badge", c.Lifecycle!.Source);
        Assert.Equal(LifecycleStage.Discovery, c.Lifecycle.Stage);
        Assert.Equal("Phase Découverte", c.LifecycleValue);
    }

    [Fact]
    public void A_source_left_out_of_the_precedence_is_not_read()
    {
        var config = new ProfileGenConfig { Catalogue = new CatalogueOptions { Precedence = ["readme-badge"] } };
        Assert.Equal(["readme-badge"], Reconcile("contredit", config).LifecycleClaims.Select(x => x.Source));
    }

    [Fact]
    public void Custom_properties_win_by_default_and_give_both_summaries_and_the_owner()
    {
        var c = Reconcile("proprietes");
        Assert.Equal("custom-property", c.Lifecycle!.Source);
        Assert.Equal(LifecycleStage.Beta, c.Lifecycle.Stage);
        Assert.Equal(new SourcedText("Résumé tiré des propriétés.", "custom-property", false), c.Summaries["fr"]);
        Assert.Equal(new SourcedText("Summary from the properties.", "custom-property", false), c.Summaries["en"]);
        Assert.Equal("equipe-a", c.Owner);
    }

    [Fact]
    public void A_repostatus_badge_is_a_lifecycle_source_when_publiccode_is_malformed()
    {
        var c = Reconcile("casse");
        Assert.Equal("readme-badge", c.Lifecycle!.Source);
        Assert.Equal("repostatus wip", c.Lifecycle.Written);
        Assert.Equal(2, c.Lifecycle.Line);
        Assert.Equal(CatalogueProblemKind.Syntax, Assert.Single(c.Problems).Kind);
    }

    [Fact]
    public void An_r_lib_badge_agrees_with_publiccode_stable_and_backstage_production()
    {
        var c = Reconcile("accord");
        Assert.Equal(["publiccode", "readme-badge", "catalog-info"], c.LifecycleClaims.Select(x => x.Source));
        Assert.All(c.LifecycleClaims, x => Assert.True(x.AgreesWith(c.Lifecycle!), x.Written));
        Assert.Equal("group:equipe", c.Owner);
    }

    [Fact]
    public void Maintenance_none_reads_publiccode_stable_as_dormant()
    {
        var c = Reconcile("abandonne");
        Assert.Equal(LifecycleStage.Dormant, c.Lifecycle!.Stage);
        Assert.Equal("stable (maintenance.type: none)", c.Lifecycle.Written);
    }

    [Fact]
    public void A_summary_missing_in_one_language_falls_back_visibly()
    {
        var c = Reconcile("contredit");
        Assert.Equal(new SourcedText("Un dépôt dont les sources se contredisent.", "publiccode", false), c.Summaries["fr"]);
        Assert.Equal(new SourcedText("Un dépôt dont les sources se contredisent.", "publiccode", true), c.Summaries["en"]);
        Assert.Equal(new SourcedText("GitHub description of types.", "github-description", true), Reconcile("types").Summaries["fr"]);
    }

    [Fact]
    public void A_readme_written_in_the_missing_language_gives_its_summary_before_any_fallback()
    {
        var contredit = CatalogueOrg.Snapshot.Repos.Single(r => r.Name == "contredit") with
        {
            ReadmeSummaries = new Dictionary<string, string> { ["en"] = "A repository whose sources disagree.", ["fr"] = "Phrase du README.fr.md." },
        };

        var c = CatalogueReconciler.Reconcile(contredit, new ProfileGenConfig());

        Assert.Equal(new SourcedText("A repository whose sources disagree.", "readme-language", false), c.Summaries["en"]);
        // publiccode's own French description comes first.
        Assert.Equal(new SourcedText("Un dépôt dont les sources se contredisent.", "publiccode", false), c.Summaries["fr"]);
    }

    [Fact]
    public void A_configured_summary_comes_before_the_readme_written_in_that_language()
    {
        var types = CatalogueOrg.Snapshot.Repos.Single(r => r.Name == "types") with
        {
            ReadmeSummaries = new Dictionary<string, string> { ["en"] = "From README.en.md." },
        };
        var config = new ProfileGenConfig
        {
            Catalogue = new CatalogueOptions { Summaries = new Dictionary<string, IReadOnlyDictionary<string, string>> { ["types"] = new Dictionary<string, string> { ["en"] = "Configured." } } },
        };

        Assert.Equal(new SourcedText("Configured.", "config", false), CatalogueReconciler.Reconcile(types, config).Summaries["en"]);
        Assert.Equal(new SourcedText("From README.en.md.", "readme-language", false), CatalogueReconciler.Reconcile(types, new ProfileGenConfig()).Summaries["en"]);
    }

    [Fact]
    public void A_repository_whose_only_source_is_a_readme_in_one_language_has_catalogue_sources()
    {
        var plain = CatalogueOrg.Snapshot.Repos.Single(r => r.Name == "types") with { Publiccode = null, ReadmeSummaries = new Dictionary<string, string> { ["en"] = "English." } };

        Assert.True(CatalogueReconciler.HasSources(plain, new ProfileGenConfig()));
        Assert.True(CatalogueReconciler.Reconcile(plain, new ProfileGenConfig()).HasCatalogueSources);
        Assert.False(CatalogueReconciler.HasSources(plain with { ReadmeSummaries = null }, new ProfileGenConfig()));
    }

    [Fact]
    public void The_licence_file_binds_before_any_claim()
    {
        var c = Reconcile("contredit");
        Assert.Equal(new LicenseClaim("licence-file", "MIT", "LICENSE", null), c.License);
        Assert.Contains(c.LicenseClaims, x => x is { Source: "publiccode", Written: "GPL-3.0-only", Line: 9 });
    }

    [Theory]
    [InlineData("EUPL-1.2 OR MIT", "MIT", true)]
    [InlineData("(Apache-2.0 OR MIT)", "Apache 2.0", true)]
    [InlineData("GPL-3.0-only", "MIT", false)]
    [InlineData("LiLiQ-R-1.1", "LiLiQ-R", true)]
    [InlineData("LiLiQ-R-1.1", "LiLiQ-P-1.1", false)]
    public void Licence_expressions_agree_with_a_licence_they_offer(string expression, string licence, bool same) =>
        Assert.Equal(same, CatalogueReconciler.SameLicense(expression, licence));
}
