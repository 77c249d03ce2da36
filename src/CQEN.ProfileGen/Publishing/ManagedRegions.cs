using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;

namespace CQEN.ProfileGen.Publishing;

/// <summary>
/// Parts of a hand-written README that the tool owns, between
/// <c>&lt;!-- profilegen:begin NAME --&gt;</c> and <c>&lt;!-- profilegen:end NAME --&gt;</c>
/// (and the legacy <c>&lt;!-- ENTETE --&gt;</c> … <c>&lt;!-- FIN ENTETE --&gt;</c> pair, the region
/// <c>entete</c>). Splicing replaces what is inside the regions and keeps every other character
/// exactly: byte-order mark, line endings (even mixed), a missing final newline.
/// </summary>
/// <remarks>
/// When a begin marker ends its line, the region's inside starts on the next line; when an end
/// marker starts its line (indentation aside), the inside ends before that line, and content put
/// there ends with a newline so the marker keeps its line. Otherwise the inside is exactly the
/// text between the markers (an inline region, such as a number in a sentence). Inserted content
/// takes the newline ending the begin marker's line, or else the file's first newline outside the
/// regions. Marker text inside a code block or a code span is text, not a marker: a README
/// may show the markers as an example without moving a region.
/// </remarks>
internal static partial class ManagedRegions
{
    /// <summary>The name of the region the legacy ENTETE markers delimit.</summary>
    public const string LegacyHeaderRegion = "entete";

    /// <summary>
    /// Replaces the inside of each region named in <paramref name="contents"/> with its content.
    /// Regions the file has but <paramref name="contents"/> does not name are left as they are.
    /// </summary>
    /// <param name="displayPath">The file's name as the user knows it, for error messages.</param>
    /// <exception cref="ManagedRegionException">
    /// A named region is missing; markers are duplicated, unbalanced, nested, out of order or
    /// malformed; or a content holds marker text.
    /// </exception>
    public static string Splice(string existing, IReadOnlyDictionary<string, string> contents, string displayPath)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(contents);

        var regions = Find(existing, displayPath);
        foreach (var name in contents.Keys.Order(StringComparer.Ordinal))
        {
            if (!regions.Any(region => region.Name == name))
            {
                throw new ManagedRegionException(displayPath, 1, 1,
                    $"region '{name}' not found: add '<!-- profilegen:begin {name} -->' and '<!-- profilegen:end {name} -->' where the generated text belongs");
            }
        }

        var result = Replace(existing, regions, contents, displayPath);

