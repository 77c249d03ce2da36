namespace CQEN.ProfileGen.Tests.Health;

/// <summary>
/// The health section of a default profile. The REST reader cannot read health (community files,
/// CI, releases: "unknown"), so where a test compares what both readers render, it compares the
/// rest of the page and checks the REST section says "unknown" apart.
/// </summary>
internal static class HealthSection
{
    private static readonly string[] Headings = ["\n## Santé des dépôts\n", "\n## Repository health\n"];

    /// <summary>The page without its health section (from its heading to the end of its folded matrix).</summary>
    public static string Without(string markdown)
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
        var rest = Without(markdown);
        return rest.Length == markdown.Length ? "" : markdown.Substring(Start(markdown), markdown.Length - rest.Length);
    }

    private static int Start(string markdown) => Headings.Select(h => markdown.IndexOf(h, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).First();
}
