namespace CQEN.ProfileGen.Snapshots;

/// <summary>
/// The one order of repository names, wherever repositories are listed (both readers, the
/// model, template functions): ignoring case, then ordinal, so "api" and "API" never swap places
/// between runs.
/// </summary>
internal static class RepoOrder
{
    public static readonly IComparer<string> Names = Comparer<string>.Create((a, b) =>
        StringComparer.OrdinalIgnoreCase.Compare(a, b) is var c && c != 0 ? c : StringComparer.Ordinal.Compare(a, b));
}
