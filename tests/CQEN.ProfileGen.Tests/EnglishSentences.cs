using System.Text.RegularExpressions;

namespace CQEN.ProfileGen.Tests;

/// <summary>
/// Finds English sentences in a text the tool wrote for a French profile: English function words
/// outside what is not a sentence of the tool's (code spans and fenced blocks, URLs, HTML comments,
/// and the repository data the caller names). Rule ids and configuration keys never match: words
/// joined by '-', '_' or '.' are one token here.
/// </summary>
internal static partial class EnglishSentences
{
    // Words a French sentence never holds, and that an English one can hardly do without.
    private static readonly string[] Words =
        ["the", "is", "of", "and", "with", "nothing", "would", "not", "was", "has", "this", "which", "could", "repository", "repositories", "request", "requests"];

    /// <summary>Each English word found, with the text around it (empty when the text is French).</summary>
    public static string[] In(string text, IEnumerable<string>? repositoryData = null)
    {
        var rest = Fenced().Replace(text, " ");
        rest = CodeSpan().Replace(rest, " ");
        rest = Comment().Replace(rest, " ");
        rest = Url().Replace(rest, " ");
        foreach (var data in (repositoryData ?? []).Where(d => d.Length > 0).OrderByDescending(d => d.Length))
        {
            rest = rest.Replace(data, " ", StringComparison.Ordinal);
        }
        var found = new List<string>();
        foreach (Match m in Word().Matches(rest))
        {
            if (Words.Contains(m.Value.ToLowerInvariant()))
            {
                var from = Math.Max(0, m.Index - 40);
                found.Add($"'{m.Value}' in “{rest[from..Math.Min(rest.Length, m.Index + 40)].ReplaceLineEndings(" ")}”");
            }
        }
        return [.. found];
    }

    [GeneratedRegex(@"^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\n]*$", RegexOptions.Multiline)]
    private static partial Regex Fenced();

    [GeneratedRegex(@"`+[^`\n]*`+")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"<!--[\s\S]*?-->")]
    private static partial Regex Comment();

    [GeneratedRegex(@"https?://[^\s)>\]|""']+")]
    private static partial Regex Url();

    [GeneratedRegex(@"(?<![\w.\-/])[A-Za-z]+(?![\w.\-/])")]
    private static partial Regex Word();
}
