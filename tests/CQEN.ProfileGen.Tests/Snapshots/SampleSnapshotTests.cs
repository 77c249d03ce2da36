using System.Text;
using System.Text.Json;
using CQEN.ProfileGen.Badges;
using CQEN.ProfileGen.Licenses;
using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Tests.Snapshots;

/// <summary>
/// samples/cqen-qdce.snapshot.json is built from the CQEN-QDCE corpus (tests/…/Corpus) by the
/// tool's own badge parser and licence identifier, so the sample cannot drift from the code.
/// Set PROFILEGEN_UPDATE_SAMPLE=1 to rewrite it after a deliberate change.
/// </summary>
public class SampleSnapshotTests
{
    // The corpus was gathered in November 2026; the sample says so rather than pretending to be live.
    private static readonly DateTimeOffset CorpusDate = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static string Corpus => Path.Combine(AppContext.BaseDirectory, "Corpus");

    internal static OrgSnapshot BuildFromCorpus()
    {
        using var index = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Corpus, "index.json")));
        using var sources = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Corpus, "sources.json")));
        var repos = new List<RepoSnapshot>();
        foreach (var entry in index.RootElement.EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "repo"))
        {
            var fullName = entry.GetProperty("repository").GetString()!;
            var name = entry.GetProperty("name").GetString()!;
            var branch = entry.GetProperty("default_branch").GetString() ?? "main";
            var url = $"https://github.com/{fullName}";

            ReadmeHeader? readme = null;
            IReadOnlyList<ShieldsBadge> badges = [];
            if (entry.GetProperty("readme_path").GetString() is { } readmePath)
            {
                var text = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(Corpus, readmePath)));
                var pathInRepo = entry.GetProperty("readme_path_in_repo").GetString()!;
                (readme, badges) = ReadmeHeader.Read(pathInRepo, $"{url}/blob/{branch}/{pathInRepo}", text);
            }

            RepoLicense? license = null;
            var files = entry.GetProperty("licence_files").EnumerateArray().Select(f => f.GetString()!).ToArray();
            if (files.Length > 0)
            {
                // GitHub reports the root licence file it prefers; take the same preference order.
                var file = files.OrderBy(f => LicenseCatalog.Preference(Path.GetFileName(f))).ThenBy(f => f, StringComparer.Ordinal).First();
                var spdx = LicenseIdentifier.Identify(File.ReadAllBytes(Path.Combine(Corpus, file)));
                var fileName = Path.GetFileName(file);
                license = new RepoLicense
                {
                    SpdxId = spdx ?? "NOASSERTION",
                    Name = spdx is null ? null : LicenseCatalog.Name(spdx),
                    Key = "other",
                    Path = fileName,
                    Url = $"{url}/blob/{branch}/{fileName}",
                    Source = spdx is null ? "github" : "file-text",
                };
            }

            repos.Add(new RepoSnapshot
            {
                Name = name,
                FullName = fullName,
                Url = url,
                DefaultBranch = branch,
                Visibility = "public",
                License = license,
                Readme = readme,
                Badges = badges,
                RootFiles = RootFiles(sources, fullName),
            });
        }
        return new OrgSnapshot
        {
            ApiUrl = "https://api.github.com/",
            ReadAt = CorpusDate,
            Org = new OrgProfile
            {
                Login = "CQEN-QDCE",
                Name = "Centre québécois d'excellence numérique",
                Url = "https://github.com/CQEN-QDCE",
                PublicRepos = repos.Count,
            },
            Repos = repos.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Name, StringComparer.Ordinal).ToArray(),
        };
    }

    // The root as far as the corpus knows it: the READMEs and licence files it kept (folders end in "/").
    // That is every root licence file, so licence badge links can be checked against it.
    private static string[] RootFiles(JsonDocument sources, string fullName) =>
        sources.RootElement.EnumerateArray()
            .Where(s => s.GetProperty("repository").GetString() == fullName)
            .Select(s => s.GetProperty("path").GetString()!)
            .Select(p => p.Contains('/') ? p[..(p.IndexOf('/') + 1)] : p)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void The_bundled_sample_is_what_the_tool_reads_from_the_corpus()
    {
        var expected = SnapshotJson.Serialize(BuildFromCorpus());
        var samplePath = Path.Combine(AppContext.BaseDirectory, "samples", "cqen-qdce.snapshot.json");
        if (Environment.GetEnvironmentVariable("PROFILEGEN_UPDATE_SAMPLE") == "1")
        {
            var source = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../samples/cqen-qdce.snapshot.json"));
            File.WriteAllText(source, expected, new UTF8Encoding(false));
        }
        Assert.Equal(expected, File.ReadAllText(samplePath));
    }

    [Fact]
    public void A_snapshot_survives_a_round_trip_through_json_unchanged()
    {
        var snapshot = BuildFromCorpus();
        var json = SnapshotJson.Serialize(snapshot);
        Assert.Equal(json, SnapshotJson.Serialize(SnapshotJson.Deserialize(json, "sample")));
    }
}
