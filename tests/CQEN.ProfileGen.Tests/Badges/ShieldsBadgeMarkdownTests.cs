using CQEN.ProfileGen.Badges;

namespace CQEN.ProfileGen.Tests.Badges;

/// <summary>Badges are read the way GitHub reads Markdown (Markdig), not by pattern.</summary>
public class ShieldsBadgeMarkdownTests
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

