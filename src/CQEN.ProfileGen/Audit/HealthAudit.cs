using CQEN.ProfileGen.Audit;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Health;
using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Audit;

/// <summary>
/// The health rules of the audit: a community file missing (inherited files honoured: a public
/// repository with the organization's default has one), a failing default branch, a stale
/// repository, no release. Nothing is said of what could not be read ("unknown"), nor of the
/// profile repositories themselves. Pure: the time is the snapshot's reading.
/// </summary>
internal static class HealthAudit
{
    public static readonly AuditRule SecurityPolicyMissing = new("security-policy-missing", AuditRule.Warning);
    public static readonly AuditRule CodeOfConductMissing = new("code-of-conduct-missing", AuditRule.Notice);
    public static readonly AuditRule ContributingMissing = new("contributing-missing", AuditRule.Notice);
    public static readonly AuditRule CiFailing = new("ci-failing", AuditRule.Warning);
    public static readonly AuditRule Stale = new("stale", AuditRule.Notice);
    public static readonly AuditRule NoRelease = new("no-release", AuditRule.Notice);

    public static IEnumerable<AuditFinding> Check(RepoSnapshot repo, OrgSnapshot snapshot, ProfileGenConfig config, IReadOnlySet<CommunityFile>? defaults)
    {
        if (Rendering.TemplateModelBuilder.ProfileRepoNames.Contains(repo.Name, StringComparer.OrdinalIgnoreCase)
            || RepoHealth.Of(repo, snapshot, config, defaults) is not { } health)
        {
            yield break;
        }
        var words = HealthWording.For(config.Culture);
        var canInherit = repo.Visibility == "public";
        if (health.SecurityPolicy.State == CommunityInheritance.Missing)
        {
            yield return Finding(repo, SecurityPolicyMissing, words.FileMissing(CommunityFile.SecurityPolicy, canInherit), "SECURITY.md");
        }
        if (health.CodeOfConduct.State == CommunityInheritance.Missing)
        {
            yield return Finding(repo, CodeOfConductMissing, words.FileMissing(CommunityFile.CodeOfConduct, canInherit), "CODE_OF_CONDUCT.md");
        }
        if (health.Contributing.State == CommunityInheritance.Missing)
        {
            yield return Finding(repo, ContributingMissing, words.FileMissing(CommunityFile.Contributing, canInherit), "CONTRIBUTING.md");
        }
        if (repo.Archived)
        {
            yield break; // an archived repository is finished on purpose: its CI, age and releases are not to fix
        }
        if (health.Ci.State == RepoHealth.Failing)
        {
            var branch = repo.DefaultBranch ?? "main";
            yield return Finding(repo, CiFailing, words.CiFailing(branch), url: $"{repo.Url}/commits/{Uri.EscapeDataString(branch)}");
        }
        if (health.Activity.State == RepoHealth.Stale)
        {
            var date = Rendering.DateText.Format(repo.PushedAt!.Value, config.Culture, "long");
            yield return Finding(repo, Stale, words.Stale(health.DaysSincePush!.Value, date, config.Health.StaleDays));
        }
        if (health.Release.State == HealthValues.None)
        {
            yield return Finding(repo, NoRelease, words.NoRelease);
        }
    }

    private static AuditFinding Finding(RepoSnapshot repo, AuditRule rule, string message, string? suggestion = null, string? url = null) =>
        rule.On(repo.Name, message, suggestion: suggestion, url: url);
}
