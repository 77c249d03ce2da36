using CQEN.ProfileGen.Configuration;

namespace CQEN.ProfileGen.Tests.Configuration;

/// <summary>
/// cultures: [fr-CA, en] beside the single culture: either form, both only when they agree, the
/// other files' names (publish.culture_paths) and the configured summaries (catalogue.summaries).
/// </summary>
public class CulturesConfigTests
{
    private static ProfileGenConfig Parse(string yaml) => ConfigLoader.Parse(yaml, "profilegen.yml", AppContext.BaseDirectory);

    private static string ErrorOf(string yaml) => Assert.Throws<InputException>(() => Parse(yaml)).Message;

    [Fact]
    public void Cultures_are_read_in_order_and_the_first_is_the_profile_s_culture()
    {
        var config = Parse("cultures: [en, fr-CA]\n");

        Assert.Equal([ProfileCulture.English, ProfileCulture.French], config.Languages);
        Assert.Equal(ProfileCulture.English, config.Culture);
    }

    [Fact]
    public void The_single_culture_still_works_and_is_the_run_s_only_language()
    {
        var config = Parse("culture: en\n");

        Assert.Equal([ProfileCulture.English], config.Languages);
        Assert.Empty(config.Cultures);
    }

    [Fact]
    public void Both_forms_are_accepted_when_the_single_culture_is_the_first_of_the_list() =>
        Assert.Equal([ProfileCulture.French, ProfileCulture.English], Parse("culture: fr-CA\ncultures: [fr-CA, en]\n").Languages);

    [Theory]
    [InlineData("culture: en\ncultures: [fr-CA, en]\n", "profilegen.yml:1:10: 'culture: en' disagrees with 'cultures' (first: fr-CA); keep only 'cultures', whose first culture is the profile's own")]
    [InlineData("cultures: [fr-CA, en]\nculture: en\n", "profilegen.yml:2:10: 'culture: en' disagrees with 'cultures' (first: fr-CA); keep only 'cultures', whose first culture is the profile's own")]
    [InlineData("cultures: [fr-CA, fr-CA]\n", "profilegen.yml:1:11: 'cultures' names 'fr-CA' twice; name each culture once")]
    [InlineData("cultures: []\n", "profilegen.yml:1:11: 'cultures' must name at least one culture (fr-CA, en)")]
    [InlineData("cultures: [fr-CA, de]\n", "profilegen.yml:1:19: 'cultures' must be one of fr-CA, en (got 'de')")]
    [InlineData("cultures: en\n", "profilegen.yml:1:11: 'cultures' must be a list")]
    [InlineData("publish:\n  culture_paths:\n    es: profile/README.es.md\n", "profilegen.yml:3:5: 'culture_paths' names 'es', which is not a culture (fr-CA, en)")]
    [InlineData("catalogue:\n  summaries:\n    accord:\n      de: Ein Werkzeug.\n", "profilegen.yml:4:7: 'summaries.accord' has a summary in 'de'; the languages are fr and en")]
    [InlineData("cultures: [fr-CA, en]\npublish:\n  culture_paths:\n    fr-CA: profile/LISEZMOI.md\n", "profilegen.yml:4:5: 'culture_paths' names fr-CA, the first culture, whose file is publish.target_path; name the other cultures only")]
    [InlineData("publish:\n  culture_paths:\n    en: profile/README.en.md\n", "profilegen.yml:3:5: 'culture_paths' names en, which 'cultures' does not list (fr-CA)")]
    public void A_mistake_is_one_line_naming_its_place(string yaml, string message) => Assert.Equal(message, ErrorOf(yaml));

    [Fact]
    public void The_other_cultures_files_default_to_the_profile_s_name_with_their_language_and_may_be_named()
    {
        var config = Parse("cultures: [fr-CA, en]\n");
        Assert.Equal("profile/README.en.md", config.Publish.PathFor(ProfileCulture.English, config.Languages, "profile/README.md"));
        Assert.Equal("profile/README.md", config.Publish.PathFor(ProfileCulture.French, config.Languages, "profile/README.md"));
        Assert.Equal("PROFILE.en", config.Publish.PathFor(ProfileCulture.English, config.Languages, "PROFILE"));
        Assert.Equal("docs.v2/README.fr.md", Parse("cultures: [en, fr-CA]\n").Publish.PathFor(ProfileCulture.French, [ProfileCulture.English, ProfileCulture.French], "docs.v2/README.md"));

        var named = Parse("cultures: [fr-CA, en]\npublish:\n  culture_paths:\n    en: profile/english.md\n");
        Assert.Equal("profile/english.md", named.Publish.PathFor(ProfileCulture.English, named.Languages, "profile/README.md"));
    }

    [Fact]
    public void Configured_summaries_are_read_per_repository_and_language()
    {
        var config = Parse("catalogue:\n  summaries:\n    Accord:\n      fr: Un outil.\n      en: A tool.\n");

        Assert.Equal("A tool.", config.Catalogue.Summaries["accord"]["en"]);
        Assert.Equal("Un outil.", config.Catalogue.Summaries["ACCORD"]["fr"]);
    }
}
