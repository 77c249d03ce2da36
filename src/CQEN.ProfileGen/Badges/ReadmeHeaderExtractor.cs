namespace CQEN.ProfileGen.Badges;

/// <summary>The header of a README: the part that carries the badges, kept in snapshots for review.</summary>
internal static class ReadmeHeaderExtractor
{
    public const string Begin = "<!-- ENTETE -->";
    public const string End = "<!-- FIN ENTETE -->";

    /// <summary>
    /// Between the ENTETE markers when both are there; up to FIN ENTETE when only it is (some
    /// READMEs lost the opening marker); else the first lines, where badges live by convention.
    /// </summary>
    public static (string Text, bool HasEnteteMarkers) Extract(string readmeText)
    {
        var lines = ShieldsBadgeParser.Lines(readmeText);
        var begin = Array.FindIndex(lines, l => l.Trim() == Begin);
        var end = Array.FindIndex(lines, l => l.Trim() == End);
        if (begin >= 0 && end > begin)
        {
            return (string.Join('\n', lines[(begin + 1)..end]), true);
        }
        if (end >= 0 && begin == -1)
        {
            return (string.Join('\n', lines[..end]), false);
        }
        return (string.Join('\n', lines.Take(ShieldsBadgeParser.HeaderLines)).TrimEnd(), false);
    }

    /// <summary>1-based lines of the first opening and the first closing marker, null for one that is missing.</summary>
    public static (int? Begin, int? End) MarkerLines(string readmeText)
    {
        var lines = ShieldsBadgeParser.Lines(readmeText);
        var begin = Array.FindIndex(lines, l => l.Trim() == Begin);
        var end = Array.FindIndex(lines, l => l.Trim() == End);
        return (begin >= 0 ? begin + 1 : null, end >= 0 ? end + 1 : null);
    }
}
