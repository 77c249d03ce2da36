using System.Text.RegularExpressions;
using CQEN.ProfileGen.Tests.Action;

namespace CQEN.ProfileGen.Tests.Docs;

/// <summary>A Markdown page of the repository (README.md, docs/*.md), read as the docs tests need it.</summary>
internal static partial class DocsPage
{
    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(RepositoryCheckout.Root, relativePath));

    /// <summary>
    /// What the page documents: each `code` span in the first cell of every table row whose
    /// table's first header cell is <paramref name="header"/> (a row may name several).
    /// </summary>
    public static HashSet<string> FirstColumnNames(string markdown, string header)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var inTable = false;
        string? previous = null;
        foreach (var line in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            if (!line.StartsWith('|'))
            {
                inTable = false;
                previous = line;
                continue;
            }
            if (!inTable && SeparatorRow().IsMatch(line) && previous is not null && FirstCell(previous) == header)
            {
                inTable = true;
            }
            else if (inTable)
            {
                foreach (Match span in CodeSpan().Matches(FirstCell(line)))
                {
                    names.Add(span.Groups[1].Value);
                }
            }
            previous = line;
        }
        return names;
    }

    private static string FirstCell(string row) => row.Trim().TrimStart('|').Split('|')[0].Trim();

    [GeneratedRegex(@"^\|(\s*:?-+:?\s*\|)+\s*$")]
    private static partial Regex SeparatorRow();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();
}
