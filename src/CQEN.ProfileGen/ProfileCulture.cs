namespace CQEN.ProfileGen;

/// <summary>
/// The profile's language (<c>culture:</c>): default template, dates, numbers and the pull request's words.
/// Shared vocabulary: every part speaks it, so it sits at the top of the tree beside <see cref="Wording"/>.
/// </summary>
internal enum ProfileCulture
{
    French,
    English,
}
