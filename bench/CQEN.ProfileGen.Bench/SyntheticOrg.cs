using CQEN.ProfileGen.Badges;
using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Bench;

/// <summary>A deterministic organization of N repositories shaped like CQEN-QDCE's (badges, LiLiQ licences, topics).</summary>
internal static class SyntheticOrg
{
    private static readonly string[] Lifecycles = ["Phase Découverte", "Phase découverte", "Phase Bêta", "Expérimentation", "Dormant"];
    private static readonly string[] Licenses = ["LiLiQ-P-1.1", "LiLiQ-R-1.1", "Apache-2.0", "MIT", "NOASSERTION"];
    private static readonly string[] Languages = ["C#", "TypeScript", "Python", "Go", "HCL", "Shell"];

    public static OrgSnapshot Snapshot(int count, int seed = 42)
    {
        var random = new Random(seed);
        var repos = Enumerable.Range(0, count).Select(i =>
        {
            var name = $"repo-{i:00000}";
            var lifecycle = Lifecycles[random.Next(Lifecycles.Length)];
            var license = Licenses[random.Next(Licenses.Length)];
            return new RepoSnapshot
            {
                Name = name,
                FullName = "bench-org/" + name,
                Description = $"Dépôt n° {i} — expérimentation <numérique> | {Languages[i % Languages.Length]}",
                Url = "https://github.com/bench-org/" + name,
                Language = random.Next(5) == 0 ? null : Languages[random.Next(Languages.Length)],
                Topics = ["quebec", "cqen", $"t{i % 17}"],
                Stars = random.Next(100),
                Archived = random.Next(20) == 0,
                Fork = random.Next(25) == 0,
                PushedAt = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(3_000_000)),
                License = new RepoLicense { SpdxId = license, Path = "LICENSE", Url = $"https://github.com/bench-org/{name}/blob/main/LICENSE" },
                Badges = [new ShieldsBadge { ImageUrl = "https://img.shields.io/badge/x", Label = "Cycle de vie", Message = lifecycle, Color = "339999", Line = 2 }],
            };
        }).ToArray();
        return new OrgSnapshot
        {
            Org = new OrgProfile { Login = "bench-org", Url = "https://github.com/bench-org" },
            Repos = repos,
        };
    }
}
