using System.Text.Json;
using CQEN.ProfileGen.Snapshots;
using CQEN.ProfileGen.Tests.Cli;

namespace CQEN.ProfileGen.Tests.Catalogue;

/// <summary>`audit --json` shows each repository's reconciled facts with their sources and every contradiction; `export` writes what each catalogue accepts.</summary>
public class CatalogueCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("profilegen-catalogue-").FullName;
    private readonly CliHarness _cli = new();
    private readonly string _snapshot;
    private readonly string _config;

    public CatalogueCommandTests()
    {
        _cli.CurrentDirectory = _dir;
        _snapshot = Path.Combine(_dir, "org.snapshot.json");
        File.WriteAllText(_snapshot, SnapshotJson.Serialize(CatalogueOrg.Snapshot));
        _config = Path.Combine(_dir, "profilegen.yml");
        File.WriteAllText(_config, "org: qc-org\nculture: en\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<JsonElement> AuditJson(string config)
    {
        var result = await _cli.RunAsync("audit", "--config", config, "--snapshot", _snapshot, "--json");
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonDocument.Parse(result.Out).RootElement;
    }

    private static JsonElement Entry(JsonElement audit, string repo) =>
        audit.GetProperty("catalogue").EnumerateArray().Single(e => e.GetProperty("repo").GetString() == repo);

    private static string[] Findings(JsonElement audit, string rule) =>
        [.. audit.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("rule").GetString() == rule)
            .Select(f => $"{f.GetProperty("repo").GetString()} {f.GetProperty("path").GetString()}:{f.GetProperty("line")}")];

    [Fact]
    public async Task Audit_json_shows_each_lifecycle_licence_and_summary_with_its_source()
    {
        var audit = await AuditJson(_config);
        var contredit = Entry(audit, "contredit");
        Assert.Equal("publiccode", contredit.GetProperty("lifecycle").GetProperty("source").GetString());
        Assert.Equal("beta", contredit.GetProperty("lifecycle").GetProperty("written").GetString());
        Assert.Equal(4, contredit.GetProperty("lifecycle").GetProperty("line").GetInt32());
        Assert.Equal("licence-file", contredit.GetProperty("license").GetProperty("source").GetString());
        Assert.True(contredit.GetProperty("summary").GetProperty("en").GetProperty("fallback").GetBoolean());
        Assert.Equal("custom-property", Entry(audit, "proprietes").GetProperty("lifecycle").GetProperty("source").GetString());
        Assert.Equal("readme-badge", Entry(audit, "casse").GetProperty("lifecycle").GetProperty("source").GetString());
    }

    [Fact]
    public async Task A_configured_precedence_changes_the_source_audit_json_shows()
    {
        File.WriteAllText(_config, "org: qc-org\nculture: en\ncatalogue:\n  precedence: [readme-badge, publiccode, custom-property]\n");
        var audit = await AuditJson(_config);
        Assert.Equal("readme-badge", Entry(audit, "contredit").GetProperty("lifecycle").GetProperty("source").GetString());
        Assert.Equal("publiccode", Entry(audit, "proprietes").GetProperty("lifecycle").GetProperty("source").GetString());
    }

    [Fact]
    public async Task Every_contradiction_of_the_organization_is_a_finding_at_its_place()
    {
        var audit = await AuditJson(_config);
        Assert.Equal(["contredit README.md:2", "proprietes publiccode.yml:2"], Findings(audit, "catalogue-lifecycle-conflict"));
        Assert.Equal(["contredit publiccode.yml:9"], Findings(audit, "catalogue-license-conflict"));
        Assert.Equal(["abandonne publiccode.yml:11"], Findings(audit, "catalogue-maintenance-none"));
        Assert.Equal(["contredit publiccode.yml:6"], Findings(audit, "catalogue-summary-one-language"));
        Assert.Equal(["casse publiccode.yml:4", "types publiccode.yml:1", "types publiccode.yml:3"], Findings(audit, "catalogue-file-malformed"));
    }

    [Fact]
    public async Task An_organization_without_catalogue_sources_keeps_its_audit_json_as_before()
    {
        var result = await _cli.RunAsync("audit", "--config", CliHarness.Sample("cqen-qdce.profilegen.yml"), "--snapshot", CliHarness.Sample("cqen-qdce.snapshot.json"), "--json");
        Assert.False(JsonDocument.Parse(result.Out).RootElement.TryGetProperty("catalogue", out _));
    }

    [Fact]
    public async Task Every_french_catalogue_finding_is_in_french()
    {
        File.WriteAllText(_config, "org: qc-org\nculture: fr-CA\n");
        var audit = await AuditJson(_config);
        var messages = audit.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("rule").GetString()!.StartsWith("catalogue-", StringComparison.Ordinal))
            .Select(f => f.GetProperty("message").GetString()!).ToArray();
        Assert.Equal(8, messages.Length);
        Assert.All(messages, m => Assert.Empty(EnglishSentences.In(m, ["GitHub description of"])));
    }

    private async Task<string> Export(string format)
    {
        var output = Path.Combine(_dir, "out-" + format);
        var result = await _cli.RunAsync("export", "--format", format, "--config", _config, "--snapshot", _snapshot, "--output", output);
        Assert.True(result.ExitCode == 0, result.Error);
        return output;
    }

    [Fact]
    public async Task Every_publiccode_draft_of_the_organization_validates_against_schemastore_s_schema()
    {
        var output = await Export("publiccode");
        var files = Directory.GetFiles(output, "publiccode.yml", SearchOption.AllDirectories);
        Assert.Equal(6, files.Length);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.True(CatalogueSchemas.Publiccode(text).Length == 0, $"{file}:\n{string.Join("\n", CatalogueSchemas.Publiccode(text))}\n{text}");
        }
        var accord = File.ReadAllText(Path.Combine(output, "accord", "publiccode.yml"));
        Assert.Contains("publiccodeYmlVersion: \"0\"", accord);
        Assert.Contains("developmentStatus: stable", accord);
        Assert.Contains("shortDescription: Un outil qui met tout le monde d'accord.", accord);
        Assert.Contains("shortDescription: A tool everyone agrees on.", accord);
        var contredit = File.ReadAllText(Path.Combine(output, "contredit", "publiccode.yml"));
        Assert.Contains("developmentStatus: beta", contredit);
        Assert.Contains("license: MIT", contredit); // the licence file binds, not the file's GPL claim
        Assert.Contains("type: none", File.ReadAllText(Path.Combine(output, "abandonne", "publiccode.yml")));
    }

    [Fact]
    public async Task The_organization_s_code_json_validates_against_gov_codejson_2_0_0()
    {
        var text = File.ReadAllText(Path.Combine(await Export("code.json"), "code.json"));
        Assert.True(CatalogueSchemas.CodeJsonIndex(text).Length == 0, string.Join("\n", CatalogueSchemas.CodeJsonIndex(text)));
        var releases = JsonDocument.Parse(text).RootElement.GetProperty("releases");
        Assert.Equal(6, releases.GetArrayLength());
        var proprietes = releases.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "proprietes");
        Assert.Equal("Other", proprietes.GetProperty("permissions").GetProperty("licenses")[0].GetProperty("name").GetString()); // LiLiQ is not in code.json's list
        Assert.Equal("Beta", proprietes.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_ore_file_passes_ore_ero_s_yamale_schema_with_both_languages()
    {
        var text = File.ReadAllText(Path.Combine(await Export("ore"), "qc-org.yml"));
        Assert.Empty(CatalogueSchemas.OreYamale(text));
        Assert.Contains("schemaVersion: \"1.0\"", text);
        Assert.Contains("category: \"43232400\"", text);
        Assert.Contains("fr: Résumé tiré des propriétés.", text);
        Assert.Contains("en: Summary from the properties.", text);
    }

    [Fact]
    public void The_default_ore_category_is_one_of_ore_s_codes()
    {
        var categories = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Catalogue", "Schemas", "ore-categories.yml"));
        Assert.Contains($"\n'{ProfileGen.Catalogue.CatalogueExport.DefaultOreCategory}':\n  en: Development software\n", categories.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_json_schema_checks_refuse_what_the_schemas_refuse()
    {
        Assert.NotEmpty(CatalogueSchemas.Publiccode("publiccodeYmlVersion: \"0.7\"\nname: x\n"));
        Assert.NotEmpty(CatalogueSchemas.CodeJsonIndex("""{"version": "2.0.0", "agency": "a", "measurementType": {"method": "projects"}, "releases": [{"name": "x"}]}"""));
        Assert.NotEmpty(CatalogueSchemas.CodeJsonIndex("""{"version": "2.0.0", "agency": "a", "measurementType": {"method": "by-hand"}, "releases": []}"""));
    }

    [Fact]
    public void The_yamale_check_refuses_what_ore_s_ci_refuses()
    {
        const string valid = "schemaVersion: '1.0'\nadminCode: qc\nreleases:\n- contact: {email: a@b.c}\n  date: {created: '2020-01-01', metadataLastUpdated: '2020-01-02'}\n  description: {whatItDoes: {en: E, fr: F}}\n  category: '43232400'\n  name: {en: N, fr: N}\n  licences: [{URL: {en: u, fr: u}, spdxID: MIT}]\n  repositoryURL: {en: u, fr: u}\n  tags: {en: [], fr: []}\n";
        Assert.Equal([], CatalogueSchemas.OreYamale(valid));
        Assert.NotEmpty(CatalogueSchemas.OreYamale(valid.Replace("schemaVersion: '1.0'", "schemaVersion: 1.0", StringComparison.Ordinal)));
        Assert.NotEmpty(CatalogueSchemas.OreYamale(valid.Replace("{en: E, fr: F}", "{en: E}", StringComparison.Ordinal)));
        Assert.NotEmpty(CatalogueSchemas.OreYamale(valid.Replace("adminCode: qc", "adminCode: qc\nextra: x", StringComparison.Ordinal)));
        Assert.NotEmpty(CatalogueSchemas.OreYamale(valid + "  status: Active\n"));
    }

    [Fact]
    public async Task Bad_input_is_one_line_a_non_zero_exit_and_nothing_written()
    {
        var output = Path.Combine(_dir, "missing", "deeper");
        var result = await _cli.RunAsync("export", "--format", "ore", "--snapshot", _snapshot, "--output", output);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.False(Directory.Exists(Path.Combine(_dir, "missing")));

        var noEmail = Path.Combine(_dir, "no-email.json");
        File.WriteAllText(noEmail, SnapshotJson.Serialize(CatalogueOrg.Snapshot with { Org = CatalogueOrg.Snapshot.Org with { Email = null } }));
        var out2 = Path.Combine(_dir, "ore-out");
        result = await _cli.RunAsync("export", "--format", "ore", "--snapshot", noEmail, "--output", out2);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("contact.email", Assert.Single(result.ErrorLines));
        Assert.False(Directory.Exists(out2));

        result = await _cli.RunAsync("export", "--format", "csv", "--snapshot", _snapshot);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal("", result.Out);
    }
}
