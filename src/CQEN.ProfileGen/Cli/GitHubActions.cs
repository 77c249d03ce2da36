using System.Text;
using CQEN.ProfileGen.Publishing;

namespace CQEN.ProfileGen.Cli;

/// <summary>
/// GitHub Actions' formats (GITHUB_ACTIONS=true): workflow commands, step outputs in
/// $GITHUB_OUTPUT, and the job summary with what changed, the PR link and the diff, collapsed.
/// <see cref="ActionsReporter"/> writes them.
/// </summary>
internal static partial class GitHubActions
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

    /// <summary>The job summary lists this many audit findings at most (GitHub caps a summary at 1 MiB).</summary>
    public const int SummaryFindings = 200;

    // The message quotes option values as given (`--title '![t](https://…)'`): they stay text.
    public static string FailureSummary(string message, ProfileCulture culture = ProfileCulture.English)
    {
        var words = Wording.For(culture).Summary;
        return $"### {words.Title}\n\n{words.Failed(Escape(message))}\n\n{words.NothingWritten}\n";
    }

    /// <summary>The job summary of a read that stopped before the run's time ran out, in the profile's language.</summary>
    public static string UnfinishedSummary(GitHub.ReadUnfinishedException unfinished, ProfileCulture culture)
    {
        var words = Wording.For(culture).Summary;
        var sentence = unfinished.NotKept is { } why
            ? words.ReadStoppedNotKept(Escape(unfinished.Org), Escape(why))
            : words.ReadStopped(Escape(unfinished.Org), unfinished.Read, unfinished.Total, unfinished.ThisRun);
        return $"### {words.Title}\n\n{sentence}\n";
    }

    /// <summary>The step's outputs for a publish outcome (status failed, and no outcome, when the run failed).</summary>
    public static IReadOnlyList<(string Name, string? Value)> Outputs(string status, bool changed, PublishOutcome? outcome) =>
    [
        ("status", status),
        ("changed", changed ? "true" : "false"),
        ("pull-request-number", outcome?.PullRequestNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("pull-request-url", outcome?.PullRequestUrl),
        ("pull-request-operation", outcome is { } o && o.Status.IsWrite() ? status : "none"),
        ("pull-request-branch", outcome?.Branch),
        ("pull-request-head-sha", outcome?.HeadSha),
    ];

    public static async Task WriteOutputsAsync(CliEnvironment env, IReadOnlyList<(string Name, string? Value)> outputs)
    {
        if (env.Get("GITHUB_OUTPUT") is { } file)
        {
            await File.AppendAllTextAsync(file, string.Concat(outputs.Select(o => $"{o.Name}={o.Value}\n"))).ConfigureAwait(false);
        }
    }

    /// <summary>GitHub drops a step summary above 1 MiB; the summary stays below it, cutting the diff and the preview first.</summary>
    public const int MaxSummaryBytes = 1024 * 1024 - 16 * 1024;

    /// <summary>The outcome's part of the job summary, within <paramref name="maxBytes"/> (what the rest of the summary leaves it).</summary>
    public static string Summary(PublishOutcome outcome, GitHub.GitHubUsage? usage = null, int maxBytes = MaxSummaryBytes, ProfileCulture culture = ProfileCulture.English)
    {
        var words = Wording.For(culture).Summary;
        var sb = new StringBuilder($"### {words.Title}\n\n");
        var pr = outcome.PullRequestUrl is { } url ? $"[{words.PullRequest(outcome.PullRequestNumber)}]({url})" : null;
        var lines = words.Lines(outcome.Diff.Added, outcome.Diff.Removed, outcome.BaseName);
        sb.Append(outcome.Status switch
        {
            PublishStatus.Created => words.Opened(pr, lines),
            PublishStatus.Updated => words.Updated(pr, lines),
            PublishStatus.Closed => words.Closed(pr, outcome.BaseName),
            PublishStatus.WouldCreate => words.WouldCreate(lines),
            PublishStatus.WouldUpdate => words.WouldUpdate(pr, lines),
            PublishStatus.WouldClose => words.WouldClose(pr, outcome.BaseName),
            PublishStatus.Blocked => words.Blocked(pr),
            _ => pr is null ? words.UpToDate : words.AlreadyProposed(pr),
        }).Append("\n\n");
        sb.Append(outcome.ChangesSummary); // "since the last update", first after the outcome
        if (outcome.Problem is { } problem)
        {
            sb.Append($"> {Escape(problem)}\n\n");
        }
        if (usage is { Requests: > 0 })
        {
            sb.Append(words.Cost(usage.Describe(culture))).Append("\n\n");
        }
        sb.Append(outcome.CardsSummary);
        // Nothing new: no diff to repeat.
        if (outcome.Diff.HasChanges && outcome.Status.IsChange())
        {
            // Half of what is left each for the diff and the page as it will look; each cut at a
            // line, with a note, when it does not fit.
            var budget = Math.Max(0, (maxBytes - Encoding.UTF8.GetByteCount(sb.ToString()) - 4096) / 2);
            var diff = Cut(outcome.Diff.Text, budget, out var diffCut);
            var fence = Fence(diff);
            sb.Append($"<details><summary>{words.Diff}</summary>\n\n").Append(fence).Append("diff\n").Append(diff.TrimEnd('\n')).Append('\n').Append(fence).Append("\n\n");
            if (diffCut)
            {
                // A dry run printed the whole diff on stdout, into the run log; a publish's whole
                // diff is the pull request's (the README's byte budget keeps it one GitHub renders).
                sb.Append(outcome.Status.IsDryRun() || pr is null ? words.DiffCutRunLog : words.DiffCutPullRequest(pr)).Append("\n\n");
            }
            sb.Append("</details>\n\n");
            // A card's path is relative to the README: here it would be a broken image, so its alt text (the numbers) stands in.
            var preview = Cut(CardPicture().Replace(outcome.NewText, "<em>${alt}</em>"), budget, out var previewCut);
            sb.Append($"<details><summary>{words.Preview}</summary>\n\n").Append(preview.TrimEnd('\n')).Append("\n\n");
            if (previewCut)
            {
                sb.Append(words.PreviewCut).Append("\n\n");
            }
            sb.Append("</details>\n\n");
        }
        return sb.ToString();
    }

    // The longest prefix of whole lines within the byte budget.
    private static string Cut(string text, int budget, out bool cut)
    {
        cut = Encoding.UTF8.GetByteCount(text) > budget;
        if (!cut)
        {
            return text;
        }
        var end = Math.Min(text.Length, budget);
        while (end > 0 && Encoding.UTF8.GetByteCount(text.AsSpan(0, end)) > budget)
        {
            end -= Math.Max(1, end / 20);
        }
        var newline = text.LastIndexOf('\n', Math.Max(0, end - 1));
        return newline < 0 ? "" : text[..(newline + 1)];
    }

    // A fence longer than any backtick run in the text, so the text cannot close it.
    private static string Fence(string text)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return new string('`', Math.Max(3, longest + 1));
    }

    // Plain text: no link, image, HTML or emphasis can come out of a message or an option value.
    private static string Escape(string text) => Rendering.MarkdownText.Inline(text);

    /// <summary>
    /// The audit's part of a job summary, collapsed, within <paramref name="maxBytes"/>: as many
    /// findings as fit (up to <see cref="SummaryFindings"/>), the rest counted with a pointer to
    /// `profilegen audit`; empty when not even the counts fit.
    /// </summary>
    public static string AuditSummary(Audit.AuditReport report, string title, int maxBytes, ProfileCulture culture = ProfileCulture.English)
    {
        // The report speaks the profile's language; one made before the configuration was known follows the summary's.
        report = report with { Culture = culture };
        var counts = report.CountsOrNothing();
        for (var rows = SummaryFindings; ; rows /= 2)
        {
            var markdown = $"<details><summary>{Escape(title)}{Wording.For(culture).Audit.TitleSeparator} {counts}</summary>\n\n{report.ToMarkdown(title, rows)}\n</details>\n\n";
            if (Encoding.UTF8.GetByteCount(markdown) <= maxBytes)
            {
                return markdown;
            }
            if (rows == 0)
            {
                return "";
            }
        }
    }

    /// <summary>A section cut at a line to fit <paramref name="maxBytes"/>, with a note that says so (the last guard: sections are sized to fit before).</summary>
    public static string Fit(string markdown, int maxBytes, ProfileCulture culture = ProfileCulture.English)
    {
        var note = $"\n\n{Wording.For(culture).Summary.Cut}\n";
        if (Encoding.UTF8.GetByteCount(markdown) <= maxBytes)
        {
            return markdown;
        }
        var cut = Cut(markdown, Math.Max(0, maxBytes - Encoding.UTF8.GetByteCount(note) - 64), out _);
        // A cut inside a fenced block or a <details> would swallow the note: close them first.
        var fences = cut.Split('\n').Count(l => l.TrimStart().StartsWith("```", StringComparison.Ordinal));
        var open = CountOf(cut, "<details>") - CountOf(cut, "</details>");
        return cut + (fences % 2 == 1 ? "```\n" : "") + string.Concat(Enumerable.Repeat("\n</details>\n", Math.Max(0, open))) + note;
    }

    private static int CountOf(string text, string what)
    {
        var count = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    /// <summary>
    /// One annotation for an audit finding: `::error|warning|notice title=RULE::repo/path:line: message`.
    /// The finding is in another repository, so it names the place in the message, not as file=.
    /// </summary>
    public static string FindingAnnotation(Audit.AuditFinding finding) => Annotation(FindingLevel(finding), finding.Rule, FindingText(finding));

    /// <summary>The workflow command of the finding's severity: error, warning or notice.</summary>
    public static string FindingLevel(Audit.AuditFinding finding) => finding.Severity.Name();

    public static string FindingText(Audit.AuditFinding finding) =>
        $"{(finding.Path is null ? finding.Repo : $"{finding.Repo}/{finding.Where}")}: {finding.Message}";

    /// <summary>`::error|warning|notice title=TITLE::text`, escaped.</summary>
    public static string Annotation(string level, string title, string text) => $"::{level} title={Property(title)}::{Data(text)}";

    // The <picture> the card function writes (TemplateFunctions.Card): one line, its alt attribute escaped.
    [System.Text.RegularExpressions.GeneratedRegex(@"<picture><source [^>]*><img [^>]*alt=""(?<alt>[^""]*)""></picture>", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex CardPicture();
}
