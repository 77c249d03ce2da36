using System.CommandLine;
using CQEN.ProfileGen.Audit;

namespace CQEN.ProfileGen.Cli;

/// <summary>
/// `profilegen audit`: reads the organization once (or a --snapshot) and reports what to fix in
/// the repositories the profile lists: licence badges against licence files, broken badge links,
/// header markers, the lifecycle vocabulary, missing descriptions.
/// </summary>
internal sealed class AuditCommand : Command
{
    private readonly Option<bool> Json = new("--json") { Description = "Print one JSON document {\"findings\": [...], \"summary\": {...}} instead of the table." };
    private readonly Option<string?> FailOn = new Option<string?>("--fail-on") { Description = "Exit 3 when there are findings of this severity or worse: error, warning or never (the default)." }
        .AcceptOnlyFromAmong("error", "warning", "never");

    public AuditCommand(CommandContext context)
        : base("audit", "Report what to fix in the organization's repositories: licence badges vs licence files, broken badge links, header markers, lifecycle vocabulary, descriptions.")
    {
        foreach (var option in context.Options.Rendering)
        {
            Options.Add(option);
        }
        Options.Add(Json);
        Options.Add(FailOn);
        SetAction(async (parse, ct) =>
        {
            // AcceptOnlyFromAmong has refused anything else before the action runs.
            var failOn = parse.GetValue(FailOn) ?? "never";
            var settings = context.Resolve(parse);
            var snapshot = await context.ReadSnapshotAsync(settings, ct).ConfigureAwait(false);
            var report = OrgAudit.Run(snapshot, settings.Config);

            await context.WriteResultAsync(settings.OutputPath, parse.GetValue(Json) ? report.ToJson() : report.ToText(), ct).ConfigureAwait(false);
            foreach (var finding in report.Findings)
            {
                await context.Reporter.AnnotateAsync(GitHubActions.FindingLevel(finding), finding.Rule, GitHubActions.FindingText(finding)).ConfigureAwait(false);
            }
            // The audit is this run's outcome: shown open, first.
            await context.Reporter.SummaryAsync(report.ToMarkdown(Wording.For(settings.Config.Culture).AuditTitle + snapshot.Org.Login, GitHubActions.SummaryFindings) + "\n").ConfigureAwait(false);
            if (report.Fails(Severities.Parse(failOn)))
            {
                await context.Reporter.WriteAsync($"profilegen: audit: {report.Counts()} (--fail-on {failOn})").ConfigureAwait(false);
                return ExitCodes.Findings;
            }
            return ExitCodes.Success;
        });
    }
}
