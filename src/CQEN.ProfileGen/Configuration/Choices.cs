namespace CQEN.ProfileGen.Configuration;

/// <summary>The order of repositories in every list (<c>sort:</c>, <c>sort_repos</c>), names breaking ties.</summary>
internal enum RepoSort
{
    Name,
    Pushed,
    Stars,
}

/// <summary>What makes the groups (<c>grouping.by:</c>).</summary>
internal enum GroupBy
{
    Lifecycle,
    Language,
    License,
    None,
}

/// <summary>
/// The words configuration files and templates write for these choices, in one place: the
/// configuration, the schema's messages, the model given to templates and the template functions
/// all read them from here.
/// </summary>
internal static class Choices
{
    public static readonly IReadOnlyDictionary<string, ProfileCulture> Cultures =
        new Dictionary<string, ProfileCulture>(StringComparer.Ordinal) { ["fr-CA"] = ProfileCulture.French, ["en"] = ProfileCulture.English };

    public static readonly IReadOnlyDictionary<string, RepoSort> Sorts =
        new Dictionary<string, RepoSort>(StringComparer.Ordinal) { ["name"] = RepoSort.Name, ["pushed"] = RepoSort.Pushed, ["stars"] = RepoSort.Stars };

    public static readonly IReadOnlyDictionary<string, GroupBy> Groupings =
        new Dictionary<string, GroupBy>(StringComparer.Ordinal) { ["lifecycle"] = GroupBy.Lifecycle, ["language"] = GroupBy.Language, ["license"] = GroupBy.License, ["none"] = GroupBy.None };

    /// <summary>The word a configuration file writes for the choice ("fr-CA", "stars", "language").</summary>
    public static string Word(this ProfileCulture culture) => Cultures.First(p => p.Value == culture).Key;

    /// <summary>The culture's language alone ("fr", "en"): the key of a summary, a file name's part (README.en.md).</summary>
    public static string Language(this ProfileCulture culture) => culture == ProfileCulture.English ? "en" : "fr";

    public static string Word(this RepoSort sort) => Sorts.First(p => p.Value == sort).Key;

    public static string Word(this GroupBy by) => Groupings.First(p => p.Value == by).Key;
}
