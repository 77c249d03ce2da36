using ApprovalTests;
using ApprovalTests.Reporters;
using ApprovalTests.Writers;
using CQEN.ProfileGen.Audit;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Snapshots;
using CQEN.ProfileGen.Tests.Cli;

namespace CQEN.ProfileGen.Tests.Audit;

/// <summary>
/// The audit of the real CQEN-QDCE data (the bundled sample, built from the corpus) with the
/// organization's own configuration: every finding, by rule and repository, approved as Markdown.
/// </summary>
[UseReporter(typeof(QuietReporter))]
public class CorpusAuditTests
{
    private static AuditReport Audit() => OrgAudit.Run(
        SnapshotJson.Deserialize(File.ReadAllBytes(CliHarness.Sample("cqen-qdce.snapshot.json")), "sample"),
        ConfigLoader.Load(CliHarness.Sample("cqen-qdce.profilegen.yml")));

    private static string[] Repos(AuditReport report, string rule) =>
        report.Findings.Where(f => f.Rule == rule).Select(f => f.Repo).ToArray();

    [Fact]
    public void The_findings_on_CQEN_QDCE() => Approvals.Verify(new ApprovalTextWriter(Audit().ToMarkdown("Audit de l'organisation : CQEN-QDCE"), "md"));

    [Fact]
    public void Five_licence_badges_contradict_their_licence_file() =>
        Assert.Equal(["aws-sso-scim-goclient", "exp-anig", "exp-schemamultiple", "exp-vc-authn-oidc", "exp-VitrineMCN"], Repos(Audit(), "license-badge-mismatch"));

    [Fact]
    public void Ten_licence_badges_have_no_licence_file() =>
        Assert.Equal(
            ["ceai-cqen-icp", "exp-aries-oca", "exp-attestation-emploie-acces", "oca-react-native", "ocp-letsencrypt-job",
             "plateforme-accueil-centre-innovation", "raccourci", "SonarQube", "ssi-studio", "wiki-innovation"],
            Repos(Audit(), "license-badge-without-file"));

    [Fact]
    public void The_lone_closing_marker_is_oca_browser_s()
    {
        var f = Assert.Single(Audit().Findings, f => f.Rule == "header-markers");
        Assert.Equal(("oca-browser", "README.md", 11), (f.Repo, f.Path, f.Line));
    }

    [Fact]
    public void The_profile_repository_links_its_licence_badge_to_a_LICENCE_md_that_does_not_exist()
    {
        var broken = Audit().Findings.Where(f => f.Rule == "badge-link-broken").ToDictionary(f => f.Repo);
        Assert.Equal("LICENSE", broken[".github"].Suggestion);
        Assert.Contains("pointe vers 'LICENCE.md', qui n'existe pas dans le dépôt", broken[".github"].Message);
        // The same dead link, copied into four repositories' headers.
        Assert.All(new[] { "ceai-cqen-github-actions-demo", "exp-attestation-emploie-acces", "exp-VitrineMCN", "pandoc-themes-cqen" },
            name => Assert.Contains("'LICENCE.md', qui n'existe pas dans CQEN-QDCE/.github", broken[name].Message));
        // "[Licence](/LICENSE)" pasted as a link destination.
        Assert.Equal("LICENCE", broken["pvc-preuve-vaccinale-frontend"].Suggestion);
        Assert.Equal("LICENSE", broken["ceai-cqen-terraform-lib"].Suggestion);
        Assert.Equal(7, broken.Count);
    }

    [Fact]
    public void Lifecycle_spellings_are_folded_and_reported()
    {
        var variants = Audit().Findings.Where(f => f.Rule == "lifecycle-variant").ToArray();
        Assert.Equal(35, variants.Length); // every lifecycle badge but exp-VitrineMCN's "Cycle de vie / Expérimentation"
        Assert.Equal(24, variants.Count(f => f.Message.Contains("'Cycle de Vie'", StringComparison.Ordinal)));
        Assert.Equal(11, variants.Count(f => f.Message.Contains("'Lifecycle'", StringComparison.Ordinal)));
        Assert.Equal(8, variants.Count(f => f.Message.Contains("'Phase découverte'", StringComparison.Ordinal)));
        Assert.Equal(8, variants.Count(f => f.Message.Contains("'Experimental'", StringComparison.Ordinal)));
        Assert.Empty(Repos(Audit(), "lifecycle-unknown"));
    }

