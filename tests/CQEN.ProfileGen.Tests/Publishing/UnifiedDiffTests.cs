using System.Text;
using CQEN.ProfileGen.Publishing;

namespace CQEN.ProfileGen.Tests.Publishing;

/// <summary>A fact that needs git on the machine, skipped (not passed) without it.</summary>
public sealed class GitFactAttribute : FactAttribute
{
    public GitFactAttribute()
    {
        if (!GitDiffRunner.IsInstalled)
        {
            Skip = "git is not installed";
        }
    }
}

public sealed class GitTheoryAttribute : TheoryAttribute
{
    public GitTheoryAttribute()
    {
        if (!GitDiffRunner.IsInstalled)
        {
            Skip = "git is not installed";
        }
    }
}

public class UnifiedDiffTests
{
    private const string Path = "profile/README.md";

    private static string Lines(params string[] lines) => string.Concat(lines.Select(line => line + "\n"));

    private static readonly string Table = Lines(
        "# CQEN-QDCE",
        "",
        "Les dépôts de l'organisation :",
        "",
        "| Dépôt | Description |",
        "|---|---|",
        "| [alpha](https://github.com/CQEN-QDCE/alpha) | Premier |",
        "| [beta](https://github.com/CQEN-QDCE/beta) | Deuxième |",
        "| [gamma](https://github.com/CQEN-QDCE/gamma) | Troisième |",
        "| [delta](https://github.com/CQEN-QDCE/delta) | Quatrième |",
        "| [epsilon](https://github.com/CQEN-QDCE/epsilon) | Cinquième |",
        "| [zeta](https://github.com/CQEN-QDCE/zeta) | Sixième |",
        "| [eta](https://github.com/CQEN-QDCE/eta) | Septième |",
        "| [theta](https://github.com/CQEN-QDCE/theta) | Huitième |",
        "| [iota](https://github.com/CQEN-QDCE/iota) | Neuvième |",
        "| [kappa](https://github.com/CQEN-QDCE/kappa) | Dixième |",
        "",
        "Généré par profilegen.");

    public static TheoryData<string, string?, string?> GitCases => new()
    {
        { "a row added in the middle", Table, Table.Replace("| [delta]", "| [delta2](https://github.com/CQEN-QDCE/delta2) | Nouveau |\n| [delta]", StringComparison.Ordinal) },
        { "a row removed", Table, Table.Replace("| [zeta](https://github.com/CQEN-QDCE/zeta) | Sixième |\n", "", StringComparison.Ordinal) },
        { "a row changed", Table, Table.Replace("Troisième", "Troisième, revu", StringComparison.Ordinal) },
        { "changes far apart make two hunks", Table, Table.Replace("# CQEN-QDCE", "# CQEN", StringComparison.Ordinal).Replace("Dixième", "10e", StringComparison.Ordinal) },
        { "changes six lines apart share a hunk", Table, Table.Replace("Premier", "1er", StringComparison.Ordinal).Replace("Septième", "7e", StringComparison.Ordinal) },
        { "changes seven lines apart make two hunks", Table, Table.Replace("Premier", "1er", StringComparison.Ordinal).Replace("Huitième", "8e", StringComparison.Ordinal) },
        { "a new file", null, Table },
        { "a file emptied", Table, "" },
        { "the final newline removed", Table, Table.TrimEnd('\n') },
        { "the final newline added", Table.TrimEnd('\n'), Table },
        { "a last line changed without newlines", Table.TrimEnd('\n'), Table.TrimEnd('\n') + " Fin." },
        { "CRLF lines", Table.Replace("\n", "\r\n", StringComparison.Ordinal), Table.Replace("\n", "\r\n", StringComparison.Ordinal).Replace("Deuxième", "2e", StringComparison.Ordinal) },
        { "line endings changed from LF to CRLF", Table, Table.Replace("\n", "\r\n", StringComparison.Ordinal) },
        { "a paragraph inserted between blank-separated paragraphs", Lines("Un.", "", "Deux.", "", "Trois."), Lines("Un.", "", "Deux.", "", "Deux et demi.", "", "Trois.") },
        { "an indented block inserted", Lines("- a", "  - a1", "- b", "  - b1", "- c"), Lines("- a", "  - a1", "- b", "  - b1", "- b", "  - b1", "- c") },
        { "a byte-order mark added", Table, "\uFEFF" + Table },
        { "a file deleted", Table, null },
        { "a function line over 80 bytes is cut", Lines(new string('x', 100), "", "", "", "", "fin"), Lines(new string('x', 100), "", "", "", "", "end") },
    };

