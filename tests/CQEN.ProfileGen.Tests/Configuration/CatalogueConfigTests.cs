using CQEN.ProfileGen.Configuration;

namespace CQEN.ProfileGen.Tests.Configuration;

/// <summary>catalogue: the precedence and the custom property names are read, and a mistake is reported at its place.</summary>
public class CatalogueConfigTests
{
    private static ProfileGenConfig Parse(string yaml) => ConfigLoader.Parse(yaml, "profilegen.yml", AppContext.BaseDirectory);

    [Fact]
    public void The_default_precedence_is_custom_property_publiccode_badge_then_catalog_info_and_topic_rule() =>
        Assert.Equal(["custom-property", "publiccode", "readme-badge", "catalog-info", "topic-rule"], new ProfileGenConfig().Catalogue.Precedence);

    [Fact]
    public void Precedence_and_property_names_are_read()
    {
        var config = Parse("catalogue:\n  precedence: [publiccode, readme-badge]\n  properties: { lifecycle: cycle-de-vie, license: licence, owner: equipe, summary_fr: resume, summary_en: summary }\n");
        Assert.Equal(["publiccode", "readme-badge"], config.Catalogue.Precedence);
        Assert.Equal(new CatalogueProperties { Lifecycle = "cycle-de-vie", License = "licence", Owner = "equipe", SummaryFr = "resume", SummaryEn = "summary" }, config.Catalogue.Properties);
    }

    [Theory]
    [InlineData("catalogue:\n  precedence: [publiccode, badge]\n", "profilegen.yml:2:28: ")]
    [InlineData("catalogue:\n  precedence: [publiccode, publiccode]\n", "profilegen.yml:2:15: ")]
    [InlineData("catalogue:\n  order: [publiccode]\n", "profilegen.yml:2:3: ")]
    [InlineData("catalogue:\n  properties: { lifecycles: x }\n", "profilegen.yml:2:17: ")]
    public void A_mistake_is_reported_at_its_place(string yaml, string place) =>
        Assert.StartsWith(place, Assert.Throws<InputException>(() => Parse(yaml)).Message);
}
