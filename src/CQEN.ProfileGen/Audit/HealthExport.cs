using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Health;
using CQEN.ProfileGen.Rendering;
using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Audit;

/// <summary>
/// What <c>audit --json</c> gives other tools of each repository read (the profile's own aside):
/// its facts (as the facts file records them) and its health, every value a stable word
/// (own, inherited, missing, unknown; passing, failing…), never the profile's language.
/// </summary>
internal sealed record RepositoryExport(
    string Name, string Url, bool Listed, bool Archived, string Visibility, string? Language, string? License, string? Lifecycle,
    DateTimeOffset? PushedAt, HealthExport? Health);

internal sealed record HealthExport(
    FileExport SecurityPolicy, FileExport CodeOfConduct, FileExport Contributing, string Ci, ReleaseExport Release, ActivityExport Activity, bool Disabled);

internal sealed record FileExport(string Source, string? Url);

internal sealed record ReleaseExport(string State, string? Tag, DateTimeOffset? PublishedAt);

internal sealed record ActivityExport(string State, int? DaysSincePush);

internal static class RepositoryExports
{
    public static IReadOnlyList<RepositoryExport> Of(OrgSnapshot snapshot, ProfileGenConfig config, IReadOnlySet<string> listed) =>
        snapshot.Repos
            .Where(r => !TemplateModelBuilder.ProfileRepoNames.Contains(r.Name, StringComparer.OrdinalIgnoreCase))
            .Select(r => TemplateModelBuilder.Repo(r, snapshot, config))
            .Select(m => new RepositoryExport(m.Name, m.Url, listed.Contains(m.Name), m.Archived, m.Visibility, m.Language, m.License?.SpdxId, m.Lifecycle?.Message, m.PushedAt,
                m.Health is not { } h ? null : new HealthExport(
                    new FileExport(h.SecurityPolicy.State, h.SecurityPolicy.Url),
                    new FileExport(h.CodeOfConduct.State, h.CodeOfConduct.Url),
                    new FileExport(h.Contributing.State, h.Contributing.Url),
                    h.Ci.State,
                    new ReleaseExport(h.Release.State, h.ReleaseTag, h.ReleasedAt),
                    new ActivityExport(h.Activity.State, h.DaysSincePush),
                    h.Disabled)))
            .ToArray();
}
