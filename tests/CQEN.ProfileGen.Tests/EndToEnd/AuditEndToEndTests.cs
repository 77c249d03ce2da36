using System.Text.Json;
using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>`profilegen audit` and the audit section of `publish`, against the stand-in GitHub.</summary>
public sealed class AuditEndToEndTests() : EndToEndTest(repos: 5, token: "ghs_test-auditToken0000000000-0000000000000001")
{
    protected override void Arrange(GitHubState state)
    {
        // The CQEN-QDCE contradictions, in a small organization.
        state.Repo("org", ".github").Commit("main", new Dictionary<string, string>
        {
            ["README.md"] = "<!-- ENTETE -->\n[![License](https://img.shields.io/badge/Licence-LiLiQ--P-blue)](https://github.com/org/.github/blob/main/LICENCE.md)\n<!-- FIN ENTETE -->\n\n# .github\n",
        });
        state.AddRepo("org", "exp-anig", r =>
        {
            r.Description = "Attestations";
            r.License = ("other", "Other", "NOASSERTION");
            r.Commit("main", new Dictionary<string, string>
            {
                ["README.md"] = "<!-- ENTETE -->\n[![img](https://img.shields.io/badge/Cycle%20de%20Vie-Phase%20d%C3%A9couverte-339999)](https://www.quebec.ca/)\n[![License](https://img.shields.io/badge/License-LiLiQ--P-blue)](LICENSE)\n<!-- FIN ENTETE -->\n",
                ["LICENSE"] = StandInData.LiLiQRText,
            });
        });
        state.AddRepo("org", "oca-browser", r =>
        {
            r.Description = "OCA";
            r.License = ("mit", "MIT License", "MIT");
            r.Commit("main", new Dictionary<string, string>
            {
                ["README.md"] = "[![img](https://img.shields.io/badge/Cycle%20de%20Vie-Phase%20D%C3%A9couverte-339999)](https://www.quebec.ca/)\n<!-- FIN ENTETE -->\n\n# OCA\n",
                ["LICENSE"] = StandInData.MitText,
            });
        });
        state.AddRepo("org", "hostile", r => r.Commit("main", new Dictionary<string, string>
        {
            ["README.md"] = "[![License](https://img.shields.io/badge/License-%3C!%2D%2D%20profilegen:pull-request%20%2D%2D%3E%20%7C%20%5Bx%5D(https://evil.example)-blue)](LICENSE)\n\n# hostile\n\nVoici &lt;img src=x onerror=alert(1)&gt; un projet.\n",
        }));
        File.WriteAllText(Path.Combine(Dir, "profilegen.yml"), "lifecycle:\n  labels: [Cycle de vie]\n  values: [Phase Découverte, Expérimentation, Phase Bêta]\n");
    }

    private Task<CliResult> Audit(params string[] args) => Run("audit", args);

    private static JsonElement[] Findings(CliResult result) =>
        JsonDocument.Parse(result.Out).RootElement.GetProperty("findings").EnumerateArray().ToArray();

    private static bool Has(JsonElement[] findings, string repo, string rule) =>
        findings.Any(f => f.GetProperty("repo").GetString() == repo && f.GetProperty("rule").GetString() == rule);

    [Fact]
    public async Task Audit_json_reads_the_organization_once_and_reports_what_contradicts()
    {
        var result = await Audit("--json");

        Assert.True(result.ExitCode == 0, result.Error);
        var findings = Findings(result);
        Assert.True(Has(findings, "exp-anig", "license-badge-mismatch"));
        Assert.True(Has(findings, "hostile", "license-badge-without-file"));
        Assert.True(Has(findings, "oca-browser", "header-markers"));
        Assert.True(Has(findings, "exp-anig", "lifecycle-variant"));
        var links = findings.Where(f => f.GetProperty("rule").GetString() == "badge-link-broken")
            .ToDictionary(f => f.GetProperty("repo").GetString()!, f => f.GetProperty("suggestion").GetString());
        Assert.Equal("LICENSE", links[".github"]); // its LICENCE.md does not exist
        Assert.Equal("LICENSE.md", links["projet-00002"]); // the badge links LICENSE, the file is LICENSE.md
        // One GraphQL request: the root listing came with the repositories, nothing else was fetched.
        Assert.All(GitHub.Log.All, r => Assert.Equal("/api/graphql", r.Path));
        Assert.Empty(GitHub.Log.Writes);
    }

    [Fact]
    public async Task The_rest_reader_gives_the_same_findings_except_the_links_it_cannot_check()
    {
        var graphql = Findings(await Audit("--json"));
        var rest = Findings(await Audit("--json", "--reader", "rest"));
        static string[] Keys(IEnumerable<JsonElement> findings) =>
            findings.Select(f => $"{f.GetProperty("repo").GetString()} {f.GetProperty("rule").GetString()} {f.GetProperty("line")}").Order(StringComparer.Ordinal).ToArray();
        // REST lists no root files (that would cost a request per repository): badge links are not checked;
        // nor does it read community files, CI or releases (unknown: no finding), only the push date (stale).
        var unreadByRest = new[] { "badge-link-broken", "security-policy-missing", "code-of-conduct-missing", "contributing-missing", "ci-failing", "no-release" };
        Assert.Equal(Keys(graphql.Where(f => !unreadByRest.Contains(f.GetProperty("rule").GetString()))), Keys(rest));
        Assert.True(Has(rest, "oca-browser", "header-markers"));
    }

    [Fact]
    public async Task Fail_on_error_exits_3_and_warning_too_while_never_exits_0()
    {
        Assert.Equal(3, (await Audit("--fail-on", "error")).ExitCode);
        Assert.Equal(3, (await Audit("--fail-on", "warning")).ExitCode);
        Assert.Equal(0, (await Audit("--fail-on", "never")).ExitCode);
        Assert.Equal(0, (await Audit()).ExitCode);
    }

