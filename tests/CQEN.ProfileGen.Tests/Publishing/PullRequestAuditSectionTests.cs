using CQEN.ProfileGen.Audit;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Publishing;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CQEN.ProfileGen.Tests.Publishing;

/// <summary>The collapsed audit section of the pull request body: counts, the first findings, nothing a repository can inject.</summary>
public class PullRequestAuditSectionTests
{
    private static AuditFinding Finding(string repo, string rule, Severity severity, string message = "Fix it.") =>
        new() { Repo = repo, Rule = rule, Severity = severity, Message = message };

    private static readonly AuditReport Report = new(
    [
        Finding("b", "license-badge-mismatch", Severity.Error),
        Finding("c", "badge-link-broken", Severity.Warning),
        .. Enumerable.Range(0, 12).Select(i => Finding($"n{i:00}", "description-missing", Severity.Notice)),
    ], 14);

    [Fact]
    public void Shows_the_counts_and_the_first_findings_errors_first_collapsed()
    {
        var section = PullRequestText.AuditSection(Report, ProfileCulture.French);
        Assert.StartsWith("<details><summary>Audit de l'organisation : 1 erreur, 1 avertissement, 12 remarques</summary>\n\n| Dépôt | Règle | Constat |\n| --- | --- | --- |\n| b | license-badge-mismatch | Fix it. |\n| c | badge-link-broken | Fix it. |\n", section);
        Assert.Contains("\n… et 4 autres : `profilegen audit` les liste tous.\n", section);
        Assert.EndsWith("\n</details>\n", section);
        Assert.StartsWith("<details><summary>Organization audit: 1 error, 1 warning, 12 notices</summary>", PullRequestText.AuditSection(Report, ProfileCulture.English));
    }

    [Fact]
    public void Says_so_when_there_is_nothing_to_fix() =>
        Assert.Contains("Rien à corriger", PullRequestText.AuditSection(new AuditReport([], 3), ProfileCulture.French));

    [Fact]
    public void Is_part_of_the_body_after_the_repository_lists_and_keeps_the_body_under_the_limit()
    {
        var many = new AuditReport(Enumerable.Range(0, 5000).Select(i => Finding($"repo-{i}", "description-missing", Severity.Notice, new string('x', 70))).ToArray(), 5000);
        var after = string.Join('\n', Enumerable.Range(0, 5000).Select(i => $"| [projet-{i:00000}](https://github.com/org/projet-{i:00000}) |"));
        var body = PullRequestText.Body("https://github.com/org", null, after, UnifiedDiff.Between(null, after, "profile/README.md"), ProfileCulture.French, many);
        Assert.True(body.Length <= PullRequestText.MaxBodyLength, body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.StartsWith(PullRequestText.Marker, body);
        Assert.EndsWith("</details>\n", body);
        Assert.Contains("<details><summary>Audit de l'organisation : 0 erreur, 0 avertissement, 5000 remarques</summary>", body);
    }

    [Fact]
    public void Repository_text_in_a_finding_cannot_add_html_links_or_the_marker()
    {
        var hostile = new AuditReport([Finding("evil", "license-badge-mismatch", Severity.Error, "The licence badge says '<!-- profilegen:pull-request --> | [x](https://evil.example) <img src=x onerror=alert(1)>' but…")], 1);
        var section = PullRequestText.AuditSection(hostile, ProfileCulture.English);
        Assert.DoesNotContain("<!--", section);
        Assert.DoesNotContain("<img", section);
        var document = Markdown.Parse(section, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
        Assert.Empty(document.Descendants<LinkInline>());
        Assert.Equal(["<details><summary>Organization audit: 1 error, 0 warnings, 0 notices</summary>", "</details>"],
            document.Descendants<HtmlBlock>().Select(b => b.Lines.ToString().Trim()));
    }
}
