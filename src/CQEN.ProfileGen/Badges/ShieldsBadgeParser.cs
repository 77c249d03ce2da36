using System.Text.RegularExpressions;

namespace CQEN.ProfileGen.Badges;

/// <summary>
/// Finds the shields.io badges of a README header: Markdown images (plain, linked, or
/// reference-style with definitions anywhere in the file) and HTML &lt;img&gt; (optionally in
/// &lt;a href&gt;). The header is the first <see cref="HeaderLines"/> lines, whatever markers it has.
/// </summary>
public static partial class ShieldsBadgeParser
{
    public const int HeaderLines = 30;

    public static IReadOnlyList<ShieldsBadge> Parse(string readmeText)
    {
        var lines = Lines(readmeText);
        var references = ReferenceDefinitions(lines);
        var badges = new List<ShieldsBadge>();
        for (var n = 0; n < Math.Min(HeaderLines, lines.Length); n++)
        {
            ScanLine(lines[n], n + 1, references, badges);
        }
        return badges;
    }

    internal static string[] Lines(string text) =>
        text.TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    private static void ScanLine(string line, int lineNumber, Dictionary<string, string> references, List<ShieldsBadge> badges)
    {
        var i = 0;
        while (i < line.Length)
        {
            if (string.CompareOrdinal(line, i, "[![", 0, 3) == 0 && LinkedImage(line, i, references) is { } linked)
            {
                Add(badges, linked.Alt, linked.Image, linked.Link, lineNumber, linked.Form);
                i = linked.End;
            }
            else if (string.CompareOrdinal(line, i, "![", 0, 2) == 0 && Image(line, i, references) is { } image)
            {
                Add(badges, image.Alt, image.Url, null, lineNumber, "markdown-image");
                i = image.End;
            }
            else if (string.Compare(line, i, "<img", 0, 4, StringComparison.OrdinalIgnoreCase) == 0 && HtmlImage(line, i) is { } html)
            {
                Add(badges, html.Alt, html.Src, html.Href, lineNumber, "html-img");
                i = html.End;
            }
            else
            {
                i++;
            }
        }
    }

    private static void Add(List<ShieldsBadge> badges, string alt, string image, string? link, int line, string form)
    {
        if (!ShieldsBadgeUrl.IsShields(image))
        {
            return;
        }
        var decoded = ShieldsBadgeUrl.TryDecode(image);
        badges.Add(new ShieldsBadge
        {
            Alt = alt,
            ImageUrl = image,
            LinkUrl = link,
            Label = decoded?.Label,
            Message = decoded?.Message,
            Color = decoded?.Color,
            Line = line,
            Form = form,
        });
    }

    private sealed record LinkedResult(string Alt, string Image, string? Link, string Form, int End);

    // [![alt](image)](link)  or  [![alt][ref]][ref2]  (and mixes of the two)
    private static LinkedResult? LinkedImage(string line, int start, Dictionary<string, string> references)
    {
        if (Image(line, start + 1, references) is not { } image || image.End >= line.Length || line[image.End] != ']')
        {
            return null;
        }
        var after = image.End + 1;
        if (after < line.Length && line[after] == '(' && Destination(line, after) is { } link)
        {
            return new LinkedResult(image.Alt, image.Url, link.Url, image.IsReference ? "markdown-reference-linked-image" : "markdown-linked-image", link.End);
        }
        if (after < line.Length && line[after] == '[' && ReferenceLabel(line, after) is { } label && references.TryGetValue(Normalize(label.Label), out var target))
        {
            return new LinkedResult(image.Alt, image.Url, target, "markdown-reference-linked-image", label.End);
        }
        return null;
    }

    private sealed record ImageResult(string Alt, string Url, bool IsReference, int End);

