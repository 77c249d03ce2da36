using System.Text.Json;
using CQEN.ProfileGen.Publishing;
using CQEN.ProfileGen.Rendering;

namespace CQEN.ProfileGen.Cli;

/// <summary>What `publish` shows of its outcome: the lines, the JSON outcome and the job summary's sections.</summary>
internal static class PublishOutput
{
    /// <summary>The audit of what was read, at the end of the job summary, after the outcome or the failure.</summary>
    public static void AuditAtEnd(Reporter reporter, Audit.AuditReport audit, string title, ProfileCulture culture) =>
        reporter.SummaryAtEnd(left => GitHubActions.AuditSummary(audit, title, left, culture));

    /// <summary>The step's outputs and the job summary's account of the outcome, then the audit.</summary>
    public static async Task SummaryAsync(Reporter reporter, PublishOutcome outcome, GitHub.GitHubUsage usage, ProfileCulture culture)
    {
        await reporter.OutputsAsync(GitHubActions.Outputs(outcome.Status.Name(), outcome.Changed, outcome)).ConfigureAwait(false);
        await reporter.SummaryAsync(left => GitHubActions.Summary(outcome, usage, left, culture)).ConfigureAwait(false);
        await reporter.EndSummaryAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// The job summary's account of the cards: what the commit adds, changes or removes (with
    /// sizes), and what each card changed says, in words and numbers (the SVG files themselves are
    /// in the pull request's files).
    /// </summary>
    internal static string CardsSummary(PublishOutcome outcome, Rendering.Cards.CardSet cards, string folder, ProfileCulture culture)
    {
        var changed = outcome.Files.Where(f => f.Kind != "unchanged").ToArray();
        if (changed.Length == 0 || !outcome.Status.IsChange())
        {
            return "";
        }
        var words = ChangeWording.For(culture);
        string N(int n) => TemplateFunctions.FormatNumber(n, culture);
        var sb = new System.Text.StringBuilder($"### {words.CardsTitle}\n\n{words.CardsIntro}\n\n| {words.CardFileHeader} | {words.CardChangeHeader} | {words.CardBytesHeader} |\n| --- | --- | ---: |\n");
        foreach (var f in changed)
        {
            sb.Append($"| {MarkdownText.TableCell(f.Path)} | {words.CardChange(f.Kind)} | {(f.Before is { } before ? N(before) + " → " : "")}{N(f.Bytes)} |\n");
        }
        var described = cards.All.Where(c => changed.Any(f => f.Kind != "removed" && (f.Path == folder + c.Light || f.Path == folder + c.Dark))).ToArray();
        if (described.Length > 0)
        {
            sb.Append('\n');
            foreach (var card in described)
            {
                sb.Append($"- {MarkdownText.Inline(card.Alt)}\n"); // the alt text names the card and states its numbers
            }
        }
        return sb.Append('\n').ToString();
    }

    /// <summary>Everything the outcome shows: the lines (or the JSON line), the warnings, the job summary's sections and the step's outputs.</summary>
    public static async Task ReportAsync(CommandContext context, PublishOutcome outcome, PublishRequest request, bool json, ProfileCulture culture)
    {
        await LinesAsync(context, outcome, json, request.DryRun, culture).ConfigureAwait(false);
        foreach (var warning in outcome.Warnings)
        {
            await context.Reporter.WarnAsync(warning).ConfigureAwait(false);
        }
        if (outcome.Warnings.Count > 0)
        {
            await context.Reporter.SummaryAsync("### GitHub refused\n\n" + string.Join("", outcome.Warnings.Select(w => $"- {w.ReplaceLineEndings(" ")}\n")) + "\n").ConfigureAwait(false);
        }
        var cards = request.Cards is { } set ? CardsSummary(outcome, set, request.CardsFolder, culture) : "";
        await SummaryAsync(context.Reporter, outcome with { CardsSummary = cards }, context.Connector.Usage, culture).ConfigureAwait(false);
        if (outcome.Problem is { } problem)
        {
            await context.Reporter.WriteAsync("profilegen: error: " + problem).ConfigureAwait(false);
        }
    }

    private static async Task LinesAsync(CommandContext context, PublishOutcome outcome, bool json, bool dryRun, ProfileCulture culture)
    {
        var env = context.Env;
        if (dryRun && !json && outcome.ChangeList.Count > 0)
        {
            await context.Reporter.ListAsync("Changes", outcome.ChangeList).ConfigureAwait(false);
        }
        if (json)
        {
            await env.Out.WriteLineAsync(JsonSerializer.Serialize(new
            {
                status = outcome.Status.Name(),
                changed = outcome.Changed,
                pull_request = outcome.PullRequestNumber is { } n ? new { number = n, url = outcome.PullRequestUrl } : null,
                branch = outcome.Branch,
                diff = new { added = outcome.Diff.Added, removed = outcome.Diff.Removed },
                requests = Cost(context.Connector.Usage),
            })).ConfigureAwait(false);
        }
        else if (dryRun)
        {
            // Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
            var colour = env.OutputIsTerminal && !env.Variables.ContainsKey("NO_COLOR");
            await env.Out.WriteAsync(colour ? outcome.Diff.ToAnsi() : outcome.Diff.Text).ConfigureAwait(false);
            await env.Out.FlushAsync().ConfigureAwait(false);
            var words = ChangeWording.For(culture);
            await context.Reporter.ListAsync("Cards", outcome.Files.Where(f => f.Kind != "unchanged")
                .Select(f => words.CardLine(f.Path, words.CardChange(f.Kind), TemplateFunctions.FormatNumber(f.Bytes, culture)))).ConfigureAwait(false);
        }
        await context.Reporter.ListAsync(dryRun ? "Plan (dry run: nothing written)" : "Writes", outcome.Plan.Select(step => (dryRun ? ChangeWording.For(culture).Plan.Would : "") + step)).ConfigureAwait(false);
        var pr = outcome.PullRequestNumber is { } number ? $" (#{number} {outcome.PullRequestUrl})" : "";
        await context.Reporter.InfoAsync($"{outcome.Status.Name()}{pr}").ConfigureAwait(false);
    }

    private static object Cost(GitHub.GitHubUsage usage) => new
    {
        total = usage.Requests,
        graphql = usage.GraphQlRequests,
        rest = usage.RestRequests,
        graphql_points_used = usage.Limit("graphql")?.Used,
        graphql_points_remaining = usage.Limit("graphql")?.Remaining,
        rest_remaining = usage.Limit("core")?.Remaining,
    };
}
