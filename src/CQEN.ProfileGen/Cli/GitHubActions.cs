using System.Text;
using CQEN.ProfileGen.Publishing;

namespace CQEN.ProfileGen.Cli;

/// <summary>
/// When running as a GitHub Action (GITHUB_ACTIONS=true): step outputs in $GITHUB_OUTPUT and a
/// job summary in $GITHUB_STEP_SUMMARY with what changed, the PR link and the diff, collapsed.
/// </summary>
public static class GitHubActions
{
    public static bool IsActive(CliEnvironment env) => env.Get("GITHUB_ACTIONS") == "true";

    /// <summary>
    /// An `::error::` workflow command; a message that starts with file:line:col becomes an
    /// annotation on that line of that file in the pull request or run view.
    /// </summary>
    public static string ErrorAnnotation(string message)
    {
        var m = System.Text.RegularExpressions.Regex.Match(message, @"^(?<file>[^\s:][^:]*):(?<line>\d+):(?<col>\d+): (?<text>.*)$");
        return m.Success
            ? $"::error file={Property(m.Groups["file"].Value)},line={m.Groups["line"].Value},col={m.Groups["col"].Value}::{Data(m.Groups["text"].Value)}"
            : $"::error::{Data(message)}";
    }

    public static string WarningAnnotation(string message) => $"::warning::{Data(message)}";

    // Escaping of workflow commands: data escapes %, CR, LF; properties also : and ,.
    private static string Data(string s) => s.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string s) => Data(s).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    public static async Task ReportAsync(CliEnvironment env, PublishOutcome outcome, GitHub.GitHubUsage? usage = null)
    {
        if (!IsActive(env))
        {
            return;
        }
        if (env.Get("GITHUB_OUTPUT") is { } outputs)
        {
            await File.AppendAllTextAsync(outputs,
                $"status={outcome.Status}\nchanged={(outcome.Changed ? "true" : "false")}\npull-request-number={outcome.PullRequestNumber}\npull-request-url={outcome.PullRequestUrl}\n").ConfigureAwait(false);
        }
        if (env.Get("GITHUB_STEP_SUMMARY") is { } summary)
        {
            await File.AppendAllTextAsync(summary, Summary(outcome, usage)).ConfigureAwait(false);
        }
    }

    public static string Summary(PublishOutcome outcome, GitHub.GitHubUsage? usage = null)
    {
        var sb = new StringBuilder("### Profile README\n\n");
        sb.Append($"**{outcome.Status}**");
        if (outcome.PullRequestUrl is { } url)
        {
            sb.Append($" — [pull request #{outcome.PullRequestNumber}]({url})");
        }
        sb.Append($" — +{outcome.Diff.Added} −{outcome.Diff.Removed} lines\n\n");
        if (outcome.Problem is { } problem)
        {
            sb.Append($"> {problem}\n\n");
        }
        if (usage is { Requests: > 0 })
        {
            sb.Append($"Cost: {usage.Describe()}.\n\n");
        }
        if (outcome.Diff.HasChanges)
        {
            // A fence longer than any backtick run in the diff, so the diff cannot close it.
            var longest = 0;
            var run = 0;
            foreach (var c in outcome.Diff.Text)
            {
                run = c == '`' ? run + 1 : 0;
                longest = Math.Max(longest, run);
            }
            var fence = new string('`', Math.Max(3, longest + 1));
            sb.Append("<details><summary>Diff</summary>\n\n").Append(fence).Append("diff\n").Append(outcome.Diff.Text.TrimEnd('\n')).Append('\n').Append(fence).Append("\n\n</details>\n");
        }
        return sb.ToString();
    }

    /// <summary>
    /// One annotation for an audit finding: `::error|warning|notice title=RULE::repo/path:line: message`.
    /// The finding is in another repository, so it names the place in the message, not as file=.
    /// </summary>
    public static string FindingAnnotation(Audit.AuditFinding finding)
    {
        var command = finding.Severity switch
        {
            Audit.AuditRule.Error => "error",
            Audit.AuditRule.Warning => "warning",
            _ => "notice",
        };
        var where = finding.Path is null ? finding.Repo : $"{finding.Repo}/{finding.Where}";
        return $"::{command} title={Property(finding.Rule)}::{Data($"{where}: {finding.Message}")}";
    }

    /// <summary>Appends the audit to the job summary ($GITHUB_STEP_SUMMARY), when there is one.</summary>
    public static async Task AppendSummaryAsync(CliEnvironment env, string markdown)
    {
        if (IsActive(env) && env.Get("GITHUB_STEP_SUMMARY") is { } summary)
        {
            await File.AppendAllTextAsync(summary, markdown + "\n").ConfigureAwait(false);
        }
    }
}