    public class Between
    {
        [GitTheory]
        [Trait("Category", "Process")] // starts git: not in the fast subset (tests/unit.runsettings)
        [MemberData(nameof(GitCases), MemberType = typeof(UnifiedDiffTests))]
        public void Prints_what_git_diff_no_index_prints(string description, string? before, string? after)
        {
            var expected = GitDiffRunner.Diff(before, after, Path);

            var diff = UnifiedDiff.Between(before, after, Path);

            Assert.True(expected == diff.Text, $"{description}:\n--- git ---\n{expected}\n--- ours ---\n{diff.Text}");
        }

        // git and DiffPlex may keep different copies of a repeated line (both minimal), so on
        // random input the check is that git itself, applying our diff, gets the new text back.
        // All the diffs go to one `git apply` (each on its own copy of the file): one process, not 300.
        [GitFact]
        [Trait("Category", "Process")] // starts git: not in the fast subset (tests/unit.runsettings)
        public void Gives_diffs_git_applies_back_to_the_new_text_for_hundreds_of_random_edits()
        {
            var random = new Random(20240611);
            var cases = new List<(int Case, string Before, string After, string Diff)>();
            for (var i = 0; i < 300; i++)
            {
                var before = RandomDocument(random);
                var after = RandomEdit(random, before);
                if (before == after)
                {
                    continue;
                }

                cases.Add((i, before, after, UnifiedDiff.Between(before, after, Path).Text));
            }

            var applied = GitDiffRunner.ApplyAll([.. cases.Select(c => (c.Before, c.Diff))], Path);

            Assert.True(cases.Count > 250, $"only {cases.Count} random edits changed their text");
            for (var i = 0; i < cases.Count; i++)
            {
                var (n, before, after, diff) = cases[i];
                Assert.True(after == applied[i], $"case {n}:\n--- before ---\n{before}\n--- after ---\n{after}\n--- ours ---\n{diff}");
            }
        }

        [Fact]
        public void Is_empty_for_identical_texts()
        {
            var diff = UnifiedDiff.Between(Table, Table, Path);

            Assert.False(diff.HasChanges);
            Assert.Equal("", diff.Text);
            Assert.Equal((0, 0), (diff.Added, diff.Removed));
        }

        [Fact]
        public void Names_the_path_under_a_and_b()
        {
            var diff = UnifiedDiff.Between("un\n", "deux\n", Path);

            Assert.True(diff.HasChanges);
            Assert.StartsWith("--- a/profile/README.md\n+++ b/profile/README.md\n@@ -1 +1 @@\n", diff.Text, StringComparison.Ordinal);
        }

        [Fact]
        public void Shows_a_deleted_file_as_going_to_dev_null()
        {
            var diff = UnifiedDiff.Between("un\ndeux\n", null, Path);

            Assert.Equal("--- a/profile/README.md\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-un\n-deux\n", diff.Text);
        }

        // The hunk header's "function" line: the line above the hunk, here the first one.
        private static string FunctionLine(string line) =>
            UnifiedDiff.Between(Lines(line, "", "", "", "", "fin"), Lines(line, "", "", "", "", "end"), Path).Text.Split('\n')[2]["@@ -3,4 +3,4 @@ ".Length..];

        [Fact]
        public void Cuts_the_function_line_to_80_bytes_between_characters()
        {
            var x77 = "a" + new string('x', 76);

            Assert.Equal(x77 + "x\u00e9", FunctionLine(x77 + "x\u00e9z")); // 78 + 2 bytes: the é is the 80th byte
            Assert.Equal(x77 + "xx", FunctionLine(x77 + "xx\u00e9z")); // 79 + 2 bytes: it does not fit
            Assert.Equal(x77, FunctionLine(x77 + "\U0001F680z")); // 77 + 4 bytes: the rocket is not split
        }

        [Fact]
        public void Shows_a_new_file_as_coming_from_dev_null()
        {
            var diff = UnifiedDiff.Between(null, "un\ndeux\n", Path);

            Assert.Equal("--- /dev/null\n+++ b/profile/README.md\n@@ -0,0 +1,2 @@\n+un\n+deux\n", diff.Text);
        }

        [Fact]
        public void Counts_added_and_removed_lines()
        {
            var diff = UnifiedDiff.Between(Lines("a", "b", "c", "d"), Lines("a", "B", "c", "d", "e", "f"), Path);

            Assert.Equal(3, diff.Added);
            Assert.Equal(1, diff.Removed);
        }

