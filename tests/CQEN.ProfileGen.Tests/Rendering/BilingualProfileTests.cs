using ApprovalTests;
using ApprovalTests.Reporters;
using ApprovalTests.Writers;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Rendering;
using CQEN.ProfileGen.Snapshots;
using CQEN.ProfileGen.Tests.Catalogue;
using CQEN.ProfileGen.Tests.Cli;

namespace CQEN.ProfileGen.Tests.Rendering;

/// <summary>
/// The catalogue in the template model (lifecycle, licence and summary by catalogue.precedence,
/// with their source) and the profile in two languages (cultures: [fr-CA, en]): one page per
/// culture, a link between them, every fixed text, date and number in the page's culture.
/// </summary>
[UseReporter(typeof(QuietReporter))]
public class BilingualProfileTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static ProfileGenConfig Bilingual(string yaml = "") => ConfigLoader.Parse("cultures: [fr-CA, en]\n" + yaml, "profilegen.yml", Path.GetTempPath());

    private static IReadOnlyList<ProfilePage> Pages(ProfileGenConfig config, OrgSnapshot? snapshot = null) =>
        ProfilePages.Of(snapshot ?? CatalogueOrg.Snapshot, config, TemplateSource.Default(config.Culture), config.Publish.TargetPath, Now);

    private static RepoModel Repo(ProfilePage page, string name) => page.Model.Repos.Single(r => r.Name == name);

    [Fact]
    public void A_publiccode_status_ranked_above_the_badge_gives_the_lifecycle_and_says_so()
    {
        var contredit = Repo(Pages(new ProfileGenConfig())[0], "contredit");

        Assert.Equal("publiccode", contredit.Lifecycle!.Source);
        Assert.Equal("Bêta", contredit.Lifecycle.Message); // publiccode's "beta", in the page's words: the organization declares no beta value
    }

    [Fact]
    public void With_the_badge_ranked_first_the_badge_keeps_the_lifecycle()
    {
        var config = ConfigLoader.Parse("catalogue:\n  precedence: [readme-badge, publiccode]\n", "profilegen.yml", Path.GetTempPath());

        var contredit = Repo(Pages(config)[0], "contredit");

        Assert.Equal(("badge", "Phase Découverte"), (contredit.Lifecycle!.Source, contredit.Lifecycle.Message));
    }

    [Fact]
    public void A_custom_property_outranks_publiccode_for_the_lifecycle()
    {
        var proprietes = Repo(Pages(new ProfileGenConfig())[0], "proprietes");

        Assert.Equal(("custom-property", "Phase Bêta"), (proprietes.Lifecycle!.Source, proprietes.Lifecycle.Message));
    }

    [Theory]
    [InlineData("", "Développement")]
    [InlineData("catalogue:\n  precedence: [publiccode, topic-rule]\n", null)]
    public void A_repostatus_badge_gives_a_lifecycle_in_the_page_s_words_where_the_precedence_reads_badges(string yaml, string? expected)
    {
        var snapshot = CatalogueOrg.Snapshot;
        // casse without its publiccode.yml: a README badge from repostatus.org (WIP) and nothing else.
        snapshot = snapshot with { Repos = [.. snapshot.Repos.Where(r => r.Name == "casse").Select(r => r with { Publiccode = null })] };

        var casse = Repo(Pages(ConfigLoader.Parse(yaml, "profilegen.yml", Path.GetTempPath()), snapshot)[0], "casse");

        Assert.Equal(expected, casse.Lifecycle?.Message);
        Assert.Equal(expected is null ? null : "badge", casse.Lifecycle?.Source);
    }

    [Fact]
    public void The_licence_file_binds_and_publiccode_names_the_licence_only_where_there_is_none()
    {
        var snapshot = CatalogueOrg.Snapshot;
        snapshot = snapshot with { Repos = [.. snapshot.Repos.Select(r => r.Name == "abandonne" ? r with { License = new RepoLicense { SpdxId = "NOASSERTION" } } : r)] };

        var page = Pages(new ProfileGenConfig(), snapshot)[0];

        // contredit's publiccode says GPL-3.0-only, its licence file MIT: the file wins (the audit names the contradiction).
        Assert.Equal(("MIT", "github"), (Repo(page, "contredit").License!.SpdxId, Repo(page, "contredit").License!.Source));
        Assert.Equal(("MIT", "publiccode", "publiccode.yml"), (Repo(page, "abandonne").License!.SpdxId, Repo(page, "abandonne").License!.Source, Repo(page, "abandonne").License!.Path));
    }

    [Fact]
    public void Each_page_shows_each_repository_s_summary_in_its_own_language_with_its_source()
    {
        var pages = Pages(Bilingual());

        Assert.Equal(("Un outil qui met tout le monde d'accord.", "publiccode", false), Summary(Repo(pages[0], "accord")));
        Assert.Equal(("A tool everyone agrees on.", "publiccode", false), Summary(Repo(pages[1], "accord")));
        Assert.Equal(("Résumé tiré des propriétés.", "custom-property", false), Summary(Repo(pages[0], "proprietes")));
        Assert.Equal(("Summary from the properties.", "custom-property", false), Summary(Repo(pages[1], "proprietes")));
        Assert.Equal(
            [("fr", "Un outil qui met tout le monde d'accord.", "publiccode", false), ("en", "A tool everyone agrees on.", "publiccode", false)],
            Repo(pages[1], "accord").Summaries.Select(s => (s.Language, s.Text, s.Source, s.Fallback)));
    }

    [Fact]
    public void Without_an_english_summary_the_english_page_shows_github_s_description_marked_as_french()
    {
        var pages = Pages(Bilingual());
        var contredit = Repo(pages[1], "contredit");

        Assert.Equal(("GitHub description of contredit.", "description", true, "fr"), (contredit.Summary, contredit.SummarySource, contredit.SummaryUntranslated, contredit.SummaryLanguage));
        Assert.Contains("GitHub description of contredit. *(fr)* |", pages[1].Render(Bilingual(), default), StringComparison.Ordinal);
        // On the French page the same repository has its own French summary, unmarked.
        Assert.Equal(("Un dépôt dont les sources se contredisent.", false), (Repo(pages[0], "contredit").Summary, Repo(pages[0], "contredit").SummaryUntranslated));
        Assert.Contains("| Un dépôt dont les sources se contredisent. |", pages[0].Render(Bilingual(), default), StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_summary_fills_a_language_the_repository_s_files_leave_empty_but_never_overrides_them()
    {
        var config = Bilingual("catalogue:\n  summaries:\n    contredit:\n      en: A repository whose sources disagree.\n      fr: Jamais montré.\n");

        var pages = Pages(config);

        Assert.Equal(("A repository whose sources disagree.", "config", false), Summary(Repo(pages[1], "contredit")));
        Assert.Equal(("Un dépôt dont les sources se contredisent.", "publiccode", false), Summary(Repo(pages[0], "contredit")));
    }

    [Fact]
    public void A_repository_without_any_catalogue_source_keeps_its_description_unmarked_on_the_first_page()
    {
        var snapshot = SnapshotJson.Deserialize(File.ReadAllText(CliHarness.Sample("cqen-qdce.snapshot.json")), "sample");

        var pages = Pages(Bilingual(), snapshot);

        var first = pages[0].Model.Repos.First(r => r.Summary is not null);
        Assert.Equal((first.Summary, false, "fr"), (Repo(pages[1], first.Name).Summary, first.SummaryUntranslated, first.SummaryLanguage));
        Assert.True(Repo(pages[1], first.Name).SummaryUntranslated);
    }

    [Fact]
    public void The_two_pages_link_to_each_other_and_the_english_one_goes_beside_the_profile_with_its_own_cards()
    {
        var pages = Pages(Bilingual());

        Assert.Equal(["profile/README.md", "profile/README.en.md"], pages.Select(p => p.Path));
        Assert.Equal([("fr-CA", "Français", "README.md", true), ("en", "English", "README.en.md", false)], pages[0].Model.Languages.Select(l => (l.Culture, l.Name, l.Link, l.Current)));
        Assert.StartsWith("**Français** · [English](README.en.md)\n", pages[0].Render(Bilingual(), default), StringComparison.Ordinal);
        Assert.StartsWith("[Français](README.md) · **English**\n", pages[1].Render(Bilingual(), default), StringComparison.Ordinal);
        // The cards carry words: the English page's are English, in a folder of their own.
        Assert.All(pages[1].Model.Cards.All, c => Assert.StartsWith("cards/en/", c.Light, StringComparison.Ordinal));
        Assert.All(pages[0].Model.Cards.All, c => Assert.DoesNotContain("/en/", c.Light, StringComparison.Ordinal));
    }

    [Fact]
    public void Configured_file_names_give_links_that_climb_out_of_a_folder_where_needed()
    {
        var pages = Pages(Bilingual("publish:\n  culture_paths:\n    en: profile/en/LISEZ MOI.md\n"));

        Assert.Equal("profile/en/LISEZ MOI.md", pages[1].Path);
        Assert.Equal("en/LISEZ%20MOI.md", pages[0].Model.Languages[1].Link);
        Assert.Equal("../README.md", pages[1].Model.Languages[0].Link);
    }

    [Fact]
    public void Two_cultures_given_the_same_file_are_refused()
    {
        var ex = Assert.Throws<InputException>(() => Pages(Bilingual("publish:\n  culture_paths:\n    en: profile/README.md\n")));

        Assert.StartsWith("publish.culture_paths: two cultures would write the same file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_file_renders_every_language_unless_a_sibling_named_with_the_language_is_beside_it()
    {
        var folder = Directory.CreateTempSubdirectory("profilegen-bilingual-").FullName;
        try
        {
            var own = Path.Combine(folder, "profile.sbn");
            File.WriteAllText(own, "{{ culture }}: own\n");
            File.WriteAllText(Path.Combine(folder, "profile.fr.sbn"), "never: the first culture keeps the template it was given\n");
            var config = Bilingual();

            var alone = ProfilePages.Of(CatalogueOrg.Snapshot, config, TemplateSource.FromFile(own), "profile/README.md", Now);
            Assert.Equal(["fr-CA: own\n", "en: own\n"], alone.Select(p => p.Render(config, default)));

            File.WriteAllText(Path.Combine(folder, "profile.en.sbn"), "{{ culture }}: English sibling\n");
            var paired = ProfilePages.Of(CatalogueOrg.Snapshot, config, TemplateSource.FromFile(own), "profile/README.md", Now);
            Assert.Equal(["fr-CA: own\n", "en: English sibling\n"], paired.Select(p => p.Render(config, default)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_hostile_publiccode_summary_stays_text_in_the_english_file_and_moves_no_marker()
    {
        var snapshot = CatalogueOrg.Snapshot;
        const string Hostile = "publiccodeYmlVersion: \"0\"\ndescription:\n  en:\n    shortDescription: \"<script>alert(1)</script> | [click](https://evil.example) <!-- profilegen:end repos --> <!-- FIN ENTETE -->\"\n";
        snapshot = snapshot with { Repos = [.. snapshot.Repos.Select(r => r.Name == "casse" ? r with { Publiccode = Hostile } : r)] };
        var config = Bilingual();

        var english = Pages(config, snapshot)[1].Render(config, default);

        Assert.DoesNotContain("<script>", english, StringComparison.Ordinal);
        Assert.DoesNotContain("<!-- profilegen:end", english, StringComparison.Ordinal);
        Assert.DoesNotContain("<!-- FIN ENTETE", english, StringComparison.Ordinal);
        Assert.DoesNotContain("](https://evil.example)", english, StringComparison.Ordinal);
        var row = english.Split('\n').Single(l => l.StartsWith("| [casse]", StringComparison.Ordinal));
        Assert.Equal(5, row.Split(" | ").Length); // the cell's pipe is escaped: the row keeps its five columns
    }

    [Fact]
    public void Every_fixed_text_date_and_number_is_in_each_page_s_culture()
    {
        var config = Bilingual();
        var pages = Pages(config);
        var french = pages[0].Render(config, default);
        var english = pages[1].Render(config, default);

        Assert.Contains("## Nos dépôts", french, StringComparison.Ordinal);
        Assert.Contains("## Our repositories", english, StringComparison.Ordinal);
        Assert.DoesNotContain("## Nos dépôts", english, StringComparison.Ordinal);
        Assert.Contains("20 novembre 2026", french, StringComparison.Ordinal);
        Assert.Contains("November 20, 2026", english, StringComparison.Ordinal);
        Assert.DoesNotContain("novembre", english, StringComparison.Ordinal);
        Assert.Equal("1 234", TemplateFunctions.FormatNumber(1234, pages[0].Model.Language).Replace('\u202F', ' ').Replace('\u00A0', ' '));
        Assert.Equal("1,234", TemplateFunctions.FormatNumber(1234, pages[1].Model.Language));
    }

    [Fact]
    public void One_culture_given_as_a_list_renders_exactly_the_profile_of_that_culture()
    {
        var snapshot = SnapshotJson.Deserialize(File.ReadAllText(CliHarness.Sample("cqen-qdce.snapshot.json")), "sample");
        var listed = ConfigLoader.Parse("cultures: [en]\n", "profilegen.yml", Path.GetTempPath());
        var single = ConfigLoader.Parse("culture: en\n", "profilegen.yml", Path.GetTempPath());

        var pages = Pages(listed, snapshot);

        Assert.Single(pages);
        Assert.Empty(pages[0].Model.Languages);
        Assert.Equal(Pages(single, snapshot)[0].Render(single, default), pages[0].Render(listed, default));
    }

    [Fact]
    public void The_english_page_of_a_bilingual_catalogue_profile_reads_as_approved()
    {
        var config = Bilingual("catalogue:\n  summaries:\n    casse:\n      en: A repository whose publiccode.yml is broken.\n");
        var page = Pages(config)[1];

        Approvals.Verify(new ApprovalTextWriter(page.Render(config, default), "md"));
    }

    [Fact]
    public void The_french_page_of_a_bilingual_catalogue_profile_reads_as_approved()
    {
        var config = Bilingual("catalogue:\n  summaries:\n    casse:\n      en: A repository whose publiccode.yml is broken.\n");
        var page = Pages(config)[0];

        Approvals.Verify(new ApprovalTextWriter(page.Render(config, default), "md"));
    }

    [Fact]
    public void The_english_file_of_cqen_qdce_s_bilingual_profile_reads_as_approved()
    {
        var snapshot = SnapshotJson.Deserialize(File.ReadAllText(CliHarness.Sample("cqen-qdce.snapshot.json")), "sample");
        var config = ConfigLoader.Load(CliHarness.Sample("cqen-qdce.profilegen.yml")) with { Cultures = [ProfileCulture.French, ProfileCulture.English], Grouping = new GroupingOptions() };

        var page = Pages(config, snapshot)[1];

        Approvals.Verify(new ApprovalTextWriter(page.Render(config, default), "md"));
    }

    private static (string?, string?, bool) Summary(RepoModel repo) => (repo.Summary, repo.SummarySource, repo.SummaryUntranslated);
}