    // ![alt](url "title")  or  ![alt][ref]
    private static ImageResult? Image(string line, int start, Dictionary<string, string> references)
    {
        var altEnd = line.IndexOf(']', start + 2);
        if (altEnd < 0 || altEnd + 1 >= line.Length)
        {
            return null;
        }
        var alt = line[(start + 2)..altEnd];
        if (line[altEnd + 1] == '(' && Destination(line, altEnd + 1) is { } destination)
        {
            return new ImageResult(alt, destination.Url, false, destination.End);
        }
        if (line[altEnd + 1] == '[' && ReferenceLabel(line, altEnd + 1) is { } label
            && references.TryGetValue(Normalize(label.Label.Length == 0 ? alt : label.Label), out var url))
        {
            return new ImageResult(alt, url, true, label.End);
        }
        return null;
    }

    // A link destination after "(": <…>, or text with balanced parentheses, then an optional title.
    private static (string Url, int End)? Destination(string line, int open)
    {
        var i = open + 1;
        while (i < line.Length && line[i] == ' ')
        {
            i++;
        }
        string url;
        if (i < line.Length && line[i] == '<')
        {
            var close = line.IndexOf('>', i);
            if (close < 0)
            {
                return null;
            }
            url = line[(i + 1)..close];
            i = close + 1;
        }
        else
        {
            var begin = i;
            var depth = 0;
            for (; i < line.Length; i++)
            {
                var c = line[i];
                if (c == '\\' && i + 1 < line.Length)
                {
                    i++;
                    continue;
                }
                if (c == '(')
                {
                    depth++;
                }
                else if (c == ')')
                {
                    if (depth == 0)
                    {
                        break;
                    }
                    depth--;
                }
                else if (char.IsWhiteSpace(c))
                {
                    break;
                }
            }
            url = line[begin..i];
        }
        var end = line.IndexOf(')', i);
        return end < 0 ? null : (url, end + 1);
    }

    private static (string Label, int End)? ReferenceLabel(string line, int open)
    {
        var close = line.IndexOf(']', open + 1);
        return close < 0 ? null : (line[(open + 1)..close], close + 1);
    }

    private static (string Alt, string Src, string? Href, int End)? HtmlImage(string line, int start)
    {
        var end = line.IndexOf('>', start);
        if (end < 0)
        {
            return null;
        }
        var tag = line[start..(end + 1)];
        if (Attribute(tag, "src") is not { } src)
        {
            return null;
        }
        // Linked when an <a href> opened earlier on the line is still open here.
        string? href = null;
        var anchor = line.LastIndexOf("<a ", start, StringComparison.OrdinalIgnoreCase);
        if (anchor >= 0 && line.IndexOf("</a>", anchor, start - anchor, StringComparison.OrdinalIgnoreCase) < 0)
        {
            var anchorEnd = line.IndexOf('>', anchor);
            href = anchorEnd > 0 ? Attribute(line[anchor..(anchorEnd + 1)], "href") : null;
        }
        return (System.Net.WebUtility.HtmlDecode(Attribute(tag, "alt") ?? ""), System.Net.WebUtility.HtmlDecode(src), href is null ? null : System.Net.WebUtility.HtmlDecode(href), end + 1);
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

    // Reference definitions ("[label]: url"), anywhere in the file; labels are case-insensitive.
    private static Dictionary<string, string> ReferenceDefinitions(string[] lines)
    {
        var definitions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var m = DefinitionPattern().Match(line);
            if (m.Success)
            {
                definitions.TryAdd(Normalize(m.Groups["label"].Value), m.Groups["url"].Value.Trim('<', '>'));
            }
        }
        return definitions;
    }

    private static string Normalize(string label) => string.Join(' ', label.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    [GeneratedRegex("""(?<name>[a-zA-Z-]+)\s*=\s*(?:"(?<dq>[^"]*)"|'(?<sq>[^']*)'|(?<bare>[^\s>]+))""")]
    private static partial Regex AttributePattern();

    [GeneratedRegex("""^ {0,3}\[(?<label>[^\]]+)\]:\s*(?<url><[^>]*>|\S+)""")]
    private static partial Regex DefinitionPattern();
}