        // Content starting or ending with a line break where a marker shares its line would move
        // that marker to a line of its own, and the next run would read the region differently
        // and change the file again. Splicing must be a fixed point: each region, read back from
        // the result, must already hold exactly what splicing would put there.
        IReadOnlyList<ManagedRegion> readBack;
        try
        {
            readBack = Find(result, displayPath);
        }
        catch (ManagedRegionException ex)
        {
            // The generated text changed how the markers read (e.g. it opened a code block that swallows an end marker).
            throw new ManagedRegionException(displayPath, ex.Line, ex.Column,
                $"the generated content would change the file's markers ({ex.Reason}); a code block or code span in it must close inside its region");
        }
        var newline = FirstNewlineOutside(result, readBack);
        foreach (var region in readBack)
        {
            if (contents.TryGetValue(region.Name, out var content)
                && result.AsSpan(region.InnerStart, region.InnerLength).SequenceEqual(Shape(content, region, region.BeginLineNewline ?? newline)) == false)
            {
                var original = regions.First(r => r.Name == region.Name);
                throw new ManagedRegionException(displayPath, original.Line, original.Column,
                    $"the content for region '{region.Name}' starts or ends with a line break beside a marker that shares its line; put the markers on lines of their own");
            }
        }
        return result;
    }

    private static string Replace(string existing, IReadOnlyList<ManagedRegion> regions, IReadOnlyDictionary<string, string> contents, string displayPath)
    {
        var fileNewline = FirstNewlineOutside(existing, regions);
        var result = new StringBuilder(existing.Length);
        var copied = 0;
        foreach (var region in regions)
        {
            if (!contents.TryGetValue(region.Name, out var content))
            {
                continue;
            }

            var marker = FindMarkers(content).FirstOrDefault();
            if (marker is not null)
            {
                var (line, column) = Position(content, marker.Index);
                throw new ManagedRegionException(displayPath, region.Line, region.Column,
                    $"the content for region '{region.Name}' holds marker text '{Shorten(marker.Text)}' (its line {line}, column {column}); generated text cannot contain markers");
            }

            result.Append(existing, copied, region.InnerStart - copied);
            result.Append(Shape(content, region, region.BeginLineNewline ?? fileNewline));
            copied = region.InnerStart + region.InnerLength;
        }
        result.Append(existing, copied, existing.Length - copied);
        return result.ToString();
    }

    /// <summary>The regions of a text, in order, after checking all its markers.</summary>
    /// <exception cref="ManagedRegionException">Markers are duplicated, unbalanced, nested, out of order or malformed.</exception>
    public static IReadOnlyList<ManagedRegion> Find(string text, string displayPath)
    {
        ArgumentNullException.ThrowIfNull(text);

        var regions = new List<ManagedRegion>();
        Marker? open = null;
        foreach (var marker in LiveMarkers(text))
        {
            var (line, column) = Position(text, marker.Index);
            if (marker.Name is null)
            {
                throw new ManagedRegionException(displayPath, line, column,
                    $"malformed marker '{Shorten(marker.Text)}': write '<!-- profilegen:begin NAME -->' or '<!-- profilegen:end NAME -->' (NAME: letters, digits, '.', '_', '-')");
            }

            if (marker.IsBegin)
            {
                if (open is not null)
                {
                    var (openLine, openColumn) = Position(text, open.Index);
                    throw new ManagedRegionException(displayPath, line, column,
                        $"region '{marker.Name}' begins inside region '{open.Name}' (begun at {openLine}:{openColumn}); regions cannot nest");
                }
                var earlier = regions.FirstOrDefault(region => region.Name == marker.Name);
                if (earlier is not null)
                {
                    throw new ManagedRegionException(displayPath, line, column,
                        $"region '{marker.Name}' appears twice (first at {earlier.Line}:{earlier.Column})");
                }

                open = marker;
            }
            else if (open is null)
            {
                throw new ManagedRegionException(displayPath, line, column,
                    $"end of region '{marker.Name}' without its begin marker before it");
            }
            else if (open.Name != marker.Name)
            {
                var (openLine, openColumn) = Position(text, open.Index);
                throw new ManagedRegionException(displayPath, line, column,
                    $"end of region '{marker.Name}' while region '{open.Name}' (begun at {openLine}:{openColumn}) is open");
            }
            else
            {
                var (openLine, openColumn) = Position(text, open.Index);
                regions.Add(Region(text, open, marker, openLine, openColumn));
                open = null;
            }
        }

        if (open is not null)
        {
            var (line, column) = Position(text, open.Index);
            throw new ManagedRegionException(displayPath, line, column, $"region '{open.Name}' has no end marker");
        }
        return regions;
    }

    private static ManagedRegion Region(string text, Marker begin, Marker end, int line, int column)
    {
        var innerStart = begin.Index + begin.Text.Length;
        string? beginLineNewline = null;
        var restOfBeginLine = RestOfLine().Match(text, innerStart);
        if (restOfBeginLine.Success)
        {
            innerStart += restOfBeginLine.Length;
            beginLineNewline = restOfBeginLine.Value.EndsWith("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        }

        var innerEnd = end.Index;
        var endLineStart = text.LastIndexOf('\n', end.Index) + 1; // text[end.Index] is the marker's '<'
        var endStartsItsLine = endLineStart >= innerStart && text.AsSpan(endLineStart, end.Index - endLineStart).TrimStart(" \t").IsEmpty;
        if (endStartsItsLine)
        {
            innerEnd = endLineStart;
        }

        return new ManagedRegion(begin.Name!, innerStart, innerEnd - innerStart, line, column)
        {
            BeginLineNewline = beginLineNewline,
            EndsBeforeEndMarkerLine = endStartsItsLine,
        };
    }

    /// <summary>
    /// The content with the region's newline; where the end marker starts its line, ending with a
    /// newline (unless empty right after the begin marker's line) so the marker keeps its line.
    /// </summary>
    private static string Shape(string content, ManagedRegion region, string newline)
    {
        var shaped = content.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", newline, StringComparison.Ordinal);

        var emptyBlock = shaped.Length == 0 && region.BeginLineNewline is not null;
        if (region.EndsBeforeEndMarkerLine && !emptyBlock && !shaped.EndsWith('\n'))
        {
            shaped += newline;
        }

        return shaped;
    }

    /// <summary>The first newline in the text outside the regions (which splicing never changes); "\n" if none.</summary>
    private static string FirstNewlineOutside(string text, IReadOnlyList<ManagedRegion> regions)
    {
        var from = 0;
        foreach (var region in regions.Append(new ManagedRegion("", text.Length, 0, 0, 0)))
        {
            var newline = text.IndexOf('\n', from, region.InnerStart - from);
            if (newline >= 0)
            {
                return newline > 0 && text[newline - 1] == '\r' ? "\r\n" : "\n";
            }

            from = region.InnerStart + region.InnerLength;
        }
        return "\n";
    }

    private static string Shorten(string markerText)
    {
        var line = markerText.TrimEnd('\r');
        return line.Length <= 80 ? line : line[..80] + "…";
    }

    /// <summary>1-based line and column (in characters; a leading byte-order mark is not a column).</summary>
    private static (int Line, int Column) Position(string text, int index)
    {
        int line = 1, lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        if (lineStart == 0 && text[0] == '\uFEFF') // text holds the marker at index: it is not empty
        {
            lineStart = 1;
        }

        return (line, index - lineStart + 1);
    }

    /// <param name="Name">The region's name; null for a malformed profilegen marker.</param>
    private sealed record Marker(int Index, string Text, bool IsBegin, string? Name);

    /// <summary>The markers outside code blocks and code spans, as GitHub's Markdown reads them.</summary>
    private static IEnumerable<Marker> LiveMarkers(string text)
    {
        var markers = FindMarkers(text).ToList();
        if (markers.Count == 0 || !text.Contains('`') && !text.Contains('~') && !text.Contains("    ", StringComparison.Ordinal) && !text.Contains('\t'))
        {
            return markers; // no code can hide a marker: skip parsing
        }
        var code = new List<(int Start, int End)>();
        foreach (var node in Markdig.Markdown.Parse(text, CodePipeline).Descendants())
        {
            if (node is CodeBlock block)
            {
                // An unclosed fence runs to the end of the document, but Markdig's span covers its
                // opening line only: its last content line says where it really ends.
                var end = block.Lines.Count > 0 ? Math.Max(block.Span.End, block.Lines.Lines[block.Lines.Count - 1].Slice.End) : block.Span.End;
                code.Add((block.Span.Start, end));
            }
            else if (node is Markdig.Syntax.Inlines.CodeInline && !node.Span.IsEmpty)
            {
                code.Add((node.Span.Start, node.Span.End));
            }
        }
        return markers.Where(m => !code.Any(c => m.Index >= c.Start && m.Index <= c.End));
    }

    private static readonly Markdig.MarkdownPipeline CodePipeline = new Markdig.MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    private static IEnumerable<Marker> FindMarkers(string text)
    {
        foreach (Match match in AnyMarker().Matches(text))
        {
            if (match.Groups["legacyBegin"].Success)
            {
                yield return new Marker(match.Index, match.Value, true, LegacyHeaderRegion);
            }
            else if (match.Groups["legacyEnd"].Success)
            {
                yield return new Marker(match.Index, match.Value, false, LegacyHeaderRegion);
            }
            else if (match.Groups["name"].Success)
            {
                yield return new Marker(match.Index, match.Value, match.Groups["kind"].Value == "begin", match.Groups["name"].Value);
            }
            else
            {
                yield return new Marker(match.Index, match.Value, false, null);
            }
        }
    }

    // A well-formed profilegen marker, a legacy one, or (last alternative) the start of a
    // profilegen marker that is not well formed: reported, never silently ignored.
    [GeneratedRegex(
        @"<!--[ \t]*profilegen:(?<kind>begin|end)[ \t]+(?<name>[A-Za-z0-9][A-Za-z0-9._-]*)[ \t]*-->" +
        @"|<!--[ \t]*(?:(?<legacyEnd>FIN[ \t]+ENTETE)|(?<legacyBegin>ENTETE))[ \t]*-->" +
        @"|<!--[ \t]*profilegen:(?:begin|end)\b[^\n]*?(?:-->|$)",
        RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex AnyMarker();

    [GeneratedRegex(@"\G[ \t]*\r?\n", RegexOptions.CultureInvariant)]
    private static partial Regex RestOfLine();
}

/// <summary>A region of a text: where its inside starts, how long it is, and where its begin marker is (1-based).</summary>
internal sealed record ManagedRegion(string Name, int InnerStart, int InnerLength, int Line, int Column)
{
    /// <summary>The newline ending the begin marker's line when nothing else is on it after the marker; else null.</summary>
    internal string? BeginLineNewline { get; init; }

    /// <summary>Whether the end marker starts its line, so the inside ends before that line.</summary>
    internal bool EndsBeforeEndMarkerLine { get; init; }
}

/// <summary>Managed-region markers that cannot be spliced; the message is one line, <c>file:line:column: what</c>.</summary>
internal sealed class ManagedRegionException(string path, int line, int column, string reason)
    : Exception($"{path}:{line}:{column}: {reason}")
{
    public string Path { get; } = path;
    public int Line { get; } = line;
    public int Column { get; } = column;
    public string Reason { get; } = reason;
}
