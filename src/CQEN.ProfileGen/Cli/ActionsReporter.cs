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
        await OutputsAsync(GitHubActions.Outputs("failed", false, null)).ConfigureAwait(false);
        await SummaryAsync(GitHubActions.FailureSummary(message, Culture)).ConfigureAwait(false);
        await EndSummaryAsync().ConfigureAwait(false);
    }

    public override async Task UnfinishedAsync(string message, Func<ProfileCulture, string> summary)
    {
        message = Scrub(message);
        await base.UnfinishedAsync(message, summary).ConfigureAwait(false);
        await AnnotateAsync("warning", "profilegen", message).ConfigureAwait(false);
        await OutputsAsync(GitHubActions.Outputs("failed", false, null)).ConfigureAwait(false);
        // The summary speaks the profile's language, as the rest of it does; the run log's line stays English.
        await SummaryAsync(Scrub(summary(Culture))).ConfigureAwait(false);
        await EndSummaryAsync().ConfigureAwait(false);
    }

    public override async Task ListAsync(string title, IEnumerable<string> lines)
    {
        await CommandAsync("::group::" + title).ConfigureAwait(false);
        await base.ListAsync(title, lines).ConfigureAwait(false);
        await CommandAsync("::endgroup::").ConfigureAwait(false);
    }

    public override Task AnnotateAsync(string level, string title, string text) => CommandAsync(GitHubActions.Annotation(level, title, text));

    public override Task OutputsAsync(IReadOnlyList<(string Name, string? Value)> outputs) => GitHubActions.WriteOutputsAsync(Env, outputs);

    public override async Task SummaryAsync(Func<int, string> section)
    {
        // The section at the end keeps what it needs, up to a quarter of the summary.
        var kept = _atEnd is { } end ? Math.Min(GitHubActions.MaxSummaryBytes / 4, Bytes(end(int.MaxValue))) : 0;
        await SummaryAsync(section(Left - kept)).ConfigureAwait(false);
    }

    public override void SummaryAtEnd(Func<int, string> section) => _atEnd = section;

    private Func<int, string>? _atEnd;

    public override async Task EndSummaryAsync()
    {
        if (_atEnd is { } end)
        {
            _atEnd = null;
            await SummaryAsync(end(Left)).ConfigureAwait(false);
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