    [Fact]
    public void Without_the_bc_gov_values_their_badges_are_unknown_and_the_nearest_value_suggested()
    {
        var config = ConfigLoader.Load(CliHarness.Sample("cqen-qdce.profilegen.yml"));
        config = config with { Lifecycle = config.Lifecycle with { Values = ["Phase Bêta", "Phase Découverte", "Expérimentation"] } };
        var report = OrgAudit.Run(SnapshotJson.Deserialize(File.ReadAllBytes(CliHarness.Sample("cqen-qdce.snapshot.json")), "sample"), config);
        var unknown = report.Findings.Where(f => f.Rule == "lifecycle-unknown").ToDictionary(f => f.Repo);
        Assert.Equal(["bc-wallet-mobile", "indy-email-verification", "vc-authn-oidc"], unknown.Keys);
        Assert.All(unknown.Values, f => Assert.Equal("Phase Bêta", f.Suggestion));
        Assert.Contains("indique 'Maturing', qui n'est pas dans lifecycle.values : écrivez la valeur connue la plus proche, 'Phase Bêta'", unknown["vc-authn-oidc"].Message);
    }

    [Fact]
    public void A_schema_1_snapshot_from_before_the_audit_still_reads_and_is_audited_with_what_it_has()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllBytes(CliHarness.Sample("cqen-qdce.snapshot.json")))!;
        foreach (var repo in json["repos"]!.AsArray())
        {
            repo!.AsObject().Remove("root_files");
            if (repo["readme"] is System.Text.Json.Nodes.JsonObject readme)
            {
                readme.Remove("entete_begin_line");
                readme.Remove("entete_end_line");
                readme.Remove("summary");
            }
        }
        var old = SnapshotJson.Deserialize(json.ToJsonString(), "old.json");
        var report = OrgAudit.Run(old, ConfigLoader.Load(CliHarness.Sample("cqen-qdce.profilegen.yml")));
        Assert.Equal(5, report.Findings.Count(f => f.Rule == "license-badge-mismatch"));
        Assert.Equal(10, report.Findings.Count(f => f.Rule == "license-badge-without-file"));
        // Without root names and marker lines, those rules say nothing rather than guess.
        Assert.DoesNotContain(report.Findings, f => f.Rule is "header-markers");
        Assert.Equal(2, report.Findings.Count(f => f.Rule == "badge-link-broken")); // the two "[Licence](/LICENSE)" links need no listing
    }

    [Fact]
    public void Counts_by_rule()
    {
        var report = Audit();
        var counts = AuditRule.All.ToDictionary(r => r.Id, r => report.Findings.Count(f => f.Rule == r.Id));
        Assert.Equal(new Dictionary<string, int>
        {
            ["license-badge-mismatch"] = 5,
            ["license-badge-without-file"] = 10,
            ["header-markers"] = 1,
            ["license-missing"] = 8,
            ["license-unidentified"] = 0,
            ["badge-link-broken"] = 7,
            ["featured-unknown"] = 0,
            ["lifecycle-missing"] = 17,
            ["lifecycle-unknown"] = 0,
            ["lifecycle-variant"] = 35,
            ["description-missing"] = 53,
            ["readme-unreadable"] = 0,
            // The sample snapshot predates health: no health finding.
            ["security-policy-missing"] = 0,
            ["ci-failing"] = 0,
            ["code-of-conduct-missing"] = 0,
            ["contributing-missing"] = 0,
            ["stale"] = 0,
            ["no-release"] = 0,
            ["catalogue-license-conflict"] = 0,
            ["catalogue-lifecycle-conflict"] = 0,
            ["catalogue-maintenance-none"] = 0,
            ["catalogue-file-malformed"] = 0,
            ["catalogue-summary-one-language"] = 0,
        }, counts);
        Assert.Equal(53, report.RepositoriesAudited);
    }
}
