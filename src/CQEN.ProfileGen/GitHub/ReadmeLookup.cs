namespace CQEN.ProfileGen.GitHub;

/// <summary>
/// Which README GitHub shows for a repository (REAL-GITHUB.md R15): the one in <c>.github/</c>, else
/// the one at the root, else the one in <c>docs/</c>; in a folder README.md, then other Markdown,
/// then no extension, plain text, the rest. A symbolic link is not a README's text (its blob holds
/// the target's path), so it is passed over. The GraphQL reader applies it to the tree listings;
/// the REST reader asks GitHub's own <c>GET /readme</c>, which applies it on GitHub's side.
/// </summary>
internal static class ReadmeLookup
{
    /// <summary>git's mode of a symbolic link (0o120000).</summary>
    public const int SymlinkMode = 0xA000;

    /// <summary>Whether an entry is a file whose text is its content: a blob, not a symbolic link (whose blob is its target's path).</summary>
    public static bool IsFile(TreeEntry entry) => entry.Type == "blob" && entry.Mode != SymlinkMode;

    /// <summary>The README among a folder's entries, by name; null when there is none.</summary>
    public static string? Choose(IEnumerable<TreeEntry>? entries) =>
        entries?.Where(e => IsFile(e) && IsReadme(e.Name))
            .Select(e => e.Name).OrderBy(Preference).ThenBy(n => n, StringComparer.Ordinal).FirstOrDefault();

    /// <summary>Whether a folder of this name is among the entries (".github", "docs").</summary>
    public static bool HasFolder(IEnumerable<TreeEntry>? entries, string name) =>
        entries?.Any(e => e.Type == "tree" && e.Name == name) == true;

    private static bool IsReadme(string name) => name.StartsWith("readme", StringComparison.OrdinalIgnoreCase);

    private static int Preference(string name) =>
        name.Equals("README.md", StringComparison.Ordinal) ? -1 : Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".md" or ".markdown" => 0,
            "" => 1,
            ".txt" => 2,
            _ => 3,
        };
}
