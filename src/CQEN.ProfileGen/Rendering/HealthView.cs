using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Health;
using CQEN.ProfileGen.Rendering;

namespace CQEN.ProfileGen.Rendering;

/// <summary>
/// <c>health</c> in templates: whether the default templates show the view (<c>shown</c>), the
/// listed repositories that have health (<c>repos</c>, by name), and the counts its summary line
/// gives, so an organization of 200 repositories reads its state in one line before the matrix.
/// </summary>
internal sealed record HealthView
{
    public static HealthView None { get; } = new();

    /// <summary>health.enabled, and at least one listed repository has health (a snapshot from before health has none).</summary>
    public bool Shown { get; init; }

    public IReadOnlyList<RepoModel> Repos { get; init; } = [];

    public int SecurityPolicyMissing { get; init; }
    public int CodeOfConductMissing { get; init; }
    public int ContributingMissing { get; init; }
    public int CiFailing { get; init; }
    public int Stale { get; init; }
    public int Slowing { get; init; }

    /// <summary>Rows the matrix shows at most: readable at 200 repositories, and a README of thousands stays within its budget.</summary>
    public const int MaxRows = 200;

    /// <summary>Repositories with health the matrix leaves out (over <see cref="MaxRows"/>: those with the fewest problems).</summary>
    public int More { get; init; }

    /// <summary>Every listed repository with health (the counts are over all of them).</summary>
    public int Total { get; init; }

    public static HealthView Of(IReadOnlyList<RepoModel> listed, ProfileGenConfig config)
    {
        var all = listed.Where(r => r.Health is not null).ToArray();
        // Over the cap, the repositories with the most to fix are kept; the matrix reads by name.
        var repos = all.OrderByDescending(r => Problems(r.Health!)).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Take(MaxRows)
            .OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Name, StringComparer.Ordinal).ToArray();
        int Count(Func<RepoHealthModel, bool> test) => all.Count(r => test(r.Health!));
        return new HealthView
        {
            Shown = config.Health.Enabled && repos.Length > 0,
            Repos = repos,
            Total = all.Length,
            More = all.Length - repos.Length,
            SecurityPolicyMissing = Count(h => h.SecurityPolicy.State == CommunityInheritance.Missing),
            CodeOfConductMissing = Count(h => h.CodeOfConduct.State == CommunityInheritance.Missing),
            ContributingMissing = Count(h => h.Contributing.State == CommunityInheritance.Missing),
            CiFailing = Count(h => h.Ci.State == RepoHealth.Failing),
            Stale = Count(h => h.Activity.State == RepoHealth.Stale),
            Slowing = Count(h => h.Activity.State == RepoHealth.Slowing),
        };
    }

    private static int Problems(RepoHealthModel h) =>
        (h.Ci.State == RepoHealth.Failing ? 4 : 0) + (h.SecurityPolicy.State == CommunityInheritance.Missing ? 2 : 0)
        + (h.Activity.State == RepoHealth.Stale ? 2 : 0) + (h.CodeOfConduct.State == CommunityInheritance.Missing ? 1 : 0)
        + (h.Contributing.State == CommunityInheritance.Missing ? 1 : 0);
}
