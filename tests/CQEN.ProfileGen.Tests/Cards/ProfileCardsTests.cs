using System.Globalization;
using System.Text;
using System.Xml.Linq;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Rendering;
using CQEN.ProfileGen.Rendering.Cards;

namespace CQEN.ProfileGen.Tests.Cards;

/// <summary>What the SVG files promise: safe to show anywhere, small, stable, and saying what the data says.</summary>
public class ProfileCardsTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    // All a card may hold: shapes and text. No script, style sheet, image, link or foreignObject.
    private static readonly string[] AllowedElements = ["svg", "title", "desc", "g", "rect", "text"];
    private static readonly string[] AllowedAttributes =
        ["width", "height", "viewBox", "role", "aria-labelledby", "id", "x", "y", "rx", "fill", "fill-opacity", "stroke", "font-family", "font-size", "font-weight", "text-anchor", "xmlns"];

    [Fact]
    public void Every_card_parses_as_xml_and_holds_only_shapes_and_text()
    {
        foreach (var (name, _, _, svg) in CardOrgs.AllFiles())
        {
            var doc = XDocument.Parse(Encoding.UTF8.GetString(svg));
            Assert.Equal(Svg + "svg", doc.Root!.Name);
            foreach (var element in doc.Descendants())
            {
                Assert.True(element.Name.Namespace == Svg && AllowedElements.Contains(element.Name.LocalName), $"{name}: <{element.Name}>");
                foreach (var attribute in element.Attributes())
                {
                    Assert.True(AllowedAttributes.Contains(attribute.Name.LocalName) && attribute.Name.Namespace == XNamespace.None || attribute.IsNamespaceDeclaration,
                        $"{name}: attribute {attribute.Name} on <{element.Name.LocalName}>");
                    Assert.DoesNotContain("url(", attribute.Value, StringComparison.OrdinalIgnoreCase);
                }
            }
            var raw = Encoding.UTF8.GetString(svg);
            Assert.DoesNotContain("<script", raw, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<foreignObject", raw, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("@import", raw, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("href", raw, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Every_card_is_under_50_KB_even_for_a_busy_organization()
    {
        foreach (var (name, _, _, svg) in CardOrgs.AllFiles())
        {
            Assert.True(svg.Length < 50 * 1024, $"{name}: {svg.Length} bytes");
        }
    }

    [Fact]
    public void The_same_data_gives_the_same_bytes_on_any_machine_culture()
    {
        var first = CardOrgs.BusyModel().Cards.Files;
        var previous = CultureInfo.CurrentCulture;
        try
        {
            // A culture writing decimals with a comma must not reach the coordinates.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var again = CardOrgs.BusyModel().Cards.Files;
            Assert.Equal(first.Select(f => f.RelativePath), again.Select(f => f.RelativePath));
            Assert.All(first.Zip(again), pair => Assert.Equal(pair.First.Bytes, pair.Second.Bytes));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void The_clock_does_not_change_the_cards_only_the_reading_time_does()
    {
        var (snapshot, config) = CardOrgs.Busy();
        var monday = TemplateModelBuilder.Build(snapshot, config, new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero)).Cards.Files;
        var nextYear = TemplateModelBuilder.Build(snapshot, config, new DateTimeOffset(2027, 12, 1, 0, 0, 0, TimeSpan.Zero)).Cards.Files;
        var readLater = TemplateModelBuilder.Build(snapshot with { ReadAt = snapshot.ReadAt.AddMonths(2) }, config, DateTimeOffset.UnixEpoch).Cards;

        Assert.All(monday.Zip(nextYear), pair => Assert.Equal(pair.First.Bytes, pair.Second.Bytes));
        Assert.NotEqual(monday.Single(f => f.RelativePath == "cards/activity-light.svg").Bytes, readLater.Activity.LightSvg);
    }

    [Fact]
    public void A_data_change_changes_only_the_cards_that_draw_it()
    {
        var (snapshot, config) = CardOrgs.Busy();
        var before = TemplateModelBuilder.Build(snapshot, config, DateTimeOffset.UnixEpoch).Cards;
        // One repository moves from one language to another the organization already uses.
        var moved = snapshot with { Repos = [.. snapshot.Repos.Select(r => r.Name == "depot-002" ? r with { Language = "Go" } : r)] };
        Assert.NotEqual("Go", snapshot.Repos.Single(r => r.Name == "depot-002").Language);
        var after = TemplateModelBuilder.Build(moved, config, DateTimeOffset.UnixEpoch).Cards;

        var changed = before.Files.Zip(after.Files).Where(p => !p.First.Bytes.SequenceEqual(p.Second.Bytes)).Select(p => p.First.RelativePath);
        Assert.Equal(["cards/languages-light.svg", "cards/languages-dark.svg"], changed);
    }

    [Fact]
    public void A_hostile_value_is_drawn_as_the_characters_it_is()
    {
        var cards = CardOrgs.BusyModel().Cards;
        var drawn = cards.Files.SelectMany(f => XDocument.Parse(Encoding.UTF8.GetString(f.Bytes)).Descendants(Svg + "text").Select(t => t.Value)).ToHashSet();

        Assert.Contains(CardOrgs.HostileValues[0], drawn); // a language named <script>
        Assert.Contains(CardOrgs.HostileValues[1], drawn); // a language named &amp;"'
        var lifecycle = Encoding.UTF8.GetString(cards.Lifecycle.LightSvg);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", lifecycle, StringComparison.Ordinal);
        Assert.Contains("]]&gt;&lt;svg onload=alert(1)&gt;", lifecycle, StringComparison.Ordinal);
        Assert.Contains("&amp;amp;\"'", Encoding.UTF8.GetString(cards.Languages.LightSvg), StringComparison.Ordinal);
    }

    [Fact]
    public void Characters_xml_cannot_hold_are_dropped_instead_of_breaking_the_file()
    {
        Assert.Equal("ab c", SvgCard.Clean("a\u0001b\nc\uD800"));
        Assert.Equal("🚀", SvgCard.Clean("🚀"));
    }

    [Fact]
    public void The_figures_count_what_the_snapshot_holds()
    {
        var model = CardOrgs.BusyModel();
        var (snapshot, _) = CardOrgs.Busy();
        var active = snapshot.Repos.Where(r => !r.Archived).ToArray();
        var summary = model.Cards.Summary.Rows.Select(r => r.Count).ToArray();

        Assert.Equal([snapshot.Repos.Count, active.Length, snapshot.Repos.Count - active.Length,
            active.Select(r => r.Language).OfType<string>().Distinct().Count(),
            active.Select(r => r.License?.SpdxId).OfType<string>().Distinct().Count()], summary);
        Assert.Equal(active.Length, model.Cards.Lifecycle.Rows.Sum(r => r.Count));
        Assert.Equal(active.Length, model.Cards.Languages.Rows.Sum(r => r.Count));
        Assert.Equal(active.Length, model.Cards.Activity.Rows.Sum(r => r.Count));
        Assert.Equal(active.Count(r => r.Language is null), model.Cards.Languages.Rows[^1].Count);
        Assert.Equal(active.Count(r => r.PushedAt is null), model.Cards.Activity.Rows[^1].Count);
        // The last month is the reading's: November 2026 for a snapshot read on 20 November 2026.
        Assert.Equal(active.Count(r => r.PushedAt is { Year: 2026, Month: 11 }), model.Cards.Activity.Rows[11].Count);
        Assert.Equal("nov. 2026", model.Cards.Activity.Rows[11].Label);
    }

    [Fact]
    public void Without_a_configured_order_the_lifecycle_card_follows_a_repository_s_life_as_the_page_s_groups_do()
    {
        // By count this would read Dormant 4, Production 3, Phase Bêta 2, Phase Découverte 1.
        string[] lifecycles = ["Dormant", "Dormant", "Dormant", "Dormant", "Production", "Production", "Production", "Phase Bêta", "Phase Bêta", "Phase Découverte"];
        var snapshot = new ProfileGen.Snapshots.OrgSnapshot
        {
            ReadAt = new DateTimeOffset(2026, 11, 20, 6, 0, 0, TimeSpan.Zero),
            Org = new ProfileGen.Snapshots.OrgProfile { Login = "life", Url = "https://github.com/life" },
            Repos = lifecycles.Select((l, i) => new ProfileGen.Snapshots.RepoSnapshot
            {
                Name = $"r{i}",
                FullName = $"life/r{i}",
                Url = $"https://github.com/life/r{i}",
                Topics = [$"cycle-{Array.IndexOf(lifecycles, l)}"],
            }).ToArray(),
        };
        var config = new ProfileGenConfig
        {
            LifecycleRules = lifecycles.Distinct().Select(l => new LifecycleRule { Topic = $"cycle-{Array.IndexOf(lifecycles, l)}", Message = l }).ToArray(),
        };

        var labels = TemplateModelBuilder.Build(snapshot, config, new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero))
            .Cards.Lifecycle.Rows.Select(r => r.Label).ToArray();

        Assert.Equal(["Phase Découverte", "Phase Bêta", "Production", "Dormant"], labels);
    }

    [Fact]
    public void A_chart_shows_at_most_eight_values_and_sums_the_rest_as_others()
    {
        var languages = CardOrgs.BusyModel(ProfileCulture.English).Cards.Languages.Rows;

        Assert.Equal(OrgFigures.MaxRows + 1, languages.Count); // eight rows, then "no language detected"
        Assert.Equal("Others", languages[OrgFigures.MaxRows - 1].Label);
        Assert.Equal("No language detected", languages[^1].Label);
    }

    [Fact]
    public void The_alt_text_and_the_drawing_state_the_same_numbers_as_the_rows()
    {
        foreach (var (name, card, _, svg) in CardOrgs.AllFiles())
        {
            var texts = XDocument.Parse(Encoding.UTF8.GetString(svg)).Descendants(Svg + "text").Select(t => t.Value).ToArray();
            var alt = card.Alt;
            if (card.Name == "summary")
            {
                Assert.All(card.Rows, r => Assert.Contains(TemplateFunctions.FormatNumber(r.Count, Culture(name)) + " " + r.Label, alt, StringComparison.Ordinal));
                Assert.All(card.Rows, r => Assert.Contains(TemplateFunctions.FormatNumber(r.Count, Culture(name)), texts));
                continue;
            }
            if (card.Name == "health")
            {
                // Rows read "signal: state"; the alt text names each signal once, then its states with their counts.
                var colon = Culture(name) == ProfileCulture.English ? ": " : "\u00A0: ";
                Assert.All(card.Rows, r =>
                {
                    var (signal, state) = (r.Label[..r.Label.IndexOf(colon, StringComparison.Ordinal)], r.Label[(r.Label.IndexOf(colon, StringComparison.Ordinal) + colon.Length)..]);
                    var part = alt.Split("; ").Single(p => p.StartsWith(signal, StringComparison.OrdinalIgnoreCase));
                    Assert.Contains($"{state} ({TemplateFunctions.FormatNumber(r.Count, Culture(name))})", part, StringComparison.Ordinal);
                });
                continue;
            }
            Assert.All(card.Rows, r => Assert.Contains($"{r.Label} ({TemplateFunctions.FormatNumber(r.Count, Culture(name))})", alt, StringComparison.Ordinal));
            if (card.Name != "activity" && card.Rows.Count > 0)
            {
                // Each row's count is drawn, in the rows' order.
                var counts = texts.Where(t => t.Length > 0 && t.All(c => char.IsAsciiDigit(c) || c is '\u00A0' or ',')).ToArray();
                Assert.Equal(card.Rows.Select(r => TemplateFunctions.FormatNumber(r.Count, Culture(name))), counts);
            }
        }
    }

    [Fact]
    public void A_label_too_long_for_its_column_is_cut_with_an_ellipsis_and_kept_whole_in_the_alt_text()
    {
        var card = CardOrgs.BusyModel().Cards.Languages;
        var longName = "Une langue au nom beaucoup trop long pour sa colonne, vraiment très long";
        var texts = XDocument.Parse(Encoding.UTF8.GetString(card.LightSvg)).Descendants(Svg + "text").Select(t => t.Value).ToArray();

        Assert.DoesNotContain(longName, texts);
        Assert.Contains(texts, t => t.EndsWith('…') && longName.StartsWith(t[..^1].TrimEnd(), StringComparison.Ordinal));
        Assert.Contains(longName, card.Alt, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_text_fits_inside_its_card_by_the_width_table()
    {
        foreach (var (name, _, _, svg) in CardOrgs.AllFiles())
        {
            var root = XDocument.Parse(Encoding.UTF8.GetString(svg)).Root!;
            var width = double.Parse(root.Attribute("width")!.Value, CultureInfo.InvariantCulture);
            foreach (var text in root.Descendants(Svg + "text"))
            {
                var x = double.Parse(text.Attribute("x")!.Value, CultureInfo.InvariantCulture);
                var size = double.Parse(text.Attribute("font-size")!.Value, CultureInfo.InvariantCulture);
                var w = TextMeasure.Width(text.Value, size, text.Attribute("font-weight") is not null);
                var (left, right) = (string?)text.Attribute("text-anchor") switch
                {
                    "middle" => (x - w / 2, x + w / 2),
                    "end" => (x - w, x),
                    _ => (x, x + w),
                };
                Assert.True(left >= 0 && right <= width, $"{name}: '{text.Value}' spans {left:0.#}–{right:0.#} of {width}");
            }
        }
    }

    [Fact]
    public void The_width_table_is_no_narrower_than_arial_for_common_text()
    {
        // Arial's advances (thousandths of an em) for "Wm1 é": W 944, m 833, 1 556, space 278, é 556.
        Assert.True(TextMeasure.Width("Wm1 é", 1000) >= 944 + 833 + 556 + 278 + 556);
        Assert.True(TextMeasure.Width("日本", 10) >= 20); // other scripts: a full em each at least
        Assert.Equal(0, TextMeasure.Width("\u0301\u200B", 12)); // combining accent, zero-width space
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public void Every_ink_reads_at_4_5_to_1_on_its_plate_over_either_github_background(string variant)
    {
        var palette = CardPalette.Both.Single(p => p.Name == variant);
        foreach (var page in new[] { "#ffffff", "#0d1117" })
        {
            var plate = Contrast.Over(palette.Plate, palette.PlateOpacity, page);
            Assert.True(Contrast.Ratio(palette.Ink, plate) >= 4.5, $"ink on {page}: {Contrast.Ratio(palette.Ink, plate):0.00}");
            Assert.True(Contrast.Ratio(palette.Muted, plate) >= 4.5, $"muted on {page}: {Contrast.Ratio(palette.Muted, plate):0.00}");
        }
    }

    [Fact]
    public void No_single_ink_could_read_at_4_5_to_1_on_both_backgrounds_which_is_why_cards_have_a_plate()
    {
        var best = Enumerable.Range(0, 256).Select(v => $"#{v:x2}{v:x2}{v:x2}")
            .Max(grey => Math.Min(Contrast.Ratio(grey, "#ffffff"), Contrast.Ratio(grey, "#0d1117")));
        Assert.InRange(best, 4.0, 4.49);
    }

    private static ProfileCulture Culture(string fileName) => fileName.Contains("-en-", StringComparison.Ordinal) ? ProfileCulture.English : ProfileCulture.French;
}

/// <summary>WCAG 2 contrast: relative luminance of sRGB colours, and colours laid over others.</summary>
internal static class Contrast
{
    public static double Ratio(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    public static double Luminance(string hex)
    {
        var (r, g, b) = Rgb(hex);
        static double Linear(double c) => c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        return 0.2126 * Linear(r / 255) + 0.7152 * Linear(g / 255) + 0.0722 * Linear(b / 255);
    }

    /// <summary><paramref name="top"/> at <paramref name="opacity"/> over <paramref name="below"/>, as a browser blends them (in sRGB).</summary>
    public static string Over(string top, double opacity, string below)
    {
        var (t, u) = (Rgb(top), Rgb(below));
        int Mix(double a, double b) => (int)Math.Round(a * opacity + b * (1 - opacity));
        return $"#{Mix(t.R, u.R):x2}{Mix(t.G, u.G):x2}{Mix(t.B, u.B):x2}";
    }

    public static (double R, double G, double B) Rgb(string hex) =>
        (Convert.ToInt32(hex[1..3], 16), Convert.ToInt32(hex[3..5], 16), Convert.ToInt32(hex[5..7], 16));
}
