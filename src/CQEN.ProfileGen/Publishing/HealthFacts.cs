using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Health;

namespace CQEN.ProfileGen.Publishing;

/// <summary>
/// The health entries of the facts file (<c>health</c> map of each repository: the week-to-week
/// record) and the change list's sentences for them: "CI turned red", "security policy added",
/// "went stale"… The values are the stable state words, never translated.
/// </summary>
internal static class HealthFacts
{
    public const string SecurityPolicy = "security_policy";
    public const string CodeOfConduct = "code_of_conduct";
    public const string Contributing = "contributing";
    public const string Ci = "ci";
    public const string Release = "release";
    public const string Activity = "activity";

    /// <summary>The map recorded for a repository: empty when it has no health (an older snapshot).</summary>
    public static SortedDictionary<string, string> Of(RepoHealthModel? health)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (health is null)
        {
            return map;
        }
        map[SecurityPolicy] = health.SecurityPolicy.State;
        map[CodeOfConduct] = health.CodeOfConduct.State;
        map[Contributing] = health.Contributing.State;
        map[Ci] = health.Ci.State;
        map[Release] = health.Release.State == RepoHealth.Released ? health.ReleaseTag! : health.Release.State;
        map[Activity] = health.Activity.State;
        return map;
    }

    /// <summary>
    /// One health change in words ("health.ci": passing → failing is "CI turned red"), in the
    /// profile's language; values in words, never the file's state words. Null for a field that is not health.
    /// </summary>
    public static string? Sentence(string field, string? old, string? now, ProfileCulture culture, Func<string, string> escape)
    {
        if (!field.StartsWith("health.", StringComparison.Ordinal))
        {
            return null;
        }
        var words = HealthWording.For(culture);
        var signal = field["health.".Length..];
        var colon = culture == ProfileCulture.English ? ": " : " : ";
        switch (signal)
        {
            case Ci when now == RepoHealth.Failing && old != RepoHealth.Failing:
                return words.CiTurnedRed;
            case Ci when old == RepoHealth.Failing && now == RepoHealth.Passing:
                return words.CiBackToGreen;
            case SecurityPolicy when old is null or CommunityInheritance.Missing && now is CommunityInheritance.Own or CommunityInheritance.Inherited:
                return words.SecurityPolicyAdded + " (" + words.State(now) + ")";
            case Activity when now == RepoHealth.Stale:
                return words.WentStale;
            case Release when now is not null && now != HealthValues.None && now != HealthValues.Unknown:
                return words.NewRelease(escape(Cut(now))) + (old is null or HealthValues.None or HealthValues.Unknown ? "" : " (" + escape(Cut(old)) + ")");
        }
        string Value(string? v) => v is null ? words.State(HealthValues.Unknown) : signal == Release && v is not (HealthValues.None or HealthValues.Unknown) ? escape(Cut(v)) : words.State(v);
        return words.Signal(signal) + colon + Value(old) + " → " + Value(now);
    }

    // A tag is the repository's text: as long as the change list lets any value be.
    private static string Cut(string tag) =>
        tag.Length <= Publishing.ChangeListText.MaxValueLength ? tag : string.Concat(tag.AsSpan(0, Publishing.ChangeListText.MaxValueLength - 1).TrimEnd(), "…");

    private static class HealthValues
    {
        public const string None = Snapshots.HealthValues.None;
        public const string Unknown = Snapshots.HealthValues.Unknown;
    }
}