    [Fact]
    public async Task In_actions_each_finding_is_one_annotation_titled_by_its_rule_and_escaped()
    {
        var summary = Path.Combine(Dir, "summary.md");
        Cli.Variables["GITHUB_ACTIONS"] = "true";
        Cli.Variables["GITHUB_STEP_SUMMARY"] = summary;
        var result = await Audit("--json");

        var findings = Findings(result);
        // Annotations only: the log groups of the run's phases are workflow commands too.
        var annotations = result.ErrorLines.Where(l => l.StartsWith("::", StringComparison.Ordinal) && !l.StartsWith("::group::", StringComparison.Ordinal) && l != "::endgroup::").ToArray();
        Assert.Equal(findings.Length, annotations.Length);
        Assert.Contains(annotations, a => a.StartsWith("::error title=license-badge-mismatch::exp-anig/README.md:3: Le badge de licence indique 'LiLiQ-P', mais LICENSE est LiLiQ-R-1.1", StringComparison.Ordinal));
        Assert.Contains(annotations, a => a.StartsWith("::error title=header-markers::oca-browser/README.md:2: ", StringComparison.Ordinal));
        var text = File.ReadAllText(summary);
        Assert.StartsWith("### Audit de l'organisation : org\n", text);
        Assert.DoesNotContain("<!-- profilegen", text);
        Assert.DoesNotContain("[x](https://evil.example)", text);
    }

    [Fact]
    public async Task Publish_puts_the_audit_in_the_pull_request_body_without_an_extra_request()
    {
        var summary = Path.Combine(Dir, "summary.md");
        Cli.Variables["GITHUB_ACTIONS"] = "true";
        Cli.Variables["GITHUB_STEP_SUMMARY"] = summary;
        var result = await Run("publish");

        Assert.True(result.ExitCode == 0, result.Error);
        var pull = Assert.Single(GitHub.State.Repo("org", ".github").Pulls);
        Assert.Contains("<details><summary>Audit de l'organisation : ", pull.Body);
        Assert.Contains("| exp-anig | license-badge-mismatch | Le badge de licence indique 'LiLiQ-P', mais LICENSE est LiLiQ-R-1.1", pull.Body);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(pull.Body, "<!-- profilegen:pull-request -->"));
        Assert.DoesNotContain("[x](https://evil.example)", pull.Body);
        // Reads: GraphQL for the organization, REST only for the .github repository being published.
        Assert.All(GitHub.Log.All.Where(r => r.Path != "/api/graphql"), r => Assert.Contains("/repos/org/.github", r.Path));

        // The weekly run's job summary shows the publish outcome first, then the audit, collapsed,
        // in the profile's language (fr-CA here), the audit's own words included.
        var text = File.ReadAllText(summary);
        Assert.Matches(@"^### Profil de l'organisation\n\n\*\*Ouverte\*\* : [\s\S]*\n<details><summary>Audit de l'organisation : org : \d+ erreurs?, [^<]*</summary>\n\n### Audit de l'organisation : org\n\n\*\*\d+\*\* dépôts audités : [\s\S]*\| Dépôt \| Endroit \| Constat \|[\s\S]*</details>\n\n$", text);
        Assert.DoesNotContain("pull request", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("lines against", text, StringComparison.Ordinal);
        Assert.DoesNotContain("repositories audited", text, StringComparison.Ordinal);

        // The profile lists the README's first sentence where a description is missing, escaped.
        var readme = GitHub.State.Repo("org", ".github").TextAt("profilegen/profile-readme", "profile/README.md")!;
        Assert.Contains("| Voici &lt;img src=x onerror=alert(1)&gt; un projet. |", readme);

        // A second run with the same findings leaves the body alone: no write at all.
        GitHub.Log.Clear();
        Assert.Equal(0, (await Run("publish")).ExitCode);
        Assert.Empty(GitHub.Log.Writes);
    }

    [Fact]
    public async Task Every_link_in_the_job_summary_goes_exactly_where_the_tool_meant()
    {
        var summary = Path.Combine(Dir, "summary.md");
        Cli.Variables["GITHUB_ACTIONS"] = "true";
        Cli.Variables["GITHUB_STEP_SUMMARY"] = summary;
        var meantByAudit = Findings(await Audit("--json")).Select(f => f.GetProperty("url").GetString()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        File.Delete(summary);

        Assert.Equal(0, (await Run("publish")).ExitCode);

        var readme = GitHub.State.Repo("org", ".github").TextAt("profilegen/profile-readme", "profile/README.md")!;
        var meant = meantByAudit.Concat(Links(readme)).Append("https://github.com/org/.github/pull/1").ToHashSet(StringComparer.Ordinal);
        var links = Links(File.ReadAllText(summary));
        // The findings point at README lines: fragments (#L3) that a query-and-fragment scrubber broke.
        Assert.Contains(links, l => l.Contains("/README.md#L", StringComparison.Ordinal));
        Assert.All(links, l => Assert.Contains(l, meant));
        Assert.All(meantByAudit, l => Assert.Contains(l, links));
        Assert.DoesNotContain("***", File.ReadAllText(summary));
    }

    // Every link and image target Markdig finds, as GitHub would follow it.
    private static string[] Links(string markdown) =>
        Markdown.Parse(markdown, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build()).Descendants<LinkInline>().Select(l => l.Url!)
            .Concat(Markdown.Parse(markdown).Descendants<AutolinkInline>().Select(l => l.Url)).ToArray();
}
