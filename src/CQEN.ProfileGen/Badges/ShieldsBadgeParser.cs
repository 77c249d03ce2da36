using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CQEN.ProfileGen.Badges;

/// <summary>
/// Finds the shields.io badges of a README header: Markdown images (plain, linked, or
/// reference-style with definitions anywhere in the file), read by Markdig as GitHub reads them,
/// and HTML &lt;img&gt; (optionally in &lt;a href&gt;). The header is the first
/// <see cref="HeaderLines"/> lines, whatever markers it has.
/// </summary>
internal static partial class ShieldsBadgeParser
{
    public const int HeaderLines = 30;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    public static IReadOnlyList<ShieldsBadge> Parse(string readmeText)
    {
        var lines = Lines(readmeText);
        var text = string.Join('\n', lines);
        // Where each line starts: an inline's line comes from its offset, as Markdig's own line
        // numbers are those of the underline in a setext heading (badges over a `---`).
        var lineStarts = lines.Select((_, n) => 0).ToArray();
        for (var n = 1; n < lines.Length; n++)
        {
            lineStarts[n] = lineStarts[n - 1] + lines[n - 1].Length + 1;
        }
        var found = new List<(int Line, int Column, ShieldsBadge? Badge)>();
        foreach (var image in Markdown.Parse(text, Pipeline).Descendants<LinkInline>().Where(l => l.IsImage))
        {
            var link = image.Parent as LinkInline;
            var start = (link ?? image).Span.Start;
            var line = Array.BinarySearch(lineStarts, start) is var i && i >= 0 ? i : ~i - 1;
            if (line >= HeaderLines)
            {
                continue;
            }
            var reference = image.Reference is not null || link?.Reference is not null;
            var form = link is null ? "markdown-image" : reference ? "markdown-reference-linked-image" : "markdown-linked-image";
            found.Add((line, start, Badge(AltText(image), image.Url ?? "", link?.Url, line + 1, form)));
        }
        for (var n = 0; n < Math.Min(HeaderLines, lines.Length); n++)
        {
            foreach (Match tag in ImgTag().Matches(lines[n]))
            {
                var (alt, src, href) = HtmlImage(lines[n], tag.Index, tag.Value);
                found.Add((n, lineStarts[n] + tag.Index, src is null ? null : Badge(alt, src, href, n + 1, "html-img")));
            }
        }
        return found.Where(f => f.Badge is not null).OrderBy(f => f.Line).ThenBy(f => f.Column).Select(f => f.Badge!).ToList();
    }

    internal static string[] Lines(string text) =>
        text.TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    // What GitHub shows as the image's alt: its text, without the Markdown around it.
    private static string AltText(LinkInline image) =>
        string.Concat(image.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

    private static ShieldsBadge? Badge(string alt, string image, string? link, int line, string form)
    {
        if (!ShieldsBadgeUrl.IsShields(image))
        {
            return null;
        }
        var decoded = ShieldsBadgeUrl.TryDecode(image);
        return new ShieldsBadge
        {
            Alt = alt,
            ImageUrl = image,
            LinkUrl = link,
            Label = decoded?.Label,
            Message = decoded?.Message,
            Color = decoded?.Color,
            Line = line,
            Form = form,
        };
    }

    private static (string Alt, string? Src, string? Href) HtmlImage(string line, int start, string tag)
    {
        if (Attribute(tag, "src") is not { } src)
        {
            return ("", null, null);
        }
        // Linked when an <a href> opened earlier on the line is still open here.
        string? href = null;
        var anchor = start == 0 ? -1 : line.LastIndexOf("<a ", start - 1, StringComparison.OrdinalIgnoreCase);
        if (anchor >= 0 && line.IndexOf("</a>", anchor, start - anchor, StringComparison.OrdinalIgnoreCase) < 0)
        {
            var anchorEnd = line.IndexOf('>', anchor);
            href = anchorEnd > 0 ? Attribute(line[anchor..(anchorEnd + 1)], "href") : null;
        }
        return (System.Net.WebUtility.HtmlDecode(Attribute(tag, "alt") ?? ""), System.Net.WebUtility.HtmlDecode(src), href is null ? null : System.Net.WebUtility.HtmlDecode(href));
    }

    private static string? Attribute(string tag, string name)
    {
        var m = AttributePattern().Match(tag);
        for (; m.Success; m = m.NextMatch())
        {
            if (m.Groups["name"].Value.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return m.Groups["dq"].Success ? m.Groups["dq"].Value : m.Groups["sq"].Success ? m.Groups["sq"].Value : m.Groups["bare"].Value;
            }
        }
        return null;
    }

    [GeneratedRegex("""(?<name>[a-zA-Z-]+)\s*=\s*(?:"(?<dq>[^"]*)"|'(?<sq>[^']*)'|(?<bare>[^\s>]+))""")]
    private static partial Regex AttributePattern();

    [GeneratedRegex("<img\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ImgTag();
}
