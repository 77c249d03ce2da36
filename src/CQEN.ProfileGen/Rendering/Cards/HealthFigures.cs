using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Health;

namespace CQEN.ProfileGen.Rendering.Cards;

/// <summary>One state of a health signal ("inherited", "failing"…) and how many repositories are in it.</summary>
internal sealed record HealthCount(string State, int Count);

/// <summary>A health signal ("security_policy", "ci"…) and its repositories counted by state, in the card's order.</summary>
internal sealed record SignalTally(string Signal, IReadOnlyList<HealthCount> States);

/// <summary>
/// The numbers the health card draws: the repositories the health view lists (the page's, with
/// health), counted by state for each signal. Every repository falls in exactly one state of each
/// signal, so each signal's counts add up to <see cref="Repositories"/>. The states a reader looks
/// for are always counted, even at zero ("0 failing" is news); the rarer ones only when present.
/// </summary>
internal sealed record HealthFigures
{
    public static HealthFigures None { get; } = new() { Enabled = false, Repositories = 0, Signals = [] };

    /// <summary>health.enabled of the configuration.</summary>
    public required bool Enabled { get; init; }

    /// <summary>The listed repositories that have health.</summary>
    public required int Repositories { get; init; }
    public required IReadOnlyList<SignalTally> Signals { get; init; }

    private const string Unknown = Snapshots.HealthValues.Unknown;
    private const string NoneAtAll = Snapshots.HealthValues.None;
    private static readonly string[] Files = [CommunityInheritance.Own, CommunityInheritance.Inherited, CommunityInheritance.Missing, Unknown];

    // Each signal: its states in the card's order, and the rare ones, counted only when a repository is in one.
    private static readonly (string Signal, Func<RepoHealthModel, HealthSignal> Of, string[] States, string[] Rare)[] Order =
    [
        ("security_policy", h => h.SecurityPolicy, Files, [Unknown]),
        ("code_of_conduct", h => h.CodeOfConduct, Files, [Unknown]),
        ("contributing", h => h.Contributing, Files, [Unknown]),
        ("ci", h => h.Ci, [RepoHealth.Passing, RepoHealth.Failing, RepoHealth.Pending, NoneAtAll, Unknown], [RepoHealth.Pending, NoneAtAll]),
        ("release", h => h.Release, [RepoHealth.Released, NoneAtAll, Unknown], [Unknown]),
        ("activity", h => h.Activity, [RepoHealth.Active, RepoHealth.Slowing, RepoHealth.Stale, RepoHealth.Exempt, RepoHealth.Archived, Unknown], [RepoHealth.Exempt, RepoHealth.Archived, Unknown]),
    ];

    /// <param name="listed">The repositories the page lists (the health view's).</param>
    public static HealthFigures Of(IEnumerable<RepoModel> listed, ProfileGenConfig config)
    {
        var health = listed.Select(r => r.Health).OfType<RepoHealthModel>().ToArray();
        return new HealthFigures
        {
            Enabled = config.Health.Enabled,
            Repositories = health.Length,
            Signals = health.Length == 0 ? [] : Order.Select(o => Tally(o.Signal, health.Select(h => o.Of(h).State).ToArray(), o.States, o.Rare)).ToArray(),
        };
    }

    private static SignalTally Tally(string signal, string[] read, string[] states, string[] rare)
    {
        int Count(string state) => read.Count(s => s == state);
        // A state this order does not know (a newer reader's) is still counted, last: the sum stays whole.
        var others = read.Where(s => !states.Contains(s)).Distinct().Order(StringComparer.Ordinal);
        var counts = states.Where(s => !rare.Contains(s) || Count(s) > 0).Concat(others).Select(s => new HealthCount(s, Count(s))).ToArray();
        return new SignalTally(signal, counts);
    }
}
