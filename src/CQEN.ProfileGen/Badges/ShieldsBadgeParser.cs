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

    /// <summary>The most Markdown one README gives Markdig: badges sit in the first lines, their reference definitions anywhere.</summary>
    public const int MaxMarkdownChars = 256 * 1024;

    /// <summary>The most the header (the first <see cref="HeaderLines"/> lines) may hold.</summary>
    public const int MaxHeaderChars = 64 * 1024;

    /// <summary>How long Markdig may read one README: one hostile README must not hold the whole organization.</summary>
    public static readonly TimeSpan MaxParseTime = TimeSpan.FromSeconds(2);

    /// <exception cref="UnreadableReadmeException">Markdig cannot read it within the bounds.</exception>
    public static IReadOnlyList<ShieldsBadge> Parse(string readmeText) => Parse(readmeText, MaxParseTime);

    internal static IReadOnlyList<ShieldsBadge> Parse(string readmeText, TimeSpan maxParseTime)
    {
        var lines = Lines(readmeText);
        var text = string.Join('\n', lines);
        if (text.Length > MaxMarkdownChars)
        {
            lines = Bounded(lines);
            text = string.Join('\n', lines);
        }
        var document = ParseMarkdown(text, maxParseTime);
        // Where each line starts: an inline's line comes from its offset, as Markdig's own line
        // numbers are those of the underline in a setext heading (badges over a `---`).
        var lineStarts = lines.Select((_, n) => 0).ToArray();
        for (var n = 1; n < lines.Length; n++)
        {
            lineStarts[n] = lineStarts[n - 1] + lines[n - 1].Length + 1;
        }
        var found = new List<(int Line, int Column, ShieldsBadge? Badge)>();
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage))
        {
            var link = image.Parent as LinkInline;
            var start = image.Span.Start; // the image's own line, even in a link that starts on the line above
            var index = Array.BinarySearch(lineStarts, start);
            var line = index >= 0 ? index : ~index - 1;
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
                found.Add((n, lineStarts[n] + tag.Index, HtmlBadge(lines[n], tag.Index, tag.Value, n + 1)));
            }
        }
        return found.Where(f => f.Badge is not null).OrderBy(f => f.Line).ThenBy(f => f.Column).Select(f => f.Badge!).ToArray();
    }

    // A long README keeps, for Markdig, its header and the lines that may define a badge's
    // reference (`[name]: url`); the rest holds no badge.
    private static string[] Bounded(string[] lines)
    {
        var header = lines.Take(HeaderLines).ToList();
        var size = header.Sum(l => l.Length + 1);
        if (size > MaxHeaderChars)
        {
            throw new UnreadableReadmeException($"its first {HeaderLines} lines hold more than {MaxHeaderChars / 1024} KiB");
        }
        header.Add(""); // so that the header's last paragraph does not take the first definition as its own line
        foreach (var line in lines.Skip(HeaderLines))
        {
            if (ReferenceDefinition().IsMatch(line) && (size += line.Length + 1) <= MaxMarkdownChars)
            {
                header.Add(line);
            }
        }
        return [.. header];
    }

    // Below this size even Markdig's slowest nestings take a fraction of a second: read in place.
    private const int InlineParseChars = 8 * 1024;

    // Markdig refuses nesting deeper than it can walk (ArgumentException "too deeply nested") and
    // some nestings cost it quadratic time. It cannot be cancelled, so a longer text is read on a
    // thread of its own (not the pool's: the wait must start when the read does, not when a busy
    // pool gets to it), and a read past the limit is abandoned; the text is bounded, so it ends too.
    private static MarkdownDocument ParseMarkdown(string text, TimeSpan maxParseTime)
    {
        try
        {
            if (text.Length <= InlineParseChars)
            {
                return Markdown.Parse(text, Pipeline);
            }
            var parse = Task.Factory.StartNew(() => Markdown.Parse(text, Pipeline), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            if (!parse.Wait(maxParseTime))
            {
                throw new UnreadableReadmeException(FormattableString.Invariant($"Markdig did not read it within {maxParseTime.TotalSeconds} s"));
            }
            return parse.Result;
        }
        catch (Exception ex) when (Unwrap(ex) is ArgumentException or InvalidOperationException or IndexOutOfRangeException or NullReferenceException)
        {
            throw new UnreadableReadmeException(Unwrap(ex).Message.Contains("too deeply nested", StringComparison.Ordinal)
                ? "it is nested too deeply for Markdig"
                : $"Markdig failed on it ({Unwrap(ex).GetType().Name})");
        }
    }

    private static Exception Unwrap(Exception ex) => ex is AggregateException { InnerException: { } inner } ? inner : ex;

    [GeneratedRegex(@"^ {0,3}\[[^\]]+\]:\s*\S")]
    private static partial Regex ReferenceDefinition();

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

    private static ShieldsBadge? HtmlBadge(string line, int start, string tag, int lineNumber)
    {
        var src = Attribute(tag, "src");
        if (src is null)
        {
            return null;
        }
        // Linked when an <a href> opened earlier on the line is still open here (the <img> at
        // start cannot end an "<a ", so the search may start there).
        string? href = null;
        var anchor = line.LastIndexOf("<a ", start, StringComparison.OrdinalIgnoreCase);
        if (anchor >= 0 && !line.AsSpan(anchor, start - anchor).Contains("</a>", StringComparison.OrdinalIgnoreCase))
        {
            href = Attribute(line[anchor..(line.IndexOf('>', anchor) + 1)], "href"); // the <img>'s own '>' ends it at the latest
        }
        var alt = System.Net.WebUtility.HtmlDecode(Attribute(tag, "alt")) ?? "";
        return Badge(alt, System.Net.WebUtility.HtmlDecode(src), System.Net.WebUtility.HtmlDecode(href), lineNumber, "html-img");
    }

    private static string? Attribute(string tag, string name)
    {
        var m = AttributePattern().Match(tag);
        for (; m.Success; m = m.NextMatch())
        {
            if (m.Groups["name"].Value.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return m.Groups["value"].Value;
            }
        }
        return null;
    }

    // A value in double quotes, single quotes or none: one group, whichever form matched.
    [GeneratedRegex("""(?<name>[a-zA-Z-]+)\s*=\s*(?:"(?<value>[^"]*)"|'(?<value>[^']*)'|(?<value>[^\s>]+))""")]
    private static partial Regex AttributePattern();

    [GeneratedRegex("<img\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ImgTag();
}

/// <summary>A README Markdig cannot read within the bounds: the repository gets no badges or summary, and a finding.</summary>
internal sealed class UnreadableReadmeException(string reason) : Exception(reason);
