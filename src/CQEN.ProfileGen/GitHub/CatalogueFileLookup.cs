using System.Text.RegularExpressions;

namespace CQEN.ProfileGen.GitHub;

/// <summary>
/// Where a repository's catalogue files are, from its root entries: <c>publiccode.yml</c> (or
/// <c>publiccode.yaml</c>, which the publiccode.yml crawlers also read) and Backstage's
/// <c>catalog-info.yaml</c> (or <c>.yml</c>). Only a root that shows one has it read, so a
/// repository without them costs nothing. A symbolic link is passed over (its blob is its target's path).
/// Also the READMEs written in one language, whose first sentences are per-language summaries.
/// </summary>
internal static partial class CatalogueFileLookup
{
    /// <summary>The languages whose README (<c>README.fr.md</c>, <c>README.en.md</c>) is read, in this order.</summary>
    public static readonly string[] ReadmeLanguages = ["fr", "en"];

    public static readonly string[] PubliccodeNames = ["publiccode.yml", "publiccode.yaml"];

    public static readonly string[] CatalogInfoNames = ["catalog-info.yaml", "catalog-info.yml"];

    /// <summary>The first of <paramref name="names"/> among the entries (as a file); null when there is none.</summary>
    public static string? Choose(IEnumerable<TreeEntry>? entries, string[] names)
    {
        var files = entries?.Where(ReadmeLookup.IsFile).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        return files is null ? null : names.FirstOrDefault(files.Contains);
    }

    /// <summary>
    /// The root file that is the README written in <paramref name="language"/>: <c>README.&lt;lang&gt;.md</c>
    /// (any case), else one with a region tag (<c>README.fr-CA.md</c>, <c>README.en_US.md</c>), the
    /// first of those by name (ordinal, ignoring case); null when there is none.
    /// </summary>
    public static string? ChooseReadme(IEnumerable<TreeEntry>? entries, string language) =>
        entries?.Where(ReadmeLookup.IsFile)
            .Select(e => (e.Name, Match: LanguageReadme().Match(e.Name)))
            .Where(f => f.Match.Success && string.Equals(f.Match.Groups["lang"].Value, language, StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f.Match.Groups["region"].Success) // the bare language tag first
            .ThenBy(f => f.Name, StringComparer.OrdinalIgnoreCase).ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => f.Name).FirstOrDefault();

    [GeneratedRegex(@"^README\.(?<lang>[a-z]{2})(?<region>[-_][a-z0-9]{2,8})?\.md$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LanguageReadme();

    /// <summary>
    /// The per-language summaries from the READMEs' texts (language → text, null when not read):
    /// each one's first sentence, kept when it has one; null when none does.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? Summaries(IEnumerable<(string Language, string? Text)> texts)
    {
        var summaries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (language, text) in texts)
        {
            if (text is not null && Snapshots.ReadmeSummary.FirstSentence(text) is { Length: > 0 } sentence)
            {
                summaries[language] = sentence;
            }
        }
        return summaries.Count == 0 ? null : summaries;
    }
}
