using CQEN.ProfileGen.Badges;

namespace CQEN.ProfileGen.Tests.Badges;

/// <summary>shields.io badges: decoding, building, parsing the way GitHub reads Markdown, headers, defaults.</summary>
public class ShieldsBadgeTests
{
    public class Decoding
    {
        [Theory]
        [InlineData("https://img.shields.io/badge/Licence-LiLiQ--P-blue", "Licence", "LiLiQ-P", "blue")]
        [InlineData("https://img.shields.io/badge/Cycle_de_vie-Expérimentation-339999", "Cycle de vie", "Expérimentation", "339999")]
        [InlineData("https://img.shields.io/badge/Cycle%20de%20Vie-Phase%20D%C3%A9couverte-339999", "Cycle de Vie", "Phase Découverte", "339999")]
        [InlineData("https://img.shields.io/badge/License-Apache_2.0-blue.svg", "License", "Apache 2.0", "blue")]
        [InlineData("https://img.shields.io/badge/contributions-welcome-brightgreen.svg?style=flat", "contributions", "welcome", "brightgreen")]
        [InlineData("https://img.shields.io/badge/snake__case-a__b-red", "snake_case", "a_b", "red")]
        [InlineData("https://img.shields.io/badge/just--message-green", "", "just-message", "green")]
        public void Applies_shields_escaping(string url, string label, string message, string color) =>
            Assert.Equal((label, message, color), ShieldsBadgeUrl.TryDecode(url));

        [Fact]
        public void Other_routes_have_no_label_message_or_colour() =>
            Assert.Null(ShieldsBadgeUrl.TryDecode("https://img.shields.io/pypi/v/aries_cloudagent"));
    }

    public class Building
    {
        [Theory]
        [InlineData("Licence", "LiLiQ-P", "blue", "https://img.shields.io/badge/Licence-LiLiQ--P-blue")]
        [InlineData("Cycle de vie", "Expérimentation", "339999", "https://img.shields.io/badge/Cycle_de_vie-Exp%C3%A9rimentation-339999")]
        public void Writes_the_conventional_form(string label, string message, string color, string expected) =>
            Assert.Equal(expected, ShieldsBadgeUrl.Build(label, message, color));

        [Theory]
        [InlineData("a-b", "c_d", "e f")]
        [InlineData("-lead", "trail-", "x")]
        [InlineData("100%", "a/b?c#d", "ff0000")]
        [InlineData("été 🚀", "« guillemets »", "blue")]
        [InlineData("a--b", "__", "_")]
        [InlineData("", "message only", "green")]
        public void Round_trips_awkward_text(string label, string message, string color) =>
            Assert.Equal((label, message, color), ShieldsBadgeUrl.TryDecode(ShieldsBadgeUrl.Build(label, message, color)));
    }

    public class Parsing
    {
        [Fact]
        public void Reads_html_img_badges_linked_or_not()
        {
            var badges = ShieldsBadgeParser.Parse("""
                <p>
                <a href="LICENSE"><img alt="Licence" src="https://img.shields.io/badge/Licence-LiLiQ--R-blue"></a>
                <img src='https://img.shields.io/badge/Lifecycle-Experimental-339999' alt='img'/>
                <img src="https://example.com/logo.png">
                </p>
                """);
            Assert.Equal(2, badges.Count);
            Assert.Equal(("Licence", "LiLiQ-R", "LICENSE", "html-img", 2), (badges[0].Label, badges[0].Message, badges[0].LinkUrl, badges[0].Form, badges[0].Line));
            Assert.Equal(("Lifecycle", "Experimental", (string?)null, 3), (badges[1].Label, badges[1].Message, badges[1].LinkUrl, badges[1].Line));
            Assert.Equal("Experimental", LifecycleBadge.Find(badges)?.Message);
        }

        [Fact]
        public void Reads_html_attributes_in_any_quoting_with_entities_decoded()
        {
            var badges = ShieldsBadgeParser.Parse("""
                <img alt="R&amp;D" src=https://img.shields.io/badge/a-b-c>
                <img src='https://img.shields.io/badge/d-e-f'>
                <img alt="no source">
                """);

            Assert.Equal([("R&D", "https://img.shields.io/badge/a-b-c"), ("", "https://img.shields.io/badge/d-e-f")], badges.Select(b => (b.Alt, b.ImageUrl)));
        }

        [Theory]
        [InlineData("""<p>Voir <a href="https://example.org/?a=1&amp;b=2">le site <img src="https://img.shields.io/badge/a-b-c"></a></p>""", "https://example.org/?a=1&b=2")]
        [InlineData("""<p><a href="https://example.org">le site</a> <img src="https://img.shields.io/badge/a-b-c"></p>""", null)]
        [InlineData("""Un texte assez long pour que le lien commence loin du début : <a href="https://example.org"><img src="https://img.shields.io/badge/a-b-c"></a>""", "https://example.org")]
        public void An_html_image_is_linked_only_inside_an_open_anchor(string html, string? link) =>
            Assert.Equal(link, Assert.Single(ShieldsBadgeParser.Parse(html)).LinkUrl);

        [Fact]
        public void Keeps_balanced_parentheses_in_link_destinations()
        {
            var badge = Assert.Single(ShieldsBadgeParser.Parse("[![x](https://img.shields.io/badge/a-b-c)](https://example.com/wiki/Foo_(bar))"));
            Assert.Equal("https://example.com/wiki/Foo_(bar)", badge.LinkUrl);
        }

        [Fact]
        public void Reads_crlf_and_bom_files()
        {
            var badge = Assert.Single(ShieldsBadgeParser.Parse("\uFEFF<!-- ENTETE -->\r\n[![img](https://img.shields.io/badge/Lifecycle-Dormant-ff7f2a)](x)\r\n<!-- FIN ENTETE -->\r\n"));
            Assert.Equal(("Dormant", 2), (badge.Message, badge.Line));
        }

