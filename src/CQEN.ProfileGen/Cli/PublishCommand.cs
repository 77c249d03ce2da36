using System.CommandLine;
using CQEN.ProfileGen.Application;
using CQEN.ProfileGen.Publishing;
using CQEN.ProfileGen.Rendering;

namespace CQEN.ProfileGen.Cli;

/// <summary>
/// `profilegen publish`: renders, compares with the target file on GitHub, and opens or updates
/// one pull request. `--dry-run` prints the unified diff (stdout) and the plan (stderr) and
/// writes nothing.
/// </summary>
internal sealed class PublishCommand : Command
{
    private readonly Option<bool> DryRun = new("--dry-run") { Description = "Print the unified diff and the plan of writes; write nothing (with a token, doctor's checks run first)." };
    private readonly Option<bool> DetailedExitCode = new("--detailed-exitcode") { Description = "Exit 2 when there were changes (dry-run: would be), 0 when up to date." };
    private readonly Option<bool> Json = new("--json") { Description = "Print one JSON line with the outcome on stdout (instead of the diff)." };
    private readonly Option<bool> Force = new("--force") { Description = "Take the branch back even if it holds commits profilegen did not make (a push made during the run is still kept), and close an obsolete pull request carrying them." };
    private readonly Option<string?> TargetRepo = new("--target-repo") { HelpName = "REPO", Description = "Repository holding the profile (default publish.target_repo, else .github; .github-private for a members-only profile)." };
    private readonly Option<string?> TargetPath = new("--target-path") { HelpName = "PATH", Description = "File to keep up to date (default publish.target_path, else profile/README.md)." };
    private readonly Option<string?> Branch = new("--branch") { HelpName = "BRANCH", Description = "Branch of the pull request (default publish.branch, else profilegen/profile-readme)." };
    private readonly Option<string?> Base = new("--base") { HelpName = "BRANCH", Description = "Branch the pull request targets (default publish.base, else the repository's default branch)." };
    private readonly Option<string?> Title = new("--title") { HelpName = "TEXT", Description = "Title of the pull request (default publish.title, else a title in the configured language)." };
    private readonly Option<string[]> Label = new("--label") { HelpName = "LABEL", Description = "A label for the pull request (repeatable; default publish.labels).", AllowMultipleArgumentsPerToken = false };
    private readonly Option<string[]> Reviewer = new("--reviewer") { HelpName = "LOGIN", Description = "Someone asked to review (repeatable; default publish.reviewers).", AllowMultipleArgumentsPerToken = false };
    private readonly Option<string[]> TeamReviewer = new("--team-reviewer") { HelpName = "TEAM", Description = "A team (slug) asked to review (repeatable).", AllowMultipleArgumentsPerToken = false };
    private readonly Option<string[]> Assignee = new("--assignee") { HelpName = "LOGIN", Description = "Someone the pull request is assigned to (repeatable).", AllowMultipleArgumentsPerToken = false };
    private readonly Option<bool> Draft = new("--draft") { Description = "Open the pull request as a draft." };
    private readonly Option<string[]> Region = new("--region") { HelpName = "NAME=FILE", Description = "NAME=FILE: fill the managed region NAME with this template (repeatable; adds to publish.regions).", AllowMultipleArgumentsPerToken = false };

