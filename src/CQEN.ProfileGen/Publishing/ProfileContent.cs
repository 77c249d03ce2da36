using CQEN.ProfileGen.Rendering;

namespace CQEN.ProfileGen.Publishing;

/// <summary>
/// The profile's new text, rendered before publishing starts: a whole file, or the Markdown of
/// each managed region, spliced into the file GitHub holds once it is read. A value, so the
/// publisher needs nothing of the templates or the model.
/// </summary>
internal sealed record ProfileContent
{
    private ProfileContent(string? wholeFile, IReadOnlyDictionary<string, string>? regions, int maxBytes)
    {
        WholeFile = wholeFile;
        Regions = regions;
        MaxBytes = maxBytes;
    }

    /// <summary>The whole file (already within the size budget); null when <see cref="Regions"/> are filled instead.</summary>
    public string? WholeFile { get; }

    /// <summary>Each managed region's rendered Markdown, by region name; null for a whole file.</summary>
    public IReadOnlyDictionary<string, string>? Regions { get; }

    /// <summary>limits.max_bytes: the budget the file with its regions filled must keep.</summary>
    public int MaxBytes { get; }

    public static ProfileContent Whole(string text) => new(text, null, int.MaxValue);

    public static ProfileContent InRegions(IReadOnlyDictionary<string, string> regions, int maxBytes) => new(null, regions, maxBytes);

    /// <summary>The new file, from the one on the base branch (null: absent); <paramref name="where"/> names it in errors.</summary>
    public string Apply(string? current, string where) => WholeFile ?? ProfileRenderer.WithinBudget(
        ManagedRegions.Splice(
            current ?? throw new InputException($"{where}: the file does not exist, so it has no managed regions to fill (publish a whole file, without regions, first)"),
            Regions!, where),
        MaxBytes, where);
}
