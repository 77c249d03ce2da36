using CQEN.ProfileGen.Audit;

namespace CQEN.ProfileGen.Tests.Audit;

/// <summary>
/// The three forms of an audit — the terminal table, the Markdown of a job summary and the JSON
/// document — laid out exactly, from findings made by hand.
/// </summary>
public class AuditReportFormsTests
{
    private static readonly AuditFinding Mismatch = new()
    {
        Repo = "alpha",
        Rule = "license-badge-mismatch",
        Severity = AuditRule.Error,
        Message = "Badge says X.",
        Path = "README.md",
        Line = 3,
        Suggestion = "MIT",
        Url = "https://github.com/org/alpha/blob/main/README.md#L3",
    };

    private static readonly AuditFinding Lowered = new()
    {
        Repo = "a-much-longer-name",
        Rule = "license-badge-mismatch",
        Severity = AuditRule.Warning,
        Message = "Line\u0007bell",
        Path = "LICENSE",
    };

    private static readonly AuditFinding NoDescription = new()
    {
        Repo = "beta",
        Rule = "description-missing",
        Severity = AuditRule.Notice,
        Message = "No description.",
    };

    private static readonly AuditReport Report = new([Mismatch, Lowered, NoDescription], 3);

    public class Counts
    {
        [Fact]
        public void Each_severity_is_counted_with_its_plural()
        {
            Assert.Equal((1, 1, 1), (Report.Errors, Report.Warnings, Report.Notices));
            Assert.Equal("1 error, 1 warning, 1 notice", Report.Counts());
            Assert.Equal("0 errors, 2 warnings, 0 notices", new AuditReport([Lowered, Lowered], 1).Counts());
        }

        [Fact]
        public void Notices_alone_never_fail_a_run()
        {
            var notices = new AuditReport([NoDescription], 1);

            Assert.False(notices.Fails(Severity.Error));
            Assert.False(notices.Fails(Severity.Warning));
        }
    }

    public class Text
    {
        [Fact]
        public void One_block_per_rule_with_aligned_columns_then_the_counts()
        {
            Assert.Equal(
                "license-badge-mismatch (error, warning, 2)\n" +
                "  alpha               README.md:3  Badge says X.\n" +
                "  a-much-longer-name  LICENSE      Line bell\n" +
                "\n" +
                "description-missing (notice, 1)\n" +
                "  beta    No description.\n" +
                "\n" +
                "3 repositories audited: 1 error, 1 warning, 1 notice.\n",
                Report.ToText());
        }

        [Fact]
        public void Columns_stop_growing_at_40_and_30_characters()
        {
            var wide = new AuditFinding { Repo = new string('r', 50), Rule = "badge-link-broken", Severity = AuditRule.Warning, Message = "m", Path = new string('p', 45) };
            var narrow = wide with { Repo = "r", Path = "p" };

            var lines = new AuditReport([wide, narrow], 2).ToText().Split('\n');

            Assert.Equal("  r" + new string(' ', 39) + "  p" + new string(' ', 29) + "  m", lines[2]);
        }

        [Fact]
        public void Nothing_to_fix_is_said_in_one_line() =>
            Assert.Equal("5 repositories audited: nothing to fix.\n", new AuditReport([], 5).ToText());
    }

    public class Markdown
    {
        [Fact]
        public void A_title_the_counts_and_one_table_per_rule_linking_where_it_can()
        {
            Assert.Equal(
                "### Audit \\*2026\\*\n\n" +
                "**3** repositories audited: 1 error, 1 warning, 1 notice.\n" +
                "\n#### license-badge-mismatch (error, warning, 2)\n\n" +
                "| Repository | Where | Finding |\n| --- | --- | --- |\n" +
                "| alpha | [README.md:3](https://github.com/org/alpha/blob/main/README.md#L3) | Badge says X. |\n" +
                "| a-much-longer-name | LICENSE | Line bell |\n" +
                "\n#### description-missing (notice, 1)\n\n" +
                "| Repository | Where | Finding |\n| --- | --- | --- |\n" +
                "| beta |  | No description. |\n",
                Report.ToMarkdown("Audit *2026*"));
        }

