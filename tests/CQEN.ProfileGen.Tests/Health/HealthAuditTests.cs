using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Tests.Health;

/// <summary>The health rules of the audit, on plain snapshots.</summary>
public sealed class HealthAuditTests
{
    /// <summary>When the test snapshots were read.</summary>
    internal static readonly DateTimeOffset ReadAt = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A public and a private repository with every health rule's finding (from <paramref name="template"/>).</summary>
    internal static RepoSnapshot[] EveryHealthCase(RepoSnapshot template)
    {
        var sick = new RepoHealthRead
        {
            SecurityPolicy = new CommunityFileRead(false),
            CodeOfConduct = new CommunityFileRead(false),
            Contributing = new CommunityFileRead(false),
            Ci = "failure",
            ReleaseRead = true,
            Disabled = false,
        };
        return
        [
            template with { Health = sick, PushedAt = ReadAt.AddDays(-400), DefaultBranch = "main", RootFiles = ["README.md"] },
            template with { Name = template.Name + "-prive", FullName = template.FullName + "-prive", Url = template.Url + "-prive", Visibility = "private", Health = sick, PushedAt = ReadAt, RootFiles = ["README.md"] },
        ];
    }
}
