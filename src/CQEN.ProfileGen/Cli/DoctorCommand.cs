using System.CommandLine;
using CQEN.ProfileGen.Doctor;
using CQEN.ProfileGen.GitHub;

namespace CQEN.ProfileGen.Cli;

/// <summary>
/// `profilegen doctor`: asks GitHub, read-only, what would stop a publish (token, repository,
/// visibility, write access, the Actions pull request setting, branch rules, labels, reviewers,
/// teams, draft, request budget); each check ok / will fail / could not check, with its fix.
/// Exit 1 when a check will fail that stops the run. The checks live in Doctor/.
/// </summary>
internal sealed class DoctorCommand : Command
{
    private readonly Option<bool> Json = new("--json") { Description = "Print one JSON document {\"blockers\": n, \"checks\": [...]} instead of the table." };
    private readonly Option<string?> TargetRepo = new("--target-repo") { HelpName = "REPO", Description = "Repository holding the profile (default publish.target_repo, else .github)." };
    private readonly Option<string?> Branch = new("--branch") { HelpName = "BRANCH", Description = "Branch of the pull request (default publish.branch)." };
    private readonly Option<string[]> TeamReviewer = new("--team-reviewer") { HelpName = "TEAM", Description = "A team (slug) the run would ask to review (repeatable).", AllowMultipleArgumentsPerToken = false };
    private readonly Option<bool> Draft = new("--draft") { Description = "Check as for a run that opens a draft pull request." };

    public DoctorCommand(CommandContext context)
        : base("doctor", "Check, without writing, what would stop publish: token, repository and its visibility, write access, the Actions pull request setting, branch rules, labels, reviewers, teams, draft, request budget.")
    {
        Options.Add(context.Options.Config);
        Options.Add(context.Options.Org);
        foreach (var option in context.Options.GitHubAccess)
        {
            Options.Add(option);
        }
        foreach (var option in new Option[] { TargetRepo, Branch, TeamReviewer, Draft, Json })
        {
            Options.Add(option);
        }
        SetAction(async (parse, ct) =>
        {
            var settings = context.Resolve(parse);
            var config = settings.Config;
            var request = new PreflightRequest
            {
                Owner = settings.RequireOrg(),
                Repo = parse.GetValue(TargetRepo) ?? config.Publish.TargetRepo,
                Branch = parse.GetValue(Branch) ?? config.Publish.Branch,
                Labels = config.Publish.Labels,
                Reviewers = config.Publish.Reviewers,
                Teams = parse.GetValue(TeamReviewer) ?? [],
                Draft = parse.GetValue(Draft),
                MayListNonPublic = config.Filters.Visibility.Any(v => v != "public"),
                AllowPrivateInPublic = config.Publish.AllowPrivateInPublic,
            };
            var checks = await CheckAsync(context, settings, request, ct).ConfigureAwait(false);
            // The table is English (a maintainer's diagnostic, like the console lines): in the job
            // summary of doctor itself only, never in a publish's, which speaks the profile's language.
            await context.Reporter.SummaryAsync(context.Reporter.Scrub(PreflightReport.Markdown(checks))).ConfigureAwait(false);
            await context.WriteResultAsync(null, parse.GetValue(Json) ? context.Reporter.Scrub(PreflightReport.Json(checks)) + "\n" : string.Join("", PreflightReport.Lines(checks).Select(l => context.Reporter.Scrub(l) + "\n")), ct).ConfigureAwait(false);
            return checks.Any(c => c.IsBlocker) ? ExitCodes.Error : ExitCodes.Success;
        });
    }

    /// <summary>What doctor asks about a publish about to run (the dry run's): the profile's own non-public repositories, not the filter's.</summary>
    public static PreflightRequest Preflight(Publishing.PublishRequest request, Configuration.ProfileGenConfig config) => new()
    {
        Owner = request.Owner,
        Repo = request.Repo,
        Branch = request.Branch,
        Labels = request.Labels,
        Reviewers = request.Reviewers,
        Teams = request.TeamReviewers,
        Draft = request.Draft,
        MayListNonPublic = request.NonPublicRepos.Count > 0,
        AllowPrivateInPublic = config.Publish.AllowPrivateInPublic,
    };

    /// <summary>
    /// The checks for a run about to publish <paramref name="request"/>, connected as publish
    /// connects (an App's token asks for what publish asks for).
    /// </summary>
    /// <param name="asPublish">Connect as publish does (false: as the run already connected, as a dry run does, whose App token may only read).</param>
    public static async Task<IReadOnlyList<Check>> CheckAsync(CommandContext context, RunSettings settings, PreflightRequest request, CancellationToken ct, bool asPublish = true)
    {
        var access = !asPublish ? settings.GitHub : settings.GitHub with
        {
            Org = settings.GitHub.Org ?? request.Owner,
            WriteTo = request.Repo,
            WriteToOnly = !request.MayListNonPublic,
            WritesLabels = request.Labels.Count > 0,
            AsksTeams = request.Teams.Count > 0,
        };
        request = request with
        {
            Kind = Needs.KindOf(settings.GitHub.Credentials, GitHubActions.IsActive(context.Env)),
            Minted = asPublish && settings.GitHub.Credentials is GitHubCredentials.App,
        };
        return await context.Reporter.PhaseAsync("Doctor", () => Doctor.Preflight.RunAsync(() => context.ConnectAsync(access, ct), request, ct)).ConfigureAwait(false);
    }
}