        [Fact]
        public void Errors_are_listed_first_when_rows_are_few_and_the_rest_are_counted()
        {
            var markdown = new AuditReport([NoDescription, Mismatch], 2).ToMarkdown(maxRows: 1);

            Assert.Contains("| alpha |", markdown, StringComparison.Ordinal);
            Assert.DoesNotContain("description-missing", markdown, StringComparison.Ordinal);
            Assert.EndsWith("\n_… and 1 more: run `profilegen audit` to list them all._\n", markdown, StringComparison.Ordinal);
        }

        [Fact]
        public void A_French_report_says_its_counts_headings_severities_and_table_headers_in_French()
        {
            var french = Report with { Culture = ProfileCulture.French };

            Assert.Equal(
                "### Audit de l'organisation\n\n" +
                "**3** dépôts audités : 1 erreur, 1 avertissement, 1 remarque.\n" +
                "\n#### license-badge-mismatch (erreur, avertissement, 2)\n\n" +
                "| Dépôt | Endroit | Constat |\n| --- | --- | --- |\n" +
                "| alpha | [README.md:3](https://github.com/org/alpha/blob/main/README.md#L3) | Badge says X. |\n" +
                "| a-much-longer-name | LICENSE | Line bell |\n" +
                "\n#### description-missing (remarque, 1)\n\n" +
                "| Dépôt | Endroit | Constat |\n| --- | --- | --- |\n" +
                "| beta |  | No description. |\n",
                french.ToMarkdown());
            Assert.EndsWith("\n3 dépôts audités : 1 erreur, 1 avertissement, 1 remarque.\n", french.ToText(), StringComparison.Ordinal);
            Assert.Equal("1 dépôt audité : rien à corriger.\n", new AuditReport([], 1) { Culture = ProfileCulture.French }.ToText());
            Assert.EndsWith("_… et 2 autres : `profilegen audit` les liste tous._\n", french.ToMarkdown(maxRows: 1), StringComparison.Ordinal);
        }

        [Fact]
        public void Nothing_to_fix_is_said_under_the_default_title() =>
            Assert.Equal("### Organization audit\n\n**4** repositories audited: nothing to fix.\n", new AuditReport([], 4).ToMarkdown());

        [Fact]
        public void A_link_that_is_not_safe_is_left_as_text()
        {
            var markdown = new AuditReport([Mismatch with { Url = "javascript:alert(1)" }], 1).ToMarkdown();

            Assert.Contains("| alpha | README.md:3 | Badge says X. |", markdown, StringComparison.Ordinal);
        }
    }

    public class Json
    {
        [Fact]
        public void Findings_with_every_field_and_a_summary_counting_every_rule()
        {
            var json = new AuditReport([Mismatch], 2).ToJson();

            Assert.Equal("""
                {
                  "findings": [
                    {
                      "repo": "alpha",
                      "rule": "license-badge-mismatch",
                      "severity": "error",
                      "message": "Badge says X.",
                      "path": "README.md",
                      "line": 3,
                      "suggestion": "MIT",
                      "url": "https://github.com/org/alpha/blob/main/README.md#L3"
                    }
                  ],
                  "summary": {
                    "repositories": 2,
                    "findings": 1,
                    "error": 1,
                    "warning": 0,
                    "notice": 0,
                    "by_rule": {
                      "license-badge-mismatch": 1,
                      "license-badge-without-file": 0,
                      "header-markers": 0,
                      "license-missing": 0,
                      "license-unidentified": 0,
                      "badge-link-broken": 0,
                      "featured-unknown": 0,
                      "lifecycle-missing": 0,
                      "lifecycle-unknown": 0,
                      "lifecycle-variant": 0,
                      "description-missing": 0,
                      "readme-unreadable": 0,
                      "security-policy-missing": 0,
                      "ci-failing": 0,
                      "code-of-conduct-missing": 0,
                      "contributing-missing": 0,
                      "stale": 0,
                      "no-release": 0,
                      "catalogue-license-conflict": 0,
                      "catalogue-lifecycle-conflict": 0,
                      "catalogue-maintenance-none": 0,
                      "catalogue-file-malformed": 0,
                      "catalogue-summary-one-language": 0
                    }
                  }
                }

                """, json);
        }

        [Fact]
        public void Absent_fields_are_written_as_null()
        {
            var json = new AuditReport([NoDescription], 1).ToJson();

            Assert.Contains("\"path\": null,\n      \"line\": null,\n      \"suggestion\": null,\n      \"url\": null\n", json, StringComparison.Ordinal);
        }
    }
}
