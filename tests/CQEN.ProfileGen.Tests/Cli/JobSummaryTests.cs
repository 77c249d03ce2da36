using System.Text;
using ApprovalTests;
using ApprovalTests.Reporters;
using ApprovalTests.Writers;
using CQEN.ProfileGen.Cli;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Publishing;
using CQEN.ProfileGen.Rendering;
using CQEN.ProfileGen.Snapshots;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CQEN.ProfileGen.Tests.Cli;

/// <summary>The job summary says in words what happened, previews the page, and always fits GitHub's 1 MiB.</summary>
[UseReporter(typeof(QuietReporter))]
public sealed class JobSummaryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("profilegen-summary-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private static PublishOutcome Outcome(PublishStatus status, string before, string after) => new()
    {
        Status = status,
        PullRequestNumber = 7,
        PullRequestUrl = "https://github.com/org/.github/pull/7",
        Branch = "profilegen/profile-readme",
        BaseName = "main",
        HeadSha = "2222222222222222222222222222222222222222",
        Diff = UnifiedDiff.Between(before, after, "profile/README.md"),
        Plan = [],
        NewText = after,
    };

    [Fact]
    public void An_update_s_summary_is_as_approved()
    {
        var summary = GitHubActions.Summary(Outcome(PublishStatus.Updated, "# Profil\n\nancien\n", "# Profil\n\n| Dépôt |\n| --- |\n| [a](https://github.com/org/a) |\n"));

        Approvals.Verify(new ApprovalTextWriter(summary, "md"));
    }

    [Fact]
    public void A_run_with_nothing_new_says_no_change_and_repeats_no_diff()
    {
        var summary = GitHubActions.Summary(Outcome(PublishStatus.Unchanged, "# Profil\n", "# Profil\n\nnouveau\n"));

        Assert.Contains("**No change** since the last run", summary);
        Assert.DoesNotContain("<details>", summary);
        Assert.DoesNotContain("lines against", summary);
    }

    [Fact]
    public void The_summary_of_a_ten_thousand_repository_dry_run_fits_under_one_mebibyte_and_previews_the_page()
    {
        var repos = Enumerable.Range(0, 10_000).Select(i => new RepoSnapshot { Name = $"repo-{i:00000}", FullName = $"org/repo-{i:00000}", Url = $"https://github.com/org/repo-{i:00000}", Description = $"Dépôt numéro {i}" }).ToArray();
        var snapshot = new OrgSnapshot { Org = new OrgProfile { Login = "org", Url = "https://github.com/org" }, Repos = repos };
        // An organization that raised limits.per_group and limits.max_bytes: the README lists them all.
        var config = new ProfileGenConfig { Limits = new SizeLimits { PerGroup = int.MaxValue, MaxBytes = int.MaxValue } };
        var readme = ProfileRenderer.Render(TemplateSource.Default(ProfileCulture.French), TemplateModelBuilder.Build(snapshot, config, DateTimeOffset.UnixEpoch));
        // The diff and the preview each hold the whole README: together they are over the cap.
        Assert.True(2 * Encoding.UTF8.GetByteCount(readme) > 1024 * 1024, "the README must be large enough for this test to mean anything");

        var summary = GitHubActions.Summary(Outcome(PublishStatus.WouldCreate, "# Ancien profil\n", readme));

        Assert.True(Encoding.UTF8.GetByteCount(summary) < 1024 * 1024);
        Assert.Contains("the whole diff is in the run log", summary);
        // The preview is Markdown GitHub renders: repository links, outside any code block.
        var links = Markdown.Parse(summary).Descendants<LinkInline>().Where(l => l.Url?.StartsWith("https://github.com/org/repo-", StringComparison.Ordinal) == true).ToArray();
        Assert.True(links.Length > 100, $"{links.Length} repository links rendered");
        Assert.DoesNotContain(links, l => l.Parent?.ParentBlock is CodeBlock);
    }

    [Fact]
    public async Task A_failed_run_still_sets_every_output_and_says_why_in_the_summary()
    {
        var outputs = Path.Combine(_dir, "outputs");
        var summary = Path.Combine(_dir, "summary.md");
        var cli = new CliHarness { CurrentDirectory = _dir };
        cli.Variables["GITHUB_ACTIONS"] = "true";
        cli.Variables["GITHUB_OUTPUT"] = outputs;
        cli.Variables["GITHUB_STEP_SUMMARY"] = summary;

        var result = await cli.RunAsync("publish", "--dry-run", "--snapshot", CliHarness.Sample("cqen-qdce.snapshot.json"), "--api-url", "http://127.0.0.1:9/api/v3", "--branch", "a..b");

        Assert.Equal(1, result.ExitCode);
        var lines = File.ReadAllLines(outputs);
        Assert.Contains("status=failed", lines);
        Assert.Contains("changed=false", lines);
        Assert.Contains("pull-request-operation=none", lines);
        Assert.Contains(lines, l => l.StartsWith("pull-request-number=", StringComparison.Ordinal));
        Assert.Contains("**Échec** : \\--branch: 'a..b'", File.ReadAllText(summary));
    }

    [Theory]
    [InlineData("--title")]
    [InlineData("--branch")]
    public async Task An_option_value_in_a_failed_run_s_summary_stays_text(string option)
    {
        var summary = Path.Combine(_dir, "summary.md");
        var cli = new CliHarness { CurrentDirectory = _dir };
        cli.Variables["GITHUB_ACTIONS"] = "true";
        cli.Variables["GITHUB_STEP_SUMMARY"] = summary;
        const string hostile = "![t](https://evil.example/i.png) <img src=x> [l](https://evil.example) *b*";

        // --title is read, then the branch name is refused: either value ends up in a message.
        var result = await cli.RunAsync("publish", "--dry-run", "--snapshot", CliHarness.Sample("cqen-qdce.snapshot.json"), "--api-url", "http://127.0.0.1:9/api/v3", option, hostile, "--target-path", "../" + hostile);

        Assert.Equal(1, result.ExitCode);
        var document = Markdown.Parse(File.ReadAllText(summary), new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
        Assert.Contains("evil.example", File.ReadAllText(summary));
        Assert.Empty(document.Descendants<LinkInline>());
        Assert.Empty(document.Descendants<AutolinkInline>());
        Assert.Empty(document.Descendants<HtmlInline>());
        Assert.Empty(document.Descendants<HtmlBlock>());
        Assert.DoesNotContain(document.Descendants<EmphasisInline>(), e => e.DelimiterChar == '*' && e.DelimiterCount == 1);
    }

    [Fact]
    public async Task A_large_dry_run_s_whole_summary_with_its_audit_stays_under_one_mebibyte_and_says_where_it_was_cut()
    {
        var summary = Path.Combine(_dir, "summary.md");
        var env = new CliEnvironment
        {
            Variables = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary },
            Out = new StringWriter(),
            Error = new StringWriter(),
            CurrentDirectory = _dir,
        };
        var reporter = Reporter.For(env, new CQEN.ProfileGen.GitHub.GitHubUsage());
        var findings = Enumerable.Range(0, 3_060).Select(i => new CQEN.ProfileGen.Audit.AuditFinding
        {
            Repo = $"repo-{i:0000}",
            Rule = "description-missing",
            Severity = Severity.Warning,
            Message = new string('d', 400) + $" {i}",
            Path = "README.md",
            Line = 3,
            Url = $"https://github.com/org/repo-{i:0000}/blob/main/README.md#L3",
        }).ToArray();
        var big = string.Concat(Enumerable.Range(0, 3_060).Select(i => $"| [repo-{i:0000}](https://github.com/org/repo-{i:0000}) | {new string('x', 300)} |\n"));

        PublishOutput.AuditAtEnd(reporter, new CQEN.ProfileGen.Audit.AuditReport(findings, 3_060), "Organization audit: org", ProfileCulture.English);
        await PublishOutput.SummaryAsync(reporter, Outcome(PublishStatus.WouldCreate, "# Ancien\n", big), new CQEN.ProfileGen.GitHub.GitHubUsage(), ProfileCulture.English);

        var text = File.ReadAllText(summary);
        Assert.True(new FileInfo(summary).Length < 1024 * 1024, $"{new FileInfo(summary).Length} bytes");
        Assert.StartsWith("### Profile README\n\n**Dry run**", text);
        Assert.Contains("the whole diff is in the run log", text);
        Assert.Contains("_The preview is cut here", text);
        Assert.Matches(@"<details><summary>Organization audit: org: 0 errors, 3060 warnings, 0 notices</summary>[\s\S]*_… and \d+ more: run `profilegen audit` to list them all._\n\n</details>\n\n$", text);
    }
}
