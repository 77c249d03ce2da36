using System.Text;

namespace CQEN.ProfileGen.Publishing;

/// <summary>
/// A git-style unified diff of one file, from the `---` line on: three lines of context, git's
/// hunk grouping and hunk headers (including the nearest
/// preceding "function" line, which for Markdown is the last line starting with a letter),
/// and "\ No newline at end of file" where a side ends without one. Line endings are kept as
/// they are, so a CRLF file's diff carries its '\r's.
/// </summary>
internal sealed record UnifiedDiff
{
    private const int ContextLines = 3;

    /// <summary>The diff text; empty when the two sides are identical.</summary>
    public string Text { get; }

    /// <summary>Lines added ('+' lines).</summary>
    public int Added { get; }

    /// <summary>Lines removed ('-' lines).</summary>
    public int Removed { get; }

    public bool HasChanges => Text.Length > 0;

    private UnifiedDiff(string text, int added, int removed)
    {
        Text = text;
        Added = added;
        Removed = removed;
    }

    /// <summary>Several files' diffs, one after the other (as git prints a commit's), their lines counted together.</summary>
    public static UnifiedDiff Join(IReadOnlyList<UnifiedDiff> diffs) =>
        diffs.Count == 1 ? diffs[0] : new UnifiedDiff(string.Concat(diffs.Select(d => d.Text)), diffs.Sum(d => d.Added), diffs.Sum(d => d.Removed));

    /// <summary>
    /// Diffs <paramref name="before"/> against <paramref name="after"/>; a null side is a file
    /// that does not exist (shown as <c>/dev/null</c>).
    /// </summary>
    public static UnifiedDiff Between(string? before, string? after, string path)
    {
        if (before == after)
        {
            return new UnifiedDiff("", 0, 0);
        }

        var oldLines = LineDiff.SplitLines(before ?? "");
        var newLines = LineDiff.SplitLines(after ?? "");
        var changes = LineDiff.Compute(oldLines, newLines);

        var text = new StringBuilder();
        text.Append("--- ").Append(before is null ? "/dev/null" : "a/" + path).Append('\n');
        text.Append("+++ ").Append(after is null ? "/dev/null" : "b/" + path).Append('\n');

        int added = 0, removed = 0;
        foreach (var hunk in GroupIntoHunks(changes))
        {
            var first = hunk[0];
            var last = hunk[^1];
            var oldStart = Math.Max(first.OldStart - ContextLines, 0);
            var newStart = Math.Max(first.NewStart - ContextLines, 0);
            // The lines after the last change are the same on both sides: count them on the old one.
            var trailing = Math.Min(ContextLines, oldLines.Length - (last.OldStart + last.Removed));
            var oldEnd = last.OldStart + last.Removed + trailing;
            var newEnd = last.NewStart + last.Added + trailing;

            AppendHunkHeader(text, oldStart, oldEnd - oldStart, newStart, newEnd - newStart, FunctionLineBefore(oldLines, oldStart));

            var o = oldStart;
            foreach (var change in hunk)
            {
                for (; o < change.OldStart; o++)
                {
                    AppendLine(text, ' ', oldLines[o]);
                }

                for (var i = 0; i < change.Removed; i++)
                {
                    AppendLine(text, '-', oldLines[change.OldStart + i]);
                }

                for (var i = 0; i < change.Added; i++)
                {
                    AppendLine(text, '+', newLines[change.NewStart + i]);
                }

                o = change.OldStart + change.Removed;
                added += change.Added;
                removed += change.Removed;
            }
            for (; o < oldEnd; o++)
            {
                AppendLine(text, ' ', oldLines[o]);
            }
        }
        return new UnifiedDiff(text.ToString(), added, removed);
    }

