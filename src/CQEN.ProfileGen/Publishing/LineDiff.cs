using DiffPlex;

namespace CQEN.ProfileGen.Publishing;

/// <summary>
/// Which lines of two texts changed, placed the way git places them. DiffPlex finds a minimal
/// edit script; where a run of changed lines could sit at several places (a blank line added
/// between paragraphs, say), we then slide it as git's xdiff does — up and down as far as it
/// goes, aligned with a change on the other side if one is in reach, otherwise to the place the
/// indent heuristic scores best — so that our diffs read like `git diff`'s.
/// </summary>
internal static class LineDiff
{
    /// <summary>A run of lines: Removed lines of the old text from OldStart, Added lines of the new text from NewStart.</summary>
    public readonly record struct Change(int OldStart, int Removed, int NewStart, int Added);

    /// <summary>Splits on '\n', keeping each line's terminator (git compares lines with their '\r' and '\n').</summary>
    public static string[] SplitLines(string text)
    {
        var lines = new List<string>();
        int start = 0;
        while (start < text.Length)
        {
            int newline = text.IndexOf('\n', start);
            int end = newline < 0 ? text.Length : newline + 1;
            lines.Add(text[start..end]);
            start = end;
        }
        return [.. lines];
    }

    public static IReadOnlyList<Change> Compute(string[] oldLines, string[] newLines)
    {
        var old = new Side(oldLines);
        var @new = new Side(newLines);
        var result = Differ.Instance.CreateDiffs(string.Concat(oldLines), string.Concat(newLines), false, false, KeepTerminatorsChunker.Instance);
        foreach (var block in result.DiffBlocks)
        {
            for (int i = 0; i < block.DeleteCountA; i++)
                old.SetChanged(block.DeleteStartA + i, true);
            for (int i = 0; i < block.InsertCountB; i++)
                @new.SetChanged(block.InsertStartB + i, true);
        }

        // git compacts the old side against the new, then the new against the old.
        Compact(old, @new);
        Compact(@new, old);
        return CollectChanges(old, @new);
    }

    private static List<Change> CollectChanges(Side old, Side @new)
    {
        var changes = new List<Change>();
        int i = 0, j = 0;
        while (i < old.Count || j < @new.Count)
        {
            if (old.IsChanged(i) || @new.IsChanged(j))
            {
                int oldStart = i, newStart = j;
                while (old.IsChanged(i)) i++;
                while (@new.IsChanged(j)) j++;
                changes.Add(new Change(oldStart, i - oldStart, newStart, j - newStart));
            }
            else
            {
                i++;
                j++;
            }
        }
        return changes;
    }

    /// <summary>
    /// One side's lines and which of them changed. The flags carry a false sentinel before the
    /// first line and after the last so that walking off either end stops by itself.
    /// </summary>
    private sealed class Side(string[] lines)
    {
        private readonly bool[] _changed = new bool[lines.Length + 2];

        public string[] Lines { get; } = lines;
        public int Count => Lines.Length;
        public bool IsChanged(int line) => _changed[line + 1];
        public void SetChanged(int line, bool value) => _changed[line + 1] = value;
    }

    /// <summary>
    /// A run of changed lines [Start, End) on one side, or an empty run just above line Start.
    /// Unchanged lines pair up in order, so the n-th run of one side faces the n-th run of the other.
    /// </summary>
    private struct Run
    {
        public int Start;
        public int End;
        public readonly bool IsEmpty => Start == End;

        public static Run First(Side side)
        {
            var run = new Run();
            while (side.IsChanged(run.End)) run.End++;
            return run;
        }

        public bool MoveNext(Side side)
        {
            if (End == side.Count) return false;
            Start = End + 1;
            End = Start;
            while (side.IsChanged(End)) End++;
            return true;
        }

        public bool MovePrevious(Side side)
        {
            if (Start == 0) return false;
            End = Start - 1;
            Start = End;
            while (side.IsChanged(Start - 1)) Start--;
            return true;
        }

        /// <summary>Moves the run one line down when its first line equals the line after it, absorbing a run it meets.</summary>
        public bool SlideDown(Side side)
        {
            if (End >= side.Count || side.Lines[Start] != side.Lines[End]) return false;
            side.SetChanged(Start++, false);
            side.SetChanged(End++, true);
            while (side.IsChanged(End)) End++;
            return true;
        }

        /// <summary>Moves the run one line up when its last line equals the line before it, absorbing a run it meets.</summary>
        public bool SlideUp(Side side)
        {
            if (Start <= 0 || side.Lines[Start - 1] != side.Lines[End - 1]) return false;
            side.SetChanged(--Start, true);
            side.SetChanged(--End, false);
            while (side.IsChanged(Start - 1)) Start--;
            return true;
        }
    }

    private static void Compact(Side side, Side other)
    {
        var run = Run.First(side);
        var facing = Run.First(other);
        while (true)
        {
            if (!run.IsEmpty)
                Place(side, other, ref run, ref facing);
            if (!run.MoveNext(side))
                break;
            if (!facing.MoveNext(other))
                throw new InvalidOperationException("line diff: the two sides fell out of step");
        }
    }

