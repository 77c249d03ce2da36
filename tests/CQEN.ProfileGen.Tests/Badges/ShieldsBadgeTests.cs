using CQEN.ProfileGen.Badges;

namespace CQEN.ProfileGen.Tests.Badges;

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
}