        [Fact]
        public void Keeps_carriage_returns_in_the_lines_it_prints()
        {
            var diff = UnifiedDiff.Between("un\r\ndeux\r\n", "un\r\ntrois\r\n", Path);

            Assert.Contains("\n-deux\r\n+trois\r\n", diff.Text, StringComparison.Ordinal);
        }

        [Fact]
        public void Marks_a_side_that_ends_without_a_newline()
        {
            var diff = UnifiedDiff.Between("un\ndeux", "un\ndeux\n", Path);

            Assert.EndsWith("-deux\n\\ No newline at end of file\n+deux\n", diff.Text, StringComparison.Ordinal);
        }
    }

    public class ToAnsi
    {
        [Fact]
        public void Colours_headers_hunks_removals_and_additions_like_git()
        {
            var ansi = UnifiedDiff.Between("un\ndeux\n", "un\ntrois\n", Path).ToAnsi();

            Assert.Equal(
                "\u001b[1m--- a/profile/README.md\u001b[m\n" +
                "\u001b[1m+++ b/profile/README.md\u001b[m\n" +
                "\u001b[36m@@ -1,2 +1,2 @@\u001b[m\n" +
                " un\n" +
                "\u001b[31m-deux\u001b[m\n" +
                "\u001b[32m+trois\u001b[m\n",
                ansi);
        }

        [Fact]
        public void Dims_the_no_newline_note()
        {
            var ansi = UnifiedDiff.Between("un", "deux\n", Path).ToAnsi();

            Assert.Contains("\u001b[31m-un\u001b[m\n\u001b[2m\\ No newline at end of file\u001b[m\n\u001b[32m+deux\u001b[m\n", ansi, StringComparison.Ordinal);
        }

        [Fact]
        public void Shows_a_carriage_return_at_the_end_of_a_line()
        {
            var ansi = UnifiedDiff.Between("un\r\n", "deux\r\n", Path).ToAnsi();

            Assert.Contains("\u001b[32m+deux\u001b[m\u001b[7m^M\u001b[m\n", ansi, StringComparison.Ordinal);
            Assert.DoesNotContain("\r", ansi, StringComparison.Ordinal);
        }
    }

    // Lines chosen to collide: repeats, blanks, indentation, lines git would take as a "function" line.
    private static readonly string[] Vocabulary =
    [
        "", "", "", "# Titre", "## Dépôts", "Texte.", "Texte.", "Autre texte", "- item", "- item", "  - sous-item",
        "\t- tabulé", "| a | b |", "| a | b |", "|---|---|", "<!-- ENTETE -->", "<!-- FIN ENTETE -->", "}", "x", "Élan",
        "_souligné", "$var", "    code", "Une ligne assez longue pour dépasser les quatre-vingts octets que git garde d'une ligne de fonction.",
    ];

    private static string RandomDocument(Random random)
    {
        var text = new StringBuilder();
        var count = random.Next(0, 30);
        var newline = random.Next(8) == 0 ? "\r\n" : "\n";
        for (var i = 0; i < count; i++)
        {
            text.Append(Vocabulary[random.Next(Vocabulary.Length)]).Append(newline);
        }

        if (count > 0 && random.Next(6) == 0)
        {
            text.Length -= newline.Length;
        }

        return text.ToString();
    }

    private static string RandomEdit(Random random, string before)
    {
        var lines = LineDiffLines(before);
        var edits = random.Next(1, 6);
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(lines.Count + 1);
            switch (random.Next(4))
            {
                case 0:
                    lines.Insert(at, Vocabulary[random.Next(Vocabulary.Length)] + "\n");
                    break;
                case 1 when lines.Count > 0:
                    lines.RemoveAt(Math.Min(at, lines.Count - 1));
                    break;
                case 2 when lines.Count > 0:
                    lines[Math.Min(at, lines.Count - 1)] = Vocabulary[random.Next(Vocabulary.Length)] + "\n";
                    break;
                default:
                    var block = random.Next(1, 4);
                    for (var b = 0; b < block; b++)
                    {
                        lines.Insert(at, Vocabulary[random.Next(Vocabulary.Length)] + "\n");
                    }

                    break;
            }
        }
        var after = string.Concat(lines);
        if (after.Length > 0 && random.Next(8) == 0)
        {
            after = after.EndsWith('\n') ? after[..^1] : after + "\n";
        }

        return after;
    }

    private static List<string> LineDiffLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline + 1;
            lines.Add(text[start..end]);
            start = end;
        }
        return lines;
    }
}
