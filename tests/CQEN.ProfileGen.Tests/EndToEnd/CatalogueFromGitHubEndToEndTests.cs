using System.Text.Json;
using System.Text.Json.Nodes;
using CQEN.ProfileGen.Snapshots;
using CQEN.ProfileGen.Tests.Catalogue;
using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>
/// Issue #27's whole path against the stand-in, nothing from a snapshot file: the catalogue test
/// organization (<see cref="CatalogueOrg"/>: publiccode.yml files valid, contradicting their badges,
/// malformed and wrongly typed, a catalog-info.yaml, custom properties, CQEN, r-lib and
/// repostatus.org badges) is put in GitHub as files, licences and properties, read from there,
/// and must give exactly what the same organization gives from its snapshot: each lifecycle and
/// licence by the configured precedence with its source, every contradiction a finding, both
/// languages published in one commit, exports that validate, and an unchanged week that writes nothing.
/// </summary>
public sealed class CatalogueFromGitHubEndToEndTests() : EndToEndTest(repos: 0, token: "ghs_test-catalogue-e2e00000000000000000001")
{
    private const string Branch = "profilegen/profile-readme";
    private const string French = "profile/README.md";
    private const string English = "profile/README.en.md";

    // A maintainer's token: custom properties are the organization's, which a workflow's GITHUB_TOKEN may not read.
    private const string MaintainerToken = "ghp_catalogueMaintainer000000000000000001";

    // The fixture, under the stand-in's organization login (the catalogue's words do not depend on it).
    private static OrgSnapshot Data => CatalogueOrg.Snapshot with { Org = CatalogueOrg.Snapshot.Org with { Login = Org, Url = $"https://github.com/{Org}" } };

    protected override void Arrange(GitHubState state)
    {
        state.AddOrg(Org, "Organisation québécoise").Email = Data.Org.Email;
        state.AddClassicToken(MaintainerToken, "maintainer", "repo", "read:org");
        var schema = state.Orgs[Org].CustomPropertySchema;
        foreach (var repo in Data.Repos)
        {
            state.AddRepo(Org, repo.Name, r =>
            {
                r.Description = repo.Description;
                r.Language = repo.Language;
                r.Topics.AddRange(repo.Topics);
                r.License = repo.License!.SpdxId switch
                {
                    "MIT" => ("mit", "MIT License", "MIT"),
                    "Apache-2.0" => ("apache-2.0", "Apache License 2.0", "Apache-2.0"),
                    _ => ("other", "Other", "NOASSERTION"), // GitHub does not know the LiLiQ: the file's text tells
                };
                var files = new Dictionary<string, string>
                {
                    ["LICENSE"] = repo.License.SpdxId switch { "LiLiQ-R-1.1" => StandInData.LiLiQRText, _ => StandInData.MitText },
                    ["README.md"] = repo.Readme is null ? $"# {repo.Name}\n\nUn projet de démonstration.\n" : ReadmeOf(repo.Name),
                };
                if (repo.Publiccode is { } publiccode)
                {
                    files["publiccode.yml"] = publiccode;
                }
                if (repo.CatalogInfo is { } catalogInfo)
                {
                    files["catalog-info.yaml"] = catalogInfo;
                }
                r.Commit("main", files, "Initial");
                foreach (var (name, values) in repo.CustomProperties ?? new Dictionary<string, IReadOnlyList<string>>())
                {
                    schema[name] = "string";
                    r.CustomProperties[name] = [.. values];
                }
            });
        }
        state.AddRepo(Org, ".github", r => r.Commit("main", new Dictionary<string, string> { ["README.md"] = "# .github\n" }, "Initial"));
        // Custom properties are read when profilegen.yml names them (each costs requests).
        File.WriteAllText(Path.Combine(Dir, "profilegen.yml"), "cultures: [fr-CA, en]\ncatalogue:\n  properties:\n    lifecycle: lifecycle\n    license: license\n    owner: owner\n    summary_fr: summary-fr\n    summary_en: summary-en\n");
    }

    // The README text the fixture's header was read from (its badges, between the ENTETE markers).
    private static string ReadmeOf(string name) => name switch
    {
        "accord" => Header("[![Lifecycle: stable](https://img.shields.io/badge/lifecycle-stable-brightgreen.svg)](https://lifecycle.r-lib.org/articles/stages.html#stable)"),
        "contredit" => Header("[![img](https://img.shields.io/badge/Cycle%20de%20Vie-Phase%20D%C3%A9couverte-339999)](https://www.quebec.ca/)"),
        "casse" => Header("[![Project Status: WIP](https://www.repostatus.org/badges/latest/wip.svg)](https://www.repostatus.org/#wip)"),
        _ => throw new ArgumentException($"no header for {name}", nameof(name)),
    };

    private static string Header(string badge) => $"<!-- ENTETE -->\n{badge}\n<!-- FIN ENTETE -->\n\n# Projet\n\nUn projet de démonstration.\n";

    private new Task<CliResult> Run(string verb, params string[] args)
    {
        Cli.Variables["GITHUB_TOKEN"] = MaintainerToken;
        return base.Run(verb, args);
    }

    private string SnapshotFile()
    {
        var path = Path.Combine(Dir, "catalogue.json");
        File.WriteAllText(path, SnapshotJson.Serialize(Data));
        return path;
    }

