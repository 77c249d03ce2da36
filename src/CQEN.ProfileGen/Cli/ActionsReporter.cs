using CQEN.ProfileGen.GitHub;
using CQEN.ProfileGen.Publishing;

namespace CQEN.ProfileGen.Cli;

/// <summary>
/// The reporter inside GitHub Actions: one log group per phase, warnings and errors as
/// annotations, secrets masked, step outputs in $GITHUB_OUTPUT and a job summary in
/// $GITHUB_STEP_SUMMARY. Everything it writes is scrubbed like the console's lines.
/// </summary>
internal sealed class ActionsReporter(CliEnvironment env, GitHubUsage usage) : Reporter(env, usage)
{
    // Masked so that no later step's log can show it either. A multi-line secret (a PEM key) is
    // never echoed: `::add-mask::` takes one line, and the lines after it would be printed as-is.
    protected override void Minted(string secret)
    {
        if (!secret.Contains('\n', StringComparison.Ordinal) && !secret.Contains('\r', StringComparison.Ordinal))
        {
            WorkflowCommandGuard.Commands(Env.Error).WriteLine("::add-mask::" + secret);
        }
    }

    public override async Task WarnAsync(string message)
    {
        if (Quiet)
        {
            return;
        }
        await base.WarnAsync(message).ConfigureAwait(false);
        await CommandAsync(GitHubActions.WarningAnnotation(Scrub(message))).ConfigureAwait(false);
    }

    public override async Task FailAsync(string message)
    {
        message = Scrub(message);
        await base.FailAsync(message).ConfigureAwait(false);
        await CommandAsync(GitHubActions.ErrorAnnotation(message)).ConfigureAwait(false);
        // A failed run still sets every output (`status=failed`) and says why in the job summary,
        // so a later step's `if: steps.x.outputs.status == …` never compares empty strings.
        await GitHubActions.WriteOutputsAsync(Env, "failed", false, null).ConfigureAwait(false);
        await SummaryAsync(GitHubActions.FailureSummary(message, Culture)).ConfigureAwait(false);
        await PendingAuditAsync().ConfigureAwait(false);
    }

    public override async Task ListAsync(string title, IEnumerable<string> lines)
    {
        await CommandAsync("::group::" + title).ConfigureAwait(false);
        await base.ListAsync(title, lines).ConfigureAwait(false);
        await CommandAsync("::endgroup::").ConfigureAwait(false);
    }

    public override async Task FindingsAsync(Audit.AuditReport report, string title)
    {
        foreach (var finding in report.Findings)
        {
            await CommandAsync(GitHubActions.FindingAnnotation(finding)).ConfigureAwait(false);
        }
        // The audit is this run's outcome: shown open, first.
        await SummaryAsync(report.ToMarkdown(title, GitHubActions.SummaryFindings) + "\n").ConfigureAwait(false);
    }

    public override void AuditAfterOutcome(Audit.AuditReport report, string title) => _pendingAudit = (report, title);

    public override async Task PublishedAsync(Publishing.PublishOutcome outcome)
    {
        await GitHubActions.WriteOutputsAsync(Env, outcome.Status.Name(), outcome.Changed, outcome).ConfigureAwait(false);
        // The outcome first; the audit after it keeps what it needs (up to a quarter of the summary).
        var audit = _pendingAudit is var (report, title) ? Math.Min(GitHubActions.MaxSummaryBytes / 4, Bytes(GitHubActions.AuditSummary(report, title, int.MaxValue, Culture))) : 0;
        await SummaryAsync(GitHubActions.Summary(outcome, Usage, Left - audit, Culture)).ConfigureAwait(false);
        await PendingAuditAsync().ConfigureAwait(false);
    }

    private (Audit.AuditReport Report, string Title)? _pendingAudit;

    private async Task PendingAuditAsync()
    {
        if (_pendingAudit is var (report, title))
        {
            _pendingAudit = null;
            await SummaryAsync(GitHubActions.AuditSummary(report, title, Left, Culture)).ConfigureAwait(false);
        }
    }

    // What this run has written to the job summary, and what it may still write.
    private int _summaryBytes;

    private int Left => Math.Max(0, GitHubActions.MaxSummaryBytes - _summaryBytes);

    private static int Bytes(string text) => System.Text.Encoding.UTF8.GetByteCount(text);

    public override async Task<T> PhaseAsync<T>(string name, Func<Task<T>> work)
    {
        await CommandAsync("::group::" + name).ConfigureAwait(false);
        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            await CommandAsync("::endgroup::").ConfigureAwait(false);
        }
    }

    // The tool's own commands, past the guard that neutralises every other line (their values are
    // escaped where they are built); one line each, scrubbed like every line.
    private Task CommandAsync(string command) =>
        WorkflowCommandGuard.Commands(Env.Error).WriteLineAsync(Scrub(command).ReplaceLineEndings(" "));

    public override async Task SummaryAsync(string markdown)
    {
        if (Env.Get("GITHUB_STEP_SUMMARY") is { } summary)
        {
            // Every section counts against GitHub's 1 MiB for the whole step, not just its own.
            var text = GitHubActions.Fit(Scrub(markdown), Left, Culture);
            _summaryBytes += Bytes(text);
            await File.AppendAllTextAsync(summary, text).ConfigureAwait(false);
        }
    }
}
