using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Health;

/// <summary>
/// One health signal as templates see it (<c>repo.health.ci</c>…): its state (a stable word:
/// own, inherited, missing, passing, failing, stale…), a symbol that differs in shape, not only in
/// colour, the state in words in the profile's language (the symbol's text alternative), and the
/// page it links to, when there is one.
/// </summary>
internal sealed record HealthSignal(string State, string Symbol, string Text, string? Url = null);

/// <summary>
/// <c>repo.health</c>: the community files with their source, the CI state of the default branch,
/// the latest release and the activity derived from the last push. Null for a repository whose
/// snapshot predates health (templates then show nothing).
/// </summary>
internal sealed record RepoHealthModel
{
    public required HealthSignal SecurityPolicy { get; init; }
    public required HealthSignal CodeOfConduct { get; init; }
    public required HealthSignal Contributing { get; init; }
    public required HealthSignal Ci { get; init; }

    /// <summary>State "released" (Text: the tag), "none" or "unknown".</summary>
    public required HealthSignal Release { get; init; }

    /// <summary>State active, slowing, stale, exempt (a topic of health.exempt_topics), archived or unknown (no push date).</summary>
    public required HealthSignal Activity { get; init; }

    public string? ReleaseTag { get; init; }
    public DateTimeOffset? ReleasedAt { get; init; }

    /// <summary>Whole days since the last push, as of the reading (null without a push date).</summary>
    public int? DaysSincePush { get; init; }

    public bool Disabled { get; init; }
}

/// <summary>The health of a repository from its snapshot: pure, the time being the snapshot's reading.</summary>
internal static class RepoHealth
{
    public const string Passing = "passing";
    public const string Failing = "failing";
    public const string Pending = "pending";
    public const string Released = "released";
    public const string Active = "active";
    public const string Slowing = "slowing";
    public const string Stale = "stale";
    public const string Exempt = "exempt";
    public const string Archived = "archived";

    /// <summary>Null when the snapshot has no health for the repository (read before health existed).</summary>
    public static RepoHealthModel? Of(RepoSnapshot repo, OrgSnapshot snapshot, ProfileGenConfig config) =>
        Of(repo, snapshot, config, CommunityInheritance.Defaults(snapshot));

    public static RepoHealthModel? Of(RepoSnapshot repo, OrgSnapshot snapshot, ProfileGenConfig config, IReadOnlySet<CommunityFile>? defaults)
    {
        if (repo.Health is not { } read)
        {
            return null;
        }
        var words = HealthWording.For(config.Culture);
        var org = snapshot.Org.Login;
        HealthSignal File(CommunityFile kind, CommunityFileRead? said)
        {
            var source = CommunityInheritance.Source(kind, repo, said, defaults, org);
            var url = source == CommunityInheritance.Missing || source == HealthValues.Unknown ? null : said?.Url;
            return url is null ? Signal(source, config.Culture) : new HealthSignal(source, Symbol(source), words.State(source), url);
        }
        var ci = CiState(read.Ci);
        var release = !read.ReleaseRead ? HealthValues.Unknown : read.LatestRelease is null ? HealthValues.None : Released;
        var days = DaysSince(repo.PushedAt, snapshot.ReadAt);
        var activity = Activity(repo, days, config.Health);
        return new RepoHealthModel
        {
            SecurityPolicy = File(CommunityFile.SecurityPolicy, read.SecurityPolicy),
            CodeOfConduct = File(CommunityFile.CodeOfConduct, read.CodeOfConduct),
            Contributing = File(CommunityFile.Contributing, read.Contributing),
            Ci = Signal(ci, config.Culture),
            Release = release == Released
                ? new HealthSignal(release, Symbol(release), read.LatestRelease!.Tag, $"{repo.Url}/releases/tag/{Uri.EscapeDataString(read.LatestRelease.Tag)}")
                : Signal(release, config.Culture),
            Activity = Signal(activity, config.Culture),
            ReleaseTag = read.LatestRelease?.Tag,
            ReleasedAt = read.LatestRelease?.PublishedAt,
            DaysSincePush = days,
            Disabled = read.Disabled,
        };
    }

    // A signal without a page of its own is the same for every repository in that state: made
    // once per state and language (six signals a repository were 13 MB at 50,000 repositories).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string State, ProfileCulture Culture), HealthSignal> Signals = new();

    private static HealthSignal Signal(string state, ProfileCulture culture) =>
        Signals.GetOrAdd((state, culture), key => new HealthSignal(key.State, Symbol(key.State), HealthWording.For(key.Culture).State(key.State)));

    /// <summary>GitHub's StatusState (lower case) as the health view says it.</summary>
    public static string CiState(string rollup) => rollup switch
    {
        "success" => Passing,
        "failure" or "error" => Failing,
        "pending" or "expected" => Pending,
        "none" => HealthValues.None,
        _ => HealthValues.Unknown,
    };

    private static int? DaysSince(DateTimeOffset? pushed, DateTimeOffset asOf) =>
        pushed is { } p && asOf != default ? Math.Max(0, (int)(asOf - p).TotalDays) : null;

    private static string Activity(RepoSnapshot repo, int? days, HealthOptions options)
    {
        if (repo.Archived)
        {
            return Archived;
        }
        if (repo.Topics.Any(t => options.ExemptTopics.Contains(t, StringComparer.OrdinalIgnoreCase)))
        {
            return Exempt;
        }
        return days switch
        {
            null => HealthValues.Unknown,
            var d when d >= options.StaleDays => Stale,
            var d when d >= options.SlowingDays => Slowing,
            _ => Active,
        };
    }

    /// <summary>
    /// Symbols that differ by shape (read by screen readers as words, legend beside them), none an
    /// emoji, so no meaning rests on colour.
    /// </summary>
    public static string Symbol(string state) => state switch
    {
        CommunityInheritance.Own or Passing => "✓",
        CommunityInheritance.Inherited => "↳",
        CommunityInheritance.Missing or Failing => "✗",
        Pending => "…",
        Released => "◆",
        Active => "●",
        Slowing => "◐",
        Stale => "○",
        Exempt => "◇",
        Archived => "▪",
        HealthValues.None => "—",
        _ => "?",
    };
}
