using CQEN.ProfileGen.Audit;
using CQEN.ProfileGen.Configuration;
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

    private static RepoSnapshot Plain(string name) => new()
    {
        Name = name,
        FullName = $"org/{name}",
        Url = $"https://github.com/org/{name}",
        Description = "Un dépôt.",
        RootFiles = ["README.md"],
    };

    private static AuditFinding[] Audit(ProfileCulture culture, params RepoSnapshot[] repos) =>
        [.. OrgAudit.Run(new OrgSnapshot { Org = new OrgProfile { Login = "org", Url = "https://github.com/org" }, Repos = repos, ReadAt = ReadAt },
            new ProfileGenConfig { Culture = culture, Filters = new RepoFilter { Visibility = ["public", "private"], IncludeArchived = true } }).Findings
            .Where(f => f.Rule is "security-policy-missing" or "code-of-conduct-missing" or "contributing-missing" or "ci-failing" or "stale" or "no-release")];

    [Fact]
    public void Every_health_finding_public_or_private_is_french_in_a_french_profile_and_english_in_an_english_one()
    {
        var repos = EveryHealthCase(Plain("sante"));

        var french = Audit(ProfileCulture.French, repos);
        var english = Audit(ProfileCulture.English, repos);

        Assert.Equal(11, french.Length); // 6 for the public one, 5 for the private one (its last push is recent)
        Assert.All(french, f => Assert.True(EnglishSentences.In(f.Message, ["sante", "sante-prive"]).Length == 0, $"{f.Rule}: {f.Message}"));
        Assert.All(english, f => Assert.NotEmpty(EnglishSentences.In(f.Message)));
        Assert.Contains(french, f => f.Repo == "sante-prive" && f.Message.Contains("un dépôt privé n'hérite pas", StringComparison.Ordinal));
        Assert.Equal(french.Select(f => (f.Repo, f.Rule, f.Severity)), english.Select(f => (f.Repo, f.Rule, f.Severity)));
    }

    [Fact]
    public void An_archived_repository_is_told_only_of_its_missing_files_and_the_profile_repositories_of_nothing()
    {
        var archived = EveryHealthCase(Plain("ancien"))[0] with { Archived = true };
        var profile = EveryHealthCase(Plain(".github"))[0];

        var findings = Audit(ProfileCulture.French, archived, profile);

        Assert.Equal(["code-of-conduct-missing", "contributing-missing", "security-policy-missing"], findings.Select(f => f.Rule).Order(StringComparer.Ordinal));
        Assert.All(findings, f => Assert.Equal("ancien", f.Repo));
    }

    [Fact]
    public void What_could_not_be_read_is_never_a_finding()
    {
        var unread = Plain("inconnu") with { Health = RepoHealthRead.NotRead, RootFiles = null, PushedAt = ReadAt };

        Assert.Empty(Audit(ProfileCulture.French, unread));
    }
}
