using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Rendering;
using CQEN.ProfileGen.Rendering.Cards;
using CQEN.ProfileGen.Snapshots;
using CQEN.ProfileGen.Tests.Cli;

namespace CQEN.ProfileGen.Tests.Cards;

/// <summary>The organizations the card tests draw: the bundled sample, and a busy one with hostile and overlong values.</summary>
internal static class CardOrgs
{
    public static readonly string[] HostileValues = ["<script>", "&amp;\"'", "]]><svg onload=alert(1)>", "<foreignObject>", "url(https://evil.example/x)"];

    public static OrgSnapshot Sample() =>
        SnapshotJson.Deserialize(File.ReadAllText(CliHarness.Sample("cqen-qdce.snapshot.json")), "sample");

    public static ProfileGenConfig SampleConfig() => ConfigLoader.Load(CliHarness.Sample("cqen-qdce.profilegen.yml"));

    public static CardSet SampleCards(ProfileCulture culture = ProfileCulture.French) =>
        TemplateModelBuilder.Build(Sample(), SampleConfig() with { Culture = culture }, new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)).Cards;

    /// <summary>
    /// 230 repositories: twelve languages (two of them hostile text, one overlong, one in CJK),
    /// lifecycles from topics (one hostile, one overlong), pushes spread over two years, a tenth archived.
    /// </summary>
    public static (OrgSnapshot Snapshot, ProfileGenConfig Config) Busy()
    {
        string[] languages =
        [
            "C#", "TypeScript", "Python", "Java", "Go", "Shell", "HCL", "Dockerfile",
            HostileValues[0], HostileValues[1], "Une langue au nom beaucoup trop long pour sa colonne, vraiment très long", "日本語のプログラミング言語",
        ];
        string[] lifecycles = ["Phase Bêta", "Phase Découverte", "Expérimentation", "<script>alert(1)</script>", HostileValues[2], "Cycle au nom démesurément long qui ne tiendrait jamais dans la colonne 🚀🚀"];
        var readAt = new DateTimeOffset(2026, 11, 20, 6, 0, 0, TimeSpan.Zero);
        var repos = Enumerable.Range(0, 230).Select(i => new RepoSnapshot
        {
            Name = $"depot-{i:000}",
            FullName = $"busy/depot-{i:000}",
            Url = $"https://github.com/busy/depot-{i:000}",
            Language = i % 17 == 0 ? null : i % 6 == 1 ? HostileValues[1] : languages[i * 7 % languages.Length],
            Topics = i % 5 == 0 ? [] : [$"cycle-{i % lifecycles.Length}"],
            Archived = i % 10 == 3,
            PushedAt = i % 23 == 0 ? null : readAt.AddDays(-(i * 3 % 700)),
            License = i % 4 == 0 ? null : new RepoLicense { SpdxId = i % 3 == 0 ? "MIT" : HostileValues[1] },
        }).ToArray();
        var snapshot = new OrgSnapshot
        {
            ReadAt = readAt,
            Org = new OrgProfile { Login = "busy", Url = "https://github.com/busy" },
            Repos = repos,
        };
        var config = new ProfileGenConfig
        {
            LifecycleRules = lifecycles.Select((l, i) => new LifecycleRule { Topic = $"cycle-{i}", Message = l }).ToArray(),
        };
        return (snapshot, config);
    }

    public static ProfileModel BusyModel(ProfileCulture culture = ProfileCulture.French)
    {
        var (snapshot, config) = Busy();
        return TemplateModelBuilder.Build(snapshot, config with { Culture = culture }, new DateTimeOffset(2031, 5, 5, 0, 0, 0, TimeSpan.Zero));
    }

    /// <summary>
    /// Eight repositories whose health is known by construction (the organization's public .github
    /// offers a code of conduct and a contributing guide, no security policy), one of each kind:
    /// <list type="bullet">
    /// <item>security policy: own 3 (tout-propre, lent, interdit), inherited 0, missing 4, unknown 1 (jamais-lu);</item>
    /// <item>code of conduct: own 1, inherited 7; contributing: own 2 (tout-propre, herite from docs/), inherited 6;</item>
    /// <item>CI: passing 2, failing 2 (herite, the hostile one), pending 1, none 1, unknown 2 (interdit, jamais-lu);</item>
    /// <item>release: released 3, none 4, unknown 1; activity: active 3, slowing 1, stale 1, exempt 1, archived 1, unknown 1.</item>
    /// </list>
    /// One repository is named and described with hostile text.
    /// </summary>
    public static (OrgSnapshot Snapshot, ProfileGenConfig Config) Health()
    {
        var readAt = new DateTimeOffset(2026, 11, 20, 6, 0, 0, TimeSpan.Zero);
        static CommunityFileRead Has(string? url = null) => new(true, url);
        var absent = new CommunityFileRead(false);
        RepoSnapshot Repo(string name, string ci, string? release, int? daysAgo, string[] root, CommunityFileRead security, CommunityFileRead? conduct = null, CommunityFileRead? contributing = null) => new()
        {
            Name = name,
            FullName = $"sante/{name}",
            Url = $"https://github.com/sante/{name}",
            PushedAt = daysAgo is { } d ? readAt.AddDays(-d) : null,
            RootFiles = ["README.md", .. root],
            Health = new RepoHealthRead
            {
                SecurityPolicy = security,
                CodeOfConduct = conduct ?? absent,
                Contributing = contributing ?? absent,
                Ci = ci,
                ReleaseRead = true,
                LatestRelease = release is null ? null : new ReleaseRead(release, readAt.AddDays(-40)),
            },
        };
        RepoSnapshot[] repos =
        [
            new() { Name = ".github", FullName = "sante/.github", Url = "https://github.com/sante/.github", PushedAt = readAt.AddDays(-2), RootFiles = ["README.md", "CODE_OF_CONDUCT.md", "CONTRIBUTING.md", "LICENSE"] },
            Repo("tout-propre", "success", "v1.0.0", 5, ["SECURITY.md", "CODE_OF_CONDUCT.md", "CONTRIBUTING.md"], Has(), Has(), Has()),
            Repo("herite", "failure", null, 400, [], absent, contributing: Has("https://github.com/sante/herite/blob/main/docs/CONTRIBUTING.md")),
            Repo("lent", "pending", "v0.1.0", 200, ["SECURITY.md"], Has()),
            Repo("sans-ci", "none", null, 10, [], absent),
            Repo("interdit", "unknown", null, 30, ["SECURITY.md"], Has()),
            Repo(HostileValues[0], "error", null, 900, [], absent) with { Description = HostileValues[2], Topics = ["stable"] },
            Repo("archive", "success", "v2.0.0", 3000, [], absent) with { Archived = true },
            Repo("jamais-lu", "unknown", null, null, [], absent) with { Health = RepoHealthRead.NotRead },
        ];
        var snapshot = new OrgSnapshot
        {
            ReadAt = readAt,
            Org = new OrgProfile { Login = "sante", Url = "https://github.com/sante" },
            Repos = repos,
        };
        var config = new ProfileGenConfig
        {
            Filters = new RepoFilter { IncludeArchived = true },
            Health = new HealthOptions { ExemptTopics = ["stable"] },
        };
        return (snapshot, config);
    }

    public static ProfileModel HealthModel(ProfileCulture culture = ProfileCulture.French)
    {
        var (snapshot, config) = Health();
        return TemplateModelBuilder.Build(snapshot, config with { Culture = culture }, new DateTimeOffset(2031, 5, 5, 0, 0, 0, TimeSpan.Zero));
    }

    /// <summary>Every card file of both organizations in both cultures, named for test output.</summary>
    public static IEnumerable<(string Name, CardModel Card, string Variant, byte[] Svg)> AllFiles()
    {
        foreach (var culture in new[] { ProfileCulture.French, ProfileCulture.English })
        {
            foreach (var (org, cards) in new[] { ("sample", SampleCards(culture)), ("busy", BusyModel(culture).Cards), ("health", HealthModel(culture).Cards) })
            {
                foreach (var card in cards.All)
                {
                    yield return ($"{org}-{culture.Word()}-{card.Name}-light", card, "light", card.LightSvg);
                    yield return ($"{org}-{culture.Word()}-{card.Name}-dark", card, "dark", card.DarkSvg);
                }
            }
        }
    }
}