    // The fixture's repositories' entries (the live organization also lists its .github).
    private static string Catalogue(CliResult result) =>
        new JsonArray([.. JsonNode.Parse(result.Out)!["catalogue"]!.AsArray().Where(e => Data.Repos.Any(r => r.Name == (string?)e!["repo"]))
            .OrderBy(e => (string?)e!["repo"], StringComparer.Ordinal).Select(e => e!.DeepClone())]).ToJsonString();

    private static string[] Findings(CliResult result) =>
        [.. JsonNode.Parse(result.Out)!["findings"]!.AsArray().Select(f => $"{f!["repo"]} {f["rule"]} {f["path"]}:{f["line"]}").Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("graphql")]
    [InlineData("rest")]
    public async Task Read_from_github_the_catalogue_is_what_the_same_organization_s_snapshot_gives_every_source_and_every_contradiction(string reader)
    {
        var live = await Run("audit", "--reader", reader, "--json");
        var fromFile = await Run("audit", "--snapshot", SnapshotFile(), "--json");

        Assert.True(live.ExitCode is 0 or 1, live.Error);
        Assert.True(fromFile.ExitCode is 0 or 1, fromFile.Error);
        Assert.Equal(Catalogue(fromFile), Catalogue(live));
        var catalogue = JsonNode.Parse(Catalogue(live))!.AsArray().ToDictionary(e => (string)e!["repo"]!, e => e!);
        Assert.Equal("publiccode", (string?)catalogue["contredit"]["lifecycle"]!["source"]);
        Assert.Equal("custom-property", (string?)catalogue["proprietes"]["lifecycle"]!["source"]);
        Assert.Equal("readme-badge", (string?)catalogue["casse"]["lifecycle"]!["source"]); // its publiccode.yml is not YAML
        Assert.Equal("licence-file", (string?)catalogue["contredit"]["license"]!["source"]);
        // Every contradiction the snapshot's audit finds, read from GitHub too (the malformed file included).
        var catalogueFindings = Findings(fromFile).Where(f => f.Contains(" catalogue-", StringComparison.Ordinal)).ToArray();
        Assert.Contains(catalogueFindings, f => f.StartsWith("casse catalogue-file-malformed", StringComparison.Ordinal));
        Assert.Contains(catalogueFindings, f => f.StartsWith("contredit catalogue-lifecycle-conflict", StringComparison.Ordinal));
        Assert.Contains(catalogueFindings, f => f.StartsWith("contredit catalogue-license-conflict", StringComparison.Ordinal));
        Assert.Contains(catalogueFindings, f => f.StartsWith("abandonne catalogue-maintenance-none", StringComparison.Ordinal));
        Assert.Equal(catalogueFindings, Findings(live).Where(f => f.Contains(" catalogue-", StringComparison.Ordinal)).ToArray());
    }

    [Theory]
    [InlineData("graphql")]
    [InlineData("rest")]
    public async Task Read_from_github_both_languages_are_one_commit_each_summary_in_its_language_and_an_unchanged_week_writes_nothing(string reader)
    {
        var first = await Run("publish", "--reader", reader);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal(1, GitHub.Log.CommitsCreated);
        var french = Profile.TextAt(Branch, French)!;
        var english = Profile.TextAt(Branch, English)!;
        Assert.Contains("Un outil qui met tout le monde d'accord.", french, StringComparison.Ordinal);
        Assert.Contains("A tool everyone agrees on.", english, StringComparison.Ordinal);
        Assert.DoesNotContain("A tool everyone agrees on.", french, StringComparison.Ordinal);
        Assert.Contains("Summary from the properties.", english, StringComparison.Ordinal);
        Assert.Contains("Résumé tiré des propriétés.", french, StringComparison.Ordinal);
        Assert.Contains("GitHub description of contredit. *(fr)*", english, StringComparison.Ordinal);

        GitHub.Log.Clear();
        var rerun = await Run("publish", "--reader", reader);

        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Empty(GitHub.Log.Writes);
    }

    [Fact]
    public async Task Read_from_github_the_three_exports_validate_against_their_schemas()
    {
        var publiccode = Path.Combine(Dir, "publiccode");
        var codeJson = Path.Combine(Dir, "code-json");
        var ore = Path.Combine(Dir, "ore");

        foreach (var (format, output) in new[] { ("publiccode", publiccode), ("code.json", codeJson), ("ore", ore) })
        {
            var result = await Run("export", "--format", format, "--output", output);
            Assert.True(result.ExitCode == 0, $"{format}: {result.Error}");
        }

        var drafts = Directory.GetFiles(publiccode, "publiccode.yml", SearchOption.AllDirectories);
        Assert.Equal(Data.Repos.Count, drafts.Length);
        foreach (var draft in drafts)
        {
            Assert.Empty(CatalogueSchemas.Publiccode(File.ReadAllText(draft)));
        }
        Assert.Empty(CatalogueSchemas.CodeJsonIndex(File.ReadAllText(Path.Combine(codeJson, "code.json"))));
        foreach (var file in Directory.GetFiles(ore, "*.y*ml", SearchOption.AllDirectories))
        {
            Assert.Empty(CatalogueSchemas.OreYamale(File.ReadAllText(file)));
        }
    }
}