    private static void Place(Side side, Side other, ref Run run, ref Run facing)
    {
        int size, highestEnd, endFacingChange;
        do
        {
            size = run.End - run.Start;
            endFacingChange = -1;
            while (run.SlideUp(side))
                Step(facing.MovePrevious(other));
            highestEnd = run.End;
            if (!facing.IsEmpty)
                endFacingChange = run.End;
            while (run.SlideDown(side))
            {
                Step(facing.MoveNext(other));
                if (!facing.IsEmpty)
                    endFacingChange = run.End;
            }
        }
        while (size != run.End - run.Start); // sliding merged runs: place the bigger run again

        if (run.End == highestEnd)
            return; // it cannot move

        if (endFacingChange != -1)
        {
            // Line it up with the lowest change on the other side it can face: one hunk, not two.
            while (facing.IsEmpty)
            {
                Step(run.SlideUp(side));
                Step(facing.MovePrevious(other));
            }
            return;
        }

        int lowest = Math.Max(highestEnd, Math.Max(run.End - size - 1, run.End - MaxHeuristicSlide));
        int bestEnd = -1;
        var bestScore = default(SplitScore);
        for (int end = lowest; end <= run.End; end++)
        {
            var score = SplitScore.At(side, end) + SplitScore.At(side, end - size);
            if (bestEnd == -1 || score.CompareTo(bestScore) <= 0)
            {
                bestScore = score;
                bestEnd = end;
            }
        }
        while (run.End > bestEnd)
        {
            Step(run.SlideUp(side));
            Step(facing.MovePrevious(other));
        }
    }

    private static void Step(bool moved)
    {
        if (!moved)
            throw new InvalidOperationException("line diff: a run could not move where it was shown to fit");
    }

    private const int MaxHeuristicSlide = 100;

    /// <summary>
    /// git's indent heuristic: how bad a boundary between two lines looks, judged from the blank
    /// lines and indentation around it (weights from git, found empirically by its authors).
    /// Lower is better; the indentation sum counts first, then the penalty.
    /// </summary>
    private readonly record struct SplitScore(int EffectiveIndent, int Penalty)
    {
        private const int MaxIndent = 200;
        private const int MaxBlanks = 20;

        public static SplitScore operator +(SplitScore a, SplitScore b) =>
            new(a.EffectiveIndent + b.EffectiveIndent, a.Penalty + b.Penalty);

        public int CompareTo(SplitScore other) =>
            60 * EffectiveIndent.CompareTo(other.EffectiveIndent) + (Penalty - other.Penalty);

        /// <summary>The score of a boundary just above line <paramref name="split"/>.</summary>
        public static SplitScore At(Side side, int split)
        {
            bool endOfFile = split >= side.Count;
            int indent = endOfFile ? -1 : IndentOf(side.Lines[split]);

            int preBlank = 0, preIndent = -1;
            for (int i = split - 1; i >= 0; i--)
            {
                preIndent = IndentOf(side.Lines[i]);
                if (preIndent != -1) break;
                if (++preBlank == MaxBlanks) { preIndent = 0; break; }
            }

            int postBlank = 0, postIndent = -1;
            for (int i = split + 1; i < side.Count; i++)
            {
                postIndent = IndentOf(side.Lines[i]);
                if (postIndent != -1) break;
                if (++postBlank == MaxBlanks) { postIndent = 0; break; }
            }

            int penalty = 0;
            if (preIndent == -1 && preBlank == 0) penalty += 1; // start of file
            if (endOfFile) penalty += 21;

            int blanksAfter = indent == -1 ? 1 + postBlank : 0;
            int totalBlanks = preBlank + blanksAfter;
            penalty += -30 * totalBlanks + 6 * blanksAfter;

            int effective = indent != -1 ? indent : postIndent;
            bool anyBlanks = totalBlanks != 0;
            if (effective != -1 && preIndent != -1)
            {
                if (effective > preIndent)
                    penalty += anyBlanks ? 10 : -4;
                else if (effective < preIndent)
                    penalty += postIndent != -1 && postIndent > effective
                        ? (anyBlanks ? 17 : 24)   // likely the start of a new block
                        : (anyBlanks ? 17 : 23);  // likely the end of a block
            }
            return new SplitScore(effective, penalty);
        }

        /// <summary>Columns of leading whitespace (tabs to multiples of 8), or -1 for a blank line.</summary>
        private static int IndentOf(string line)
        {
            int columns = 0;
            foreach (char c in line)
            {
                if (c == ' ') columns++;
                else if (c == '\t') columns += 8 - columns % 8;
                else if (c is not ('\n' or '\r' or '\v' or '\f')) return columns;
                if (columns >= MaxIndent) return MaxIndent;
            }
            return -1;
        }
    }

    private sealed class KeepTerminatorsChunker : IChunker
    {
        public static readonly KeepTerminatorsChunker Instance = new();
        public IReadOnlyList<string> Chunk(string text) => SplitLines(text);
    }
}