    public PublishCommand(CommandContext context)
        : base("publish", "Open or update one pull request with the rendered profile README (--dry-run: show the diff, write nothing).")
    {
        foreach (var option in new Option[] { context.Options.Config, context.Options.Org, context.Options.Template, context.Options.PublishSnapshot })
        {
            Options.Add(option);
        }
        foreach (var option in context.Options.GitHubAccess)
        {
            Options.Add(option);
        }
        foreach (var option in new Option[] { DryRun, DetailedExitCode, Json, Force, TargetRepo, TargetPath, Branch, Base, Region, Title, Label, Reviewer, TeamReviewer, Assignee, Draft })
        {
            Options.Add(option);
        }
        SetAction(async (parse, ct) =>
        {
            var settings = context.Resolve(parse);
            var config = settings.Config;
            var dryRun = parse.GetValue(DryRun);
            if (!dryRun && settings.GitHub.Credentials is GitHub.GitHubCredentials.None)
            {
                throw new InputException("publish: writing needs a token with contents:write and pull-requests:write (GITHUB_TOKEN, GH_TOKEN or a GitHub App); --dry-run works without one");
            }
            // Names git or GitHub would refuse are refused now, before any request, dry run or not.
            var path = GitNames.Checked(parse.GetValue(TargetPath) ?? config.Publish.TargetPath, GitNames.PathProblem, parse.GetValue(TargetPath) is null ? "publish.target_path" : "--target-path");
            var branch = GitNames.Checked(parse.GetValue(Branch) ?? config.Publish.Branch, GitNames.BranchProblem, parse.GetValue(Branch) is null ? "publish.branch" : "--branch");
            var baseBranch = (parse.GetValue(Base) ?? config.Publish.Base) is { } named ? GitNames.Checked(named, GitNames.BranchProblem, parse.GetValue(Base) is null ? "publish.base" : "--base") : null;
            var repo = parse.GetValue(TargetRepo) ?? config.Publish.TargetRepo;
            var labels = parse.GetValue(Label) is { Length: > 0 } l ? l : config.Publish.Labels;
            // An App token for this run writes to the profile's repository only, when the profile needs no private repository read.
            settings = settings with { GitHub = settings.GitHub with { WriteTo = dryRun ? null : repo, WriteToOnly = config.Filters.Visibility.All(v => v == "public"), WritesLabels = labels.Count > 0, AsksTeams = parse.GetValue(TeamReviewer) is { Length: > 0 } } };
            var regions = RunOptions.Regions(parse, settings, context.Env, Region);
            var snapshot = await context.ReadSnapshotAsync(settings, ct).ConfigureAwait(false);
            var order = new PublishOrder
            {
                Config = config,
                Template = settings.Template,
                Regions = regions,
                Repo = repo,
                Path = path,
                Branch = branch,
                Base = baseBranch,
                FactsPath = GitNames.Checked(config.Publish.FactsPath, GitNames.PathProblem, "publish.facts_path"),
                DryRun = dryRun,
                Force = parse.GetValue(Force),
                Title = parse.GetValue(Title),
                Labels = labels,
                Reviewers = parse.GetValue(Reviewer) is { Length: > 0 } reviewers ? reviewers : config.Publish.Reviewers,
                TeamReviewers = parse.GetValue(TeamReviewer) ?? [],
                Assignees = parse.GetValue(Assignee) ?? [],
                Draft = parse.GetValue(Draft),
            };
            var pages = context.Run.Pages(snapshot, order);
            var audit = ProfileRun.Audit(snapshot, config, pages[0].Model); // from what was read: no extra request
            PublishOutput.AuditAtEnd(context.Reporter, audit, Wording.For(config.Culture).AuditTitle + snapshot.Org.Login, config.Culture);
            var request = ProfileRun.Prepare(snapshot, order, pages, audit, ct);
            // The organization read from a snapshot is the one an App's installation is looked up on.
            settings = settings with { GitHub = settings.GitHub with { Org = settings.GitHub.Org ?? snapshot.Org.Login } };
            var gateway = await context.ConnectAsync(settings.GitHub, ct).ConfigureAwait(false);
            if (dryRun && settings.GitHub.Credentials is not GitHub.GitHubCredentials.None)
            {
                // doctor's checks first, so a blocker is named before the diff (the dry run's own connection: nothing minted for writing).
                var checks = await DoctorCommand.CheckAsync(context, settings, DoctorCommand.Preflight(request, config), ct, asPublish: false).ConfigureAwait(false);
                await context.Reporter.ListAsync("Doctor (dry run)", Doctor.PreflightReport.Lines(checks)).ConfigureAwait(false);
            }
            var outcome = await context.Reporter.PhaseAsync(dryRun ? "Compare (dry run)" : "Compare and write", () => ProfileRun.PublishAsync(gateway, request, ct)).ConfigureAwait(false);
            await PublishOutput.ReportAsync(context, outcome, request, parse.GetValue(Json), config.Culture).ConfigureAwait(false);
            return outcome.Problem is not null ? ExitCodes.Error : parse.GetValue(DetailedExitCode) && outcome.Changed ? ExitCodes.Changes : ExitCodes.Success;
        });
    }
}
