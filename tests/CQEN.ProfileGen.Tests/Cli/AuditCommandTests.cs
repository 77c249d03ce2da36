using System.Text.Json;

namespace CQEN.ProfileGen.Tests.Cli;

/// <summary>`profilegen audit` on the bundled CQEN-QDCE sample, as the README shows it: no token, no network.</summary>
public class AuditCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("profilegen-audit-").FullName;
    private readonly CliHarness _cli = new();

    public AuditCommandTests() => _cli.CurrentDirectory = _dir;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Task<CliResult> Audit(params string[] args) =>
        _cli.RunAsync(["audit", "--config", CliHarness.Sample("cqen-qdce.profilegen.yml"), "--snapshot", CliHarness.Sample("cqen-qdce.snapshot.json"), .. args]);

    [Fact]
    public async Task On_the_bundled_sample_it_lists_the_contradictions_grouped_by_rule()
    {
        var result = await Audit();
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.StartsWith("license-badge-mismatch (erreur, 5)\n", result.Out);
        Assert.Contains("\nlicense-badge-without-file (erreur, 10)\n", result.Out);
        Assert.Contains("\nheader-markers (erreur, 1)\n  oca-browser  README.md:11  ", result.Out);
        Assert.Matches(@"\n  exp-anig +README\.md:3 +Le badge de licence indique 'LiLiQ-P', mais LICENSE est LiLiQ-R-1\.1", result.Out);
        Assert.Matches(@"\n  \.github +README\.md:3 +Le badge de la ligne 3 pointe vers 'LICENCE\.md', qui n'existe pas dans le dépôt : faites-le plutôt pointer vers 'LICENSE'\.", result.Out);
        Assert.EndsWith("53 dépôts audités : 16 erreurs, 32 avertissements, 88 remarques.\n", result.Out);
    }

    [Fact]
    public async Task In_an_english_profile_the_table_and_its_counts_are_in_english()
    {
        var config = Path.Combine(_dir, "profilegen.yml");
        File.WriteAllText(config, File.ReadAllText(CliHarness.Sample("cqen-qdce.profilegen.yml")).Replace("culture: fr-CA", "culture: en", StringComparison.Ordinal));
        File.Copy(CliHarness.Sample("cqen-qdce.intro.md"), Path.Combine(_dir, "cqen-qdce.intro.md"));
        var result = await _cli.RunAsync("audit", "--config", config, "--snapshot", CliHarness.Sample("cqen-qdce.snapshot.json"));
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("license-badge-mismatch (error, 5)\n", result.Out);
        Assert.Matches(@"\n  \.github +README\.md:3 +The badge on line 3 links to 'LICENCE\.md', which does not exist in the repository: link it to 'LICENSE' instead\.", result.Out);
        Assert.EndsWith("53 repositories audited: 16 errors, 32 warnings, 88 notices.\n", result.Out);
    }

    [Fact]
    public async Task Json_is_one_document_with_findings_and_a_summary()
    {
        var result = await Audit("--json");
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().ToArray();
        Assert.Equal(136, findings.Length);
        var first = findings[0];
        Assert.Equal(("aws-sso-scim-goclient", "license-badge-mismatch", "error", "README.md", 3),
            (first.GetProperty("repo").GetString(), first.GetProperty("rule").GetString(), first.GetProperty("severity").GetString(), first.GetProperty("path").GetString(), first.GetProperty("line").GetInt32()));
        // Ids, severities and fields are keys; only the message is a sentence, in the profile's language.
        Assert.StartsWith("Le badge de licence indique 'LiLiQ-P'", first.GetProperty("message").GetString());
        var summary = doc.RootElement.GetProperty("summary");
        Assert.Equal((53, 16, 32, 88), (summary.GetProperty("repositories").GetInt32(), summary.GetProperty("error").GetInt32(), summary.GetProperty("warning").GetInt32(), summary.GetProperty("notice").GetInt32()));
        Assert.Equal(5, summary.GetProperty("by_rule").GetProperty("license-badge-mismatch").GetInt32());
    }

    [Theory]
    [InlineData("never", 0)]
    [InlineData("error", 3)]
    [InlineData("warning", 3)]
    public async Task Fail_on_sets_the_exit_code(string failOn, int exitCode)
    {
        var result = await Audit("--fail-on", failOn);
        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal(exitCode == 0 ? "" : $"profilegen: audit: 16 erreurs, 32 avertissements, 88 remarques (--fail-on {failOn})\n", result.Error);
    }

    [Fact]
    public async Task Fail_on_warning_passes_once_those_rules_are_turned_off()
    {
        var config = Path.Combine(_dir, "profilegen.yml");
        File.WriteAllText(config, "audit:\n  rules:\n" + string.Concat(
            new[] { "license-badge-mismatch", "license-badge-without-file", "header-markers", "license-missing", "badge-link-broken", "lifecycle-missing" }.Select(r => $"    {r}: notice\n")));
        var result = await _cli.RunAsync("audit", "--config", config, "--snapshot", CliHarness.Sample("cqen-qdce.snapshot.json"), "--fail-on", "warning");
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task A_wrong_fail_on_is_one_line_and_writes_nothing()
    {
        var output = Path.Combine(_dir, "audit.txt");
        var result = await Audit("--fail-on", "errors", "--output", output);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("profilegen: error: --fail-on: Argument 'errors' not recognized. Must be one of: 'error' 'warning' 'never'", Assert.Single(result.ErrorLines));
        Assert.Equal("", result.Out);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Output_writes_the_report_to_a_file()
    {
        var output = Path.Combine(_dir, "audit.json");
        var result = await Audit("--json", "--output", output);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal(136, JsonDocument.Parse(File.ReadAllText(output)).RootElement.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public async Task In_github_actions_every_finding_is_an_annotation_and_the_job_summary_gets_a_section()
    {
        var summary = Path.Combine(_dir, "summary.md");
        _cli.Variables["GITHUB_ACTIONS"] = "true";
        _cli.Variables["GITHUB_STEP_SUMMARY"] = summary;
        var result = await Audit();
        Assert.Equal(0, result.ExitCode);
        // Annotations only: the log groups of the run's phases are workflow commands too.
        var annotations = result.ErrorLines.Where(l => l.StartsWith("::", StringComparison.Ordinal) && !l.StartsWith("::group::", StringComparison.Ordinal) && l != "::endgroup::").ToArray();
        Assert.Equal(136, annotations.Length);
        Assert.Contains("::error title=license-badge-mismatch::exp-anig/README.md:3: Le badge de licence indique 'LiLiQ-P', mais LICENSE est LiLiQ-R-1.1 (identifiée d'après son texte) : remplacez le badge par 'LiLiQ-R', ou le fichier de licence par la licence que nomme le badge.", annotations);
        Assert.Contains("::warning title=license-missing::API-Strategy: Le dépôt est public, mais il n'a ni fichier de licence ni badge de licence : ajoutez un fichier LICENSE (et son badge) pour que chacun sache comment réutiliser le code.", annotations);
        Assert.Equal(88, annotations.Count(a => a.StartsWith("::notice title=", StringComparison.Ordinal)));
        var text = File.ReadAllText(summary);
        Assert.StartsWith("### Audit de l'organisation : CQEN-QDCE\n\n**53** dépôts audités : 16 erreurs, 32 avertissements, 88 remarques.\n", text);
        Assert.Contains("\n#### license-badge-mismatch (erreur, 5)\n", text);
    }

    [Fact]
    public async Task The_help_lists_the_verb_and_its_options()
    {
        var root = await _cli.RunAsync("--help");
        Assert.Contains("audit", root.Out);
        var help = await _cli.RunAsync("audit", "--help");
        Assert.Equal(0, help.ExitCode);
        foreach (var option in new[] { "--config", "--org", "--template", "--snapshot", "--api-url", "--reader", "--timeout", "--cache-dir", "--json", "--fail-on", "--output" })
        {
            Assert.Contains(option, help.Out);
        }
    }
}
