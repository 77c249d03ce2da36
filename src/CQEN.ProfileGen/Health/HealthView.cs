using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Rendering;

namespace CQEN.ProfileGen.Health;

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

    public static HealthView Of(IReadOnlyList<RepoModel> listed, ProfileGenConfig config)
    {
        var repos = listed.Where(r => r.Health is not null)
            .OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Name, StringComparer.Ordinal).ToArray();
        int Count(Func<RepoHealthModel, bool> test) => repos.Count(r => test(r.Health!));
        return new HealthView
        {
            Shown = config.Health.Enabled && repos.Length > 0,
            Repos = repos,
            SecurityPolicyMissing = Count(h => h.SecurityPolicy.State == CommunityInheritance.Missing),
            CodeOfConductMissing = Count(h => h.CodeOfConduct.State == CommunityInheritance.Missing),
            ContributingMissing = Count(h => h.Contributing.State == CommunityInheritance.Missing),
            CiFailing = Count(h => h.Ci.State == RepoHealth.Failing),
            Stale = Count(h => h.Activity.State == RepoHealth.Stale),
            Slowing = Count(h => h.Activity.State == RepoHealth.Slowing),
        };
    }
}
