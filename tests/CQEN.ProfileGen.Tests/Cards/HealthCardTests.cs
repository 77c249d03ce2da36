using System.Text;
using System.Xml.Linq;
using ApprovalTests;
using ApprovalTests.Namers;
using ApprovalTests.Reporters;
using ApprovalTests.Writers;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Rendering;
using CQEN.ProfileGen.Rendering.Cards;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CQEN.ProfileGen.Tests.Cards;

/// <summary>The health card: the organization's hygiene in counts, in the profile's language, from the data exactly.</summary>
[UseReporter(typeof(QuietReporter))]
public class HealthCardTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static string[] Texts(byte[] svg) => [.. XDocument.Parse(Encoding.UTF8.GetString(svg)).Descendants(Svg + "text").Select(t => t.Value)];

    [Fact]
    public void The_health_card_counts_every_state_of_every_signal_as_the_data_says()
    {
        var card = CardOrgs.HealthModel(ProfileCulture.English).Cards.Health;

        Assert.True(card.HasData);
        Assert.Equal(
            [
                "Security policy: the repository's own=3", "Security policy: inherited from .github=0", "Security policy: missing=4", "Security policy: unknown=1",
                "Code of conduct: the repository's own=1", "Code of conduct: inherited from .github=7", "Code of conduct: missing=0",
                "Contributing guide: the repository's own=2", "Contributing guide: inherited from .github=6", "Contributing guide: missing=0",
                "CI: passing=2", "CI: failing=2", "CI: pending=1", "CI: none=1", "CI: unknown=2",
                "Latest release: released=3", "Latest release: none=4", "Latest release: unknown=1",
                "Activity: active=3", "Activity: slowing=1", "Activity: stale=1", "Activity: exempt=1", "Activity: archived=1", "Activity: unknown=1",
            ],
            card.Rows.Select(r => $"{r.Label}={r.Count}"));
    }

    [Fact]
    public void The_health_card_and_the_health_view_s_summary_line_count_the_same_repositories()
    {
        var model = CardOrgs.HealthModel(ProfileCulture.English);
        int Count(string label) => model.Cards.Health.Rows.Single(r => r.Label == label).Count;

        Assert.Equal(8, model.Health.Total);
        Assert.Equal(model.Health.SecurityPolicyMissing, Count("Security policy: missing"));
        Assert.Equal(model.Health.CodeOfConductMissing, Count("Code of conduct: missing"));
        Assert.Equal(model.Health.ContributingMissing, Count("Contributing guide: missing"));
        Assert.Equal(model.Health.CiFailing, Count("CI: failing"));
        Assert.Equal(model.Health.Stale, Count("Activity: stale"));
        Assert.Equal(model.Health.Slowing, Count("Activity: slowing"));
        // Every repository is in exactly one state of each signal.
        Assert.All(model.Cards.Health.Rows.GroupBy(r => r.Label[..r.Label.IndexOf(':', StringComparison.Ordinal)]), g => Assert.Equal(model.Health.Total, g.Sum(r => r.Count)));
    }

    [Fact]
    public void The_alt_text_states_every_count_in_french_for_a_french_profile()
    {
        var card = CardOrgs.HealthModel(ProfileCulture.French).Cards.Health;

        Assert.Equal(
            "Santé des dépôts\u00A0: 8 dépôts; politique de sécurité\u00A0: propre au dépôt (3), hérité du dépôt .github (0), absent (4), inconnu (1); "
            + "code de conduite\u00A0: propre au dépôt (1), hérité du dépôt .github (7), absent (0); "
            + "guide de contribution\u00A0: propre au dépôt (2), hérité du dépôt .github (6), absent (0); "
            + "intégration continue\u00A0: réussie (2), en échec (2), en cours (1), aucune (1), inconnu (2); "
            + "dernière version\u00A0: publiée (3), aucune (4), inconnu (1); "
            + "activité\u00A0: actif (3), ralenti (1), inactif (1), exempté (1), archivé (1), inconnu (1).",
            card.Alt);
        Assert.Equal("Santé des dépôts", card.Title);
        Assert.Equal("Signal et état", card.LabelHeader);
    }

    [Fact]
    public void The_alt_text_states_every_count_in_english_for_an_english_profile()
    {
        var card = CardOrgs.HealthModel(ProfileCulture.English).Cards.Health;

        Assert.Equal(
            "Repository health: 8 repositories; security policy: the repository's own (3), inherited from .github (0), missing (4), unknown (1); "
            + "code of conduct: the repository's own (1), inherited from .github (7), missing (0); "
            + "contributing guide: the repository's own (2), inherited from .github (6), missing (0); "
            + "CI: passing (2), failing (2), pending (1), none (1), unknown (2); "
            + "latest release: released (3), none (4), unknown (1); "
            + "activity: active (3), slowing (1), stale (1), exempt (1), archived (1), unknown (1).",
            card.Alt);
    }

    [Theory]
    [InlineData("fr-CA")]
    [InlineData("en")]
    public void Each_state_is_drawn_as_its_symbol_its_count_and_its_word_so_no_meaning_rests_on_colour(string cultureWord)
    {
        var culture = Choices.Cultures[cultureWord];
        var card = CardOrgs.HealthModel(culture).Cards.Health;
        var words = ProfileGen.Health.HealthWording.For(culture);
        var figures = HealthFigures.Of(CardOrgs.HealthModel(culture).Health.Repos, CardOrgs.Health().Config);

        foreach (var svg in new[] { card.LightSvg, card.DarkSvg })
        {
            var texts = Texts(svg);
            // symbol, count, word: three texts one after the other, for every state, in the rows' order.
            var triples = figures.Signals.SelectMany(s => s.States)
                .Select(c => $"{ProfileGen.Health.RepoHealth.Symbol(c.State)}|{TemplateFunctions.FormatNumber(c.Count, culture)}|{words.State(c.State)}").ToArray();
            var drawn = string.Join("\n", texts.Select((t, i) => i + 2 < texts.Length ? $"{t}|{texts[i + 1]}|{texts[i + 2]}" : ""));
            Assert.All(triples, t => Assert.Contains(t, drawn, StringComparison.Ordinal));
            Assert.Equal(card.Rows.Select(r => TemplateFunctions.FormatNumber(r.Count, culture)),
                texts.Where(t => t.Length > 0 && t.All(c => char.IsAsciiDigit(c) || c is '\u00A0' or ',')));
        }
    }

    [Fact]
    public void No_repository_text_reaches_the_health_card_and_the_file_is_well_formed_svg()
    {
        var (snapshot, _) = CardOrgs.Health();
        var card = CardOrgs.HealthModel().Cards.Health;

        foreach (var svg in new[] { card.LightSvg, card.DarkSvg })
        {
            var raw = Encoding.UTF8.GetString(svg);
            XDocument.Parse(raw);
            Assert.DoesNotContain("<script", raw, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("onload", raw, StringComparison.OrdinalIgnoreCase);
            // The card draws counts and its own words: the hostile repository's name and description are nowhere in it.
            var hostile = snapshot.Repos.Single(r => r.Name == CardOrgs.HostileValues[0]);
            Assert.DoesNotContain("&lt;script", raw, StringComparison.Ordinal);
            Assert.DoesNotContain(Texts(svg), t => t.Contains(hostile.Name, StringComparison.Ordinal) || t.Contains(hostile.Description!, StringComparison.Ordinal));
        }
        Assert.DoesNotContain("script", card.Alt, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("fr-CA", "light")]
    [InlineData("fr-CA", "dark")]
    [InlineData("en", "light")]
    [InlineData("en", "dark")]
    public void The_health_card_of_a_fixed_organization_is_as_approved(string culture, string variant)
    {
        var card = CardOrgs.HealthModel(Choices.Cultures[culture]).Cards.Health;

        using (ApprovalResults.ForScenario($"{culture}-{variant}"))
        {
            Approvals.Verify(new ApprovalTextWriter(Encoding.UTF8.GetString(variant == "light" ? card.LightSvg : card.DarkSvg), "svg"));
        }
    }

    [Fact]
    public void A_health_change_rewrites_only_the_health_card()
    {
        var (snapshot, config) = CardOrgs.Health();
        var before = TemplateModelBuilder.Build(snapshot, config, DateTimeOffset.UnixEpoch).Cards;
        var red = snapshot with { Repos = [.. snapshot.Repos.Select(r => r.Name == "tout-propre" ? r with { Health = r.Health! with { Ci = "failure" } } : r)] };
        var after = TemplateModelBuilder.Build(red, config, DateTimeOffset.UnixEpoch).Cards;

        var changed = before.Files.Zip(after.Files).Where(p => !p.First.Bytes.SequenceEqual(p.Second.Bytes)).Select(p => p.First.RelativePath);
        Assert.Equal(["cards/health-light.svg", "cards/health-dark.svg"], changed);
        Assert.Equal(3, after.Health.Rows.Single(r => r.Label == "Intégration continue\u00A0: en échec").Count);
    }

    [Fact]
    public void Health_turned_off_or_a_snapshot_without_health_leaves_the_card_out_of_the_page()
    {
        var (snapshot, config) = CardOrgs.Health();
        var off = TemplateModelBuilder.Build(snapshot, config with { Health = config.Health with { Enabled = false } }, DateTimeOffset.UnixEpoch);
        var unread = TemplateModelBuilder.Build(snapshot with { Repos = [.. snapshot.Repos.Select(r => r with { Health = null })] }, config, DateTimeOffset.UnixEpoch);

        foreach (var model in new[] { off, unread })
        {
            Assert.False(model.Cards.Health.HasData);
            var markdown = ProfileRenderer.Render(TemplateSource.Default(ProfileCulture.French), model);
            Assert.DoesNotContain("cards/health-", markdown, StringComparison.Ordinal);
            Assert.DoesNotContain(model.Cards.FilesUsedBy(markdown), f => f.RelativePath.Contains("health", StringComparison.Ordinal));
        }
        Assert.Equal("Santé des dépôts\u00A0: Aucune donnée de santé.", unread.Cards.Health.Alt);
    }

    [Fact]
    public void A_markdown_parser_sees_the_health_card_as_one_picture_and_its_numbers_as_a_two_column_table()
    {
        var model = CardOrgs.HealthModel();
        var markdown = ProfileRenderer.Render(TemplateSource.Default(ProfileCulture.French), model);

        var document = Markdown.Parse(markdown, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());

        // The picture's tags, in order and whole, among the page's inline HTML (alt text inside its attribute).
        var tags = string.Concat(document.Descendants<HtmlInline>().Select(h => h.Tag));
        var picture = string.Concat(System.Text.RegularExpressions.Regex.Matches(TemplateFunctions.Card(model.Cards, "health"), "<[^>]*>").Select(m => m.Value));
        Assert.Contains(picture, tags, StringComparison.Ordinal);
        var table = Assert.Single(document.Descendants<Table>(), t => t.OfType<TableRow>().First().Count == 2 && t.OfType<TableRow>().Count() == model.Cards.Health.Rows.Count + 1
            && t.Descendants<LiteralInline>().Any(l => l.Content.ToString() == "Signal et état"));
        Assert.All(table.OfType<TableRow>(), row => Assert.Equal(2, row.Count));
    }

    [Theory]
    [InlineData("fr-CA", "Santé des dépôts", "Signal et état")]
    [InlineData("en", "Repository health", "Signal and state")]
    public void The_default_profiles_show_the_health_card_as_a_picture_with_both_variants_and_its_numbers_as_a_table(string cultureWord, string title, string header)
    {
        var culture = Choices.Cultures[cultureWord];
        var model = CardOrgs.HealthModel(culture);

        var markdown = ProfileRenderer.Render(TemplateSource.Default(culture), model);

        Assert.Contains(TemplateFunctions.Card(model.Cards, "health"), markdown, StringComparison.Ordinal);
        Assert.Contains("<source media=\"(prefers-color-scheme: dark)\" srcset=\"cards/health-dark.svg\"><img src=\"cards/health-light.svg\"", markdown, StringComparison.Ordinal);
        Assert.Contains($"**{title}**", markdown, StringComparison.Ordinal);
        Assert.Contains($"| {header} |", markdown, StringComparison.Ordinal);
        Assert.All(model.Cards.Health.Rows, row =>
            Assert.Contains($"| {MarkdownText.TableCell(row.Label)} | {TemplateFunctions.FormatNumber(row.Count, culture)} |", markdown, StringComparison.Ordinal));
        Assert.Equal(["cards/health-dark.svg", "cards/health-light.svg"],
            model.Cards.FilesUsedBy(markdown).Select(f => f.RelativePath).Where(p => p.Contains("health", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }
}
