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

    public static async Task ReportAsync(CliEnvironment env, PublishOutcome outcome)
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
            await File.AppendAllTextAsync(summary, Summary(outcome)).ConfigureAwait(false);
        }
    }

    public static string Summary(PublishOutcome outcome)
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
}