        [Fact]
        public void Looks_only_at_the_header_lines()
        {
            var text = string.Concat(Enumerable.Repeat("text\n", 40)) + "![x](https://img.shields.io/badge/Lifecycle-Late-red)\n";
            Assert.Empty(ShieldsBadgeParser.Parse(text));
        }
    }

    public class Header
    {
        [Fact]
        public void Is_the_text_between_the_markers_when_both_are_there()
        {
            var (text, markers) = ReadmeHeaderExtractor.Extract("<!-- ENTETE -->\nbadge\n<!-- FIN ENTETE -->\n# Title\n");
            Assert.Equal(("badge", true), (text, markers));
        }

        [Fact]
        public void Is_everything_before_the_end_marker_when_the_opening_one_is_missing()
        {
            Assert.Equal(("a\nb", false), ReadmeHeaderExtractor.Extract("a\nb\n<!-- FIN ENTETE -->\nrest"));
        }
    }

    /// <summary>Badges are read the way GitHub reads Markdown (Markdig), not by pattern.</summary>
    public class Markdown
    {
        private const string Lifecycle = "https://img.shields.io/badge/Cycle_de_vie-Exp%C3%A9rimentation-339999";

        [Fact]
        public void A_badge_shown_as_code_in_a_fence_or_a_code_span_is_not_a_badge_of_the_repository()
        {
            var readme = $"# Projet\n\n```markdown\n![Cycle de vie]({Lifecycle})\n```\n\nUse `![x]({Lifecycle})` in your README.\n";

            Assert.Empty(ShieldsBadgeParser.Parse(readme));
        }

        [Fact]
        public void Badges_above_a_setext_underline_keep_their_own_line_numbers()
        {
            var readme = $"<!-- ENTETE -->\n[![img]({Lifecycle})](https://www.quebec.ca)\n[![License](https://img.shields.io/badge/Licence-LiLiQ--P-blue)](LICENSE)\n---\n<!-- FIN ENTETE -->\n";

            Assert.Equal([2, 3], ShieldsBadgeParser.Parse(readme).Select(b => b.Line));
        }

        [Fact]
        public void A_reference_image_resolves_through_a_definition_far_below_the_header()
        {
            var readme = $"[![Cycle de vie][cycle]][politique]\n{string.Concat(Enumerable.Repeat("texte\n\n", 40))}[cycle]: {Lifecycle}\n[POLITIQUE]: https://www.quebec.ca\n";

            var badge = Assert.Single(ShieldsBadgeParser.Parse(readme));
            Assert.Equal(("Cycle de vie", "Expérimentation", "https://www.quebec.ca", "markdown-reference-linked-image"), (badge.Label, badge.Message, badge.LinkUrl, badge.Form));
        }

        [Fact]
        public void Only_the_first_thirty_lines_are_the_header()
        {
            var readme = string.Concat(Enumerable.Repeat("texte\n", 29)) + $"![a]({Lifecycle})\n![b]({Lifecycle})\n";

            Assert.Equal("a", Assert.Single(ShieldsBadgeParser.Parse(readme)).Alt);
        }

        [Fact]
        public void Badges_side_by_side_are_read_in_line_order_each_with_its_line()
        {
            var readme = "# Projet\n\n" +
                "Voir [![a](https://img.shields.io/badge/a-1-red)](x) <img alt=\"b\" src=\"https://img.shields.io/badge/b-2-red\">\n" +
                "<img alt=\"c\" src=\"https://img.shields.io/badge/c-3-red\"> [![d](https://img.shields.io/badge/d-4-red)](y)\n";

            Assert.Equal(["a:3", "b:3", "c:4", "d:4"], ShieldsBadgeParser.Parse(readme).Select(b => $"{b.Alt}:{b.Line}"));
        }

        [Fact]
        public void An_image_that_opens_the_readme_is_on_line_one() =>
            Assert.Equal(1, Assert.Single(ShieldsBadgeParser.Parse("![a](https://img.shields.io/badge/a-b-c)\n# Projet\n")).Line);

        [Fact]
        public void Short_badges_deep_in_the_header_keep_their_own_line_numbers()
        {
            var readme = string.Concat(Enumerable.Repeat("texte\n", 24)) + "![a](https://img.shields.io/badge/a-b-c)\n![b](https://img.shields.io/badge/d-e-f)\n";

            Assert.Equal(["a:25", "b:26"], ShieldsBadgeParser.Parse(readme).Select(b => $"{b.Alt}:{b.Line}"));
        }

        [Theory]
        [InlineData("[![a](https://img.shields.io/badge/a-b-c)][site]\n\n[site]: https://example.org\n")]
        [InlineData("[![a][img]](https://example.org)\n\n[img]: https://img.shields.io/badge/a-b-c\n")]
        public void A_linked_image_with_either_part_by_reference_is_a_reference_form(string readme)
        {
            var badge = Assert.Single(ShieldsBadgeParser.Parse(readme));

            Assert.Equal(("markdown-reference-linked-image", "https://example.org"), (badge.Form, badge.LinkUrl));
        }
    }

    /// <summary>A badge made without saying how it was written is a plain Markdown image with no alt text.</summary>
    public class Defaults
    {
        [Fact]
        public void A_badge_is_a_Markdown_image_with_empty_alt_text_unless_told()
        {
            var badge = new ShieldsBadge { ImageUrl = "https://img.shields.io/badge/a-b-c" };

            Assert.Equal(("", "markdown-image"), (badge.Alt, badge.Form));
        }
    }
}
