using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Rendering;

namespace CQEN.ProfileGen.Rendering.Cards;

/// <summary>A value and how many repositories have it.</summary>
internal sealed record Tally(string Label, int Count);

/// <summary>A calendar month and how many repositories were last pushed in it.</summary>
internal sealed record MonthTally(int Year, int Month, int Count);

/// <summary>
/// The numbers the cards draw, counted once. The repositories are those the filters keep, with
/// archived ones let in so they can be counted as retired; every other figure is about the
/// active (not archived) ones, as an archived repository's lifecycle badge or language says
/// nothing about the organization today.
/// </summary>
internal sealed record OrgFigures
{
    /// <summary>Rows a chart draws; beyond it the smallest values are summed into one row.</summary>
    public const int MaxRows = 8;

    public required int Repositories { get; init; }
    public required int Active { get; init; }
    public required int Archived { get; init; }
    public required IReadOnlyList<Tally> Lifecycles { get; init; }
    public required int NoLifecycle { get; init; }
    public required IReadOnlyList<Tally> Languages { get; init; }
    public required int NoLanguage { get; init; }
    public required IReadOnlyList<Tally> Licenses { get; init; }
    public required int NoLicense { get; init; }

    /// <summary>The twelve months ending with the month of <see cref="AsOf"/>, oldest first.</summary>
    public required IReadOnlyList<MonthTally> Months { get; init; }

    /// <summary>Active repositories last pushed before the first of <see cref="Months"/>.</summary>
    public required int PushedEarlier { get; init; }

    /// <summary>Active repositories with no push date at all.</summary>
    public required int NoPushDate { get; init; }
    public required DateTimeOffset AsOf { get; init; }

    /// <param name="all">Every repository of the snapshot, as the template model has them.</param>
    /// <param name="asOf">The moment the numbers describe (the snapshot's reading time): it places the twelve months.</param>
    public static OrgFigures Of(IEnumerable<RepoModel> all, ProfileGenConfig config, DateTimeOffset asOf)
    {
        var filters = config.Filters with { IncludeArchived = true };
        var kept = all.Where(r => RepoSelection.Keep(r, filters)).ToArray();
        var active = kept.Where(r => !r.Archived).ToArray();
        var lifecycleOrder = config.Grouping.By == GroupBy.Lifecycle ? config.Grouping.Order : [];
        var (months, earlier, never) = Pushes(active, asOf);
        return new OrgFigures
        {
            Repositories = kept.Length,
            Active = active.Length,
            Archived = kept.Length - active.Length,
            Lifecycles = Count(active.Select(r => r.Lifecycle?.Message), lifecycleOrder, config.Lifecycle.Rank),
            NoLifecycle = active.Count(r => Blank(r.Lifecycle?.Message)),
            Languages = Count(active.Select(r => r.Language), [], _ => 0),
            NoLanguage = active.Count(r => Blank(r.Language)),
            Licenses = Count(active.Select(r => r.License?.ShortName), [], _ => 0),
            NoLicense = active.Count(r => Blank(r.License?.ShortName)),
            Months = months,
            PushedEarlier = earlier,
            NoPushDate = never,
            AsOf = asOf,
        };
    }

    /// <summary>
    /// Values counted, case variants as one (named by their most frequent spelling), in the
    /// configured order first, then by <paramref name="stage"/> (lifecycles: the order of a
    /// repository's life, as the page's groups), then most frequent first, names breaking ties:
    /// stable output.
    /// </summary>
    private static Tally[] Count(IEnumerable<string?> values, IReadOnlyList<string> order, Func<string, int> stage)
    {
        int Rank(string label)
        {
            for (var i = 0; i < order.Count; i++)
            {
                if (string.Equals(order[i], label, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }
            return order.Count;
        }
        return values.Where(v => !Blank(v)).Select(v => v!.Trim())
            .GroupBy(v => v, StringComparer.OrdinalIgnoreCase) // no upper-case copy of each value (three per repository)
            .Select(g => new Tally(
                g.GroupBy(v => v, StringComparer.Ordinal).OrderByDescending(s => s.Count()).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key,
                g.Count()))
            .OrderBy(t => Rank(t.Label))
            .ThenBy(t => stage(t.Label))
            .ThenByDescending(t => t.Count)
            .ThenBy(t => t.Label, StringComparer.OrdinalIgnoreCase)
            .ThenBy(t => t.Label, StringComparer.Ordinal)
            .ToArray();
    }

    private static (MonthTally[] Months, int Earlier, int Never) Pushes(IReadOnlyList<RepoModel> active, DateTimeOffset asOf)
    {
        var end = asOf.UtcDateTime;
        var first = new DateTime(end.Year, end.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(-11);
        var counts = new int[12];
        int earlier = 0, never = 0;
        foreach (var repo in active)
        {
            if (repo.PushedAt is not { } pushed)
            {
                never++;
                continue;
            }
            var p = pushed.UtcDateTime;
            var index = (p.Year - first.Year) * 12 + p.Month - first.Month;
            if (index < 0)
            {
                earlier++;
            }
            else
            {
                // A push stamped after the reading (a clock ahead of GitHub's) belongs to the last month.
                counts[Math.Min(index, 11)]++;
            }
        }
        return (counts.Select((n, i) => new MonthTally(first.AddMonths(i).Year, first.AddMonths(i).Month, n)).ToArray(), earlier, never);
    }

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);
}