    /// <summary>The diff with ANSI colours, as git colours it: for a terminal only (the caller decides, honouring NO_COLOR).</summary>
    public string ToAnsi()
    {
        const string Reset = "\u001b[m";
        var colored = new StringBuilder();
        foreach (var line in LineDiff.SplitLines(Text))
        {
            var body = line[..^1]; // every line of the diff ends with '\n'
            // A '\r' at the end of a line would send the cursor back silently: show it.
            var carriageReturn = body.EndsWith('\r');
            if (carriageReturn)
            {
                body = body[..^1];
            }

            var color = body switch
            {
                _ when body.StartsWith("--- ", StringComparison.Ordinal) || body.StartsWith("+++ ", StringComparison.Ordinal) => "\u001b[1m",
                _ when body.StartsWith("@@", StringComparison.Ordinal) => "\u001b[36m",
                _ when body.StartsWith('-') => "\u001b[31m",
                _ when body.StartsWith('+') => "\u001b[32m",
                _ when body.StartsWith('\\') => "\u001b[2m",
                _ => null,
            };
            if (color is null)
            {
                colored.Append(body);
            }
            else
            {
                colored.Append(color).Append(body).Append(Reset);
            }

            if (carriageReturn)
            {
                colored.Append("\u001b[7m^M").Append(Reset);
            }

            colored.Append('\n');
        }
        return colored.ToString();
    }

    /// <summary>Changes closer than twice the context share a hunk, as in git.</summary>
    /// <remarks>There is at least one change: the texts differ.</remarks>
    private static IEnumerable<List<LineDiff.Change>> GroupIntoHunks(IReadOnlyList<LineDiff.Change> changes)
    {
        var hunk = new List<LineDiff.Change>();
        foreach (var change in changes)
        {
            if (hunk.Count > 0 && change.OldStart - (hunk[^1].OldStart + hunk[^1].Removed) > 2 * ContextLines)
            {
                yield return hunk;
                hunk = [];
            }
            hunk.Add(change);
        }
        yield return hunk;
    }

    private static void AppendHunkHeader(StringBuilder text, int oldStart, int oldCount, int newStart, int newCount, string functionLine)
    {
        text.Append("@@ -");
        AppendRange(text, oldStart, oldCount);
        text.Append(" +");
        AppendRange(text, newStart, newCount);
        text.Append(" @@");
        if (functionLine.Length > 0)
        {
            text.Append(' ').Append(functionLine);
        }

        text.Append('\n');
    }

    /// <summary>git's range: 1-based start, count omitted when 1, and an empty range named by the line before it.</summary>
    private static void AppendRange(StringBuilder text, int start, int count)
    {
        text.Append(count == 0 ? start : start + 1);
        if (count != 1)
        {
            text.Append(',').Append(count);
        }
    }

    private static void AppendLine(StringBuilder text, char prefix, string line)
    {
        text.Append(prefix).Append(line);
        if (!line.EndsWith('\n'))
        {
            text.Append("\n\\ No newline at end of file\n");
        }
    }

    private const int FunctionLineMaxBytes = 80;

    /// <summary>
    /// git's default "function" line for a hunk: the nearest old line above the hunk that starts
    /// with an ASCII letter, '_' or '$', cut to 80 bytes and trimmed of trailing whitespace.
    /// </summary>
    private static string FunctionLineBefore(string[] oldLines, int hunkStart)
    {
        for (var i = hunkStart - 1; i >= 0; i--)
        {
            var line = oldLines[i];
            if (line.Length == 0 || !(char.IsAsciiLetter(line[0]) || line[0] is '_' or '$'))
            {
                continue;
            }

            // Cut at a character boundary within 80 UTF-8 bytes (git cuts bytes, even inside a character).
            int length = 0, bytes = 0;
            foreach (var rune in line.EnumerateRunes())
            {
                if (bytes + rune.Utf8SequenceLength > FunctionLineMaxBytes)
                {
                    break;
                }

                bytes += rune.Utf8SequenceLength;
                length += rune.Utf16SequenceLength;
            }
            return line[..length].TrimEnd(' ', '\t', '\n', '\r', '\v', '\f');
        }
        return "";
    }
}
