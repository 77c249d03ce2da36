namespace CQEN.ProfileGen.Tests.Health;

/// <summary>
/// The health section of a default profile. The REST reader cannot read health (community files,
/// CI, releases: "unknown"), so where a test compares what both readers render, it compares the
/// rest of the page and checks the REST section says "unknown" apart.
/// </summary>
internal static class HealthSection
{
    private static readonly string[] Headings = ["\n## Santé des dépôts\n", "\n## Repository health\n"];

    private static readonly string[] CardTitles = ["Santé des dépôts", "Repository health"];

    /// <summary>
    /// The page without its health: the section (from its heading to the end of its folded
    /// matrix), the health card's picture and the card's table among the cards' numbers.
    /// </summary>
    public static string Without(string markdown) => WithoutCard(WithoutSection(markdown));

    private static string WithoutCard(string markdown)
    {
        markdown = string.Concat(markdown.Split('\n').Where(l => !l.Contains("/health-dark.svg\"", StringComparison.Ordinal)).Select(l => l + "\n"))[..^1];
        foreach (var title in CardTitles)
        {
            var start = markdown.IndexOf($"\n\n**{title}**\n\n", StringComparison.Ordinal);
            if (start >= 0)
            {
                var end = markdown.IndexOf("\n\n", start + title.Length + 8, StringComparison.Ordinal);
                markdown = markdown[..start] + markdown[end..];
            }
        }
        return markdown;
    }

    private static string WithoutSection(string markdown)
    {
        foreach (var heading in Headings)
        {
            var start = markdown.IndexOf(heading, StringComparison.Ordinal);
            if (start >= 0)
            {
                var end = markdown.IndexOf("</details>\n", start, StringComparison.Ordinal);
                return markdown[..start] + markdown[(end + "</details>\n".Length)..];
            }
        }
        return markdown;
    }

    /// <summary>The health section alone ("" when there is none).</summary>
    public static string Of(string markdown)
    {
        var rest = WithoutSection(markdown);
        return rest.Length == markdown.Length ? "" : markdown.Substring(Start(markdown), markdown.Length - rest.Length);
    }

    private static int Start(string markdown) => Headings.Select(h => markdown.IndexOf(h, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).First();
}
