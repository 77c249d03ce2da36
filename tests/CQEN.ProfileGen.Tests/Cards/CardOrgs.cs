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

    /// <summary>Every card file of both organizations in both cultures, named for test output.</summary>
    public static IEnumerable<(string Name, CardModel Card, string Variant, byte[] Svg)> AllFiles()
    {
        foreach (var culture in new[] { ProfileCulture.French, ProfileCulture.English })
        {
            foreach (var (org, cards) in new[] { ("sample", SampleCards(culture)), ("busy", BusyModel(culture).Cards) })
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
