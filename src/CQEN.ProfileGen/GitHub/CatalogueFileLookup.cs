namespace CQEN.ProfileGen.GitHub;

/// <summary>
/// Where a repository's catalogue files are, from its root entries: <c>publiccode.yml</c> (or
/// <c>publiccode.yaml</c>, which the publiccode.yml crawlers also read) and Backstage's
/// <c>catalog-info.yaml</c> (or <c>.yml</c>). Only a root that shows one has it read, so a
/// repository without them costs nothing. A symbolic link is passed over (its blob is its target's path).
/// </summary>
internal static class CatalogueFileLookup
{
    public static readonly string[] PubliccodeNames = ["publiccode.yml", "publiccode.yaml"];

    public static readonly string[] CatalogInfoNames = ["catalog-info.yaml", "catalog-info.yml"];

    /// <summary>The first of <paramref name="names"/> among the entries (as a file); null when there is none.</summary>
    public static string? Choose(IEnumerable<TreeEntry>? entries, string[] names)
    {
        var files = entries?.Where(e => e.Type == "blob" && e.Mode != ReadmeLookup.SymlinkMode).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        return files is null ? null : names.FirstOrDefault(files.Contains);
    }
}
