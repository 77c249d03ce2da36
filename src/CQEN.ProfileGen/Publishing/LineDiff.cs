using DiffPlex;

namespace CQEN.ProfileGen.Publishing;

/// <summary>
/// Which lines of two texts changed: DiffPlex's minimal edit script over whole lines, each kept
/// with its terminator (git compares lines with their '\r' and '\n'). Where a run of changed
/// lines could sit at several places, the diff may place it differently from `git diff`; it
/// still applies with `git apply` and yields the new text (tested on hundreds of random edits).
/// </summary>
internal static class LineDiff
{
    /// <summary>A run of lines: Removed lines of the old text from OldStart, Added lines of the new text from NewStart.</summary>
    public readonly record struct Change(int OldStart, int Removed, int NewStart, int Added);

    /// <summary>Splits on '\n', keeping each line's terminator.</summary>
    public static string[] SplitLines(string text)
    {
        var lines = new List<string>();
        for (int start = 0, end; start < text.Length; start = end)
        {
            var newline = text.IndexOf('\n', start);
            end = newline < 0 ? text.Length : newline + 1;
            lines.Add(text[start..end]);
        }
        return [.. lines];
    }

    public static IReadOnlyList<Change> Compute(string[] oldLines, string[] newLines) =>
        Differ.Instance.CreateDiffs(string.Concat(oldLines), string.Concat(newLines), false, false, KeepTerminatorsChunker.Instance)
            .DiffBlocks.Select(b => new Change(b.DeleteStartA, b.DeleteCountA, b.InsertStartB, b.InsertCountB)).ToList();

    private sealed class KeepTerminatorsChunker : IChunker
    {
        public static readonly KeepTerminatorsChunker Instance = new();
        public IReadOnlyList<string> Chunk(string text) => SplitLines(text);
    }
}
