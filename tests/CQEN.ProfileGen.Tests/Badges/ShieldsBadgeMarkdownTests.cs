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
}
