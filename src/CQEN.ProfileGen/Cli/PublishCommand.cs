using System.CommandLine;
using System.Text.Json;
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
    private static readonly Option<bool> DryRun = new("--dry-run") { Description = "Print the unified diff and the plan of writes; write nothing (with a token, doctor's checks run first)." };
    private static readonly Option<bool> DetailedExitCode = new("--detailed-exitcode") { Description = "Exit 2 when there were changes (dry-run: would be), 0 when up to date." };
    private static readonly Option<bool> Json = new("--json") { Description = "Print one JSON line with the outcome on stdout (instead of the diff)." };
    private static readonly Option<bool> Force = new("--force") { Description = "Take the branch back even if it holds commits profilegen did not make (a push made during the run is still kept), and close an obsolete pull request carrying them." };
    private static readonly Option<string?> TargetRepo = new("--target-repo") { HelpName = "REPO", Description = "Repository holding the profile (default publish.target_repo, else .github; .github-private for a members-only profile)." };
    private static readonly Option<string?> TargetPath = new("--target-path") { HelpName = "PATH", Description = "File to keep up to date (default publish.target_path, else profile/README.md)." };
    private static readonly Option<string?> Branch = new("--branch") { HelpName = "BRANCH", Description = "Branch of the pull request (default publish.branch, else profilegen/profile-readme)." };
    private static readonly Option<string?> Base = new("--base") { HelpName = "BRANCH", Description = "Branch the pull request targets (default publish.base, else the repository's default branch)." };
    private static readonly Option<string?> Title = new("--title") { HelpName = "TEXT", Description = "Title of the pull request (default publish.title, else a title in the configured language)." };
    private static readonly Option<string[]> Label = new("--label") { HelpName = "LABEL", Description = "A label for the pull request (repeatable; default publish.labels).", AllowMultipleArgumentsPerToken = false };
    private static readonly Option<string[]> Reviewer = new("--reviewer") { HelpName = "LOGIN", Description = "Someone asked to review (repeatable; default publish.reviewers).", AllowMultipleArgumentsPerToken = false };
    private static readonly Option<string[]> TeamReviewer = new("--team-reviewer") { HelpName = "TEAM", Description = "A team (slug) asked to review (repeatable).", AllowMultipleArgumentsPerToken = false };
    private static readonly Option<string[]> Assignee = new("--assignee") { HelpName = "LOGIN", Description = "Someone the pull request is assigned to (repeatable).", AllowMultipleArgumentsPerToken = false };
    private static readonly Option<bool> Draft = new("--draft") { Description = "Open the pull request as a draft." };
    private static readonly Option<string[]> Region = new("--region") { HelpName = "NAME=FILE", Description = "NAME=FILE: fill the managed region NAME with this template (repeatable; adds to publish.regions).", AllowMultipleArgumentsPerToken = false };

    public PublishCommand(CommandContext context)
        : base("publish", "Open or update one pull request with the rendered profile README (--dry-run: show the diff, write nothing).")
    {
        foreach (var option in new Option[] { RunOptions.Config, RunOptions.Org, RunOptions.Template, RunOptions.PublishSnapshot })
        {
            Options.Add(option);
        }
        foreach (var option in RunOptions.GitHubAccess)
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
            var path = Checked(parse.GetValue(TargetPath) ?? config.Publish.TargetPath, GitNames.PathProblem, parse.GetValue(TargetPath) is null ? "publish.target_path" : "--target-path");
            var branch = Checked(parse.GetValue(Branch) ?? config.Publish.Branch, GitNames.BranchProblem, parse.GetValue(Branch) is null ? "publish.branch" : "--branch");
            var baseBranch = (parse.GetValue(Base) ?? config.Publish.Base) is { } named
                ? Checked(named, GitNames.BranchProblem, parse.GetValue(Base) is null ? "publish.base" : "--base")
                : null;
            var repo = parse.GetValue(TargetRepo) ?? config.Publish.TargetRepo;
            // An App token for this run writes to the profile's repository only, when the profile
            // needs no private repository read.
            settings = settings with
            {
                GitHub = settings.GitHub with
                {
                    WriteTo = dryRun ? null : repo,
                    WriteToOnly = config.Filters.Visibility.All(v => v == "public"),
                    WritesLabels = (parse.GetValue(Label) is { Length: > 0 } ? parse.GetValue(Label)! : config.Publish.Labels).Count > 0,
                    AsksTeams = parse.GetValue(TeamReviewer) is { Length: > 0 },
                },
            };
            var regions = Regions(parse, settings, context.Env);
            var snapshot = await context.ReadSnapshotAsync(settings, ct).ConfigureAwait(false);
            var owner = snapshot.Org.Login;

            var factsPath = Checked(config.Publish.FactsPath, GitNames.PathProblem, "publish.facts_path");
            // The cards go in the commit beside the profile, under its own folder (cards.enabled: false turns them off).
            var model = TemplateModelBuilder.Build(snapshot, config, context.Env.Clock.GetUtcNow());
            var folder = path.Contains('/', StringComparison.Ordinal) ? path[..(path.LastIndexOf('/') + 1)] : "";
            var facts = ProfileFacts.Of(snapshot, config, model);
            // The facts never say more than the page: public repositories, and those the profile lists (which the leak guard checks).
            facts = facts with { Repositories = [.. facts.Repositories.Where(r => r.Listed || r.Visibility == "public")] };
            Func<string?, string> build = regions.Count == 0
                ? _ => ProfileRenderer.WithinBudget(ProfileRenderer.Render(settings.Template, model, ct: ct), config.Limits.MaxBytes, settings.Template.DisplayPath)
                : current => CommandContext.FillRegions(
                    current ?? throw new InputException($"{owner}/{repo}:{path}: the file does not exist, so it has no managed regions to fill (publish a whole file, without regions, first)"),
                    regions, model, config, $"{owner}/{repo}:{path}", ct);

            var request = new PublishRequest
            {
                Owner = owner,
                OrgUrl = snapshot.Org.Url,
                Repo = repo,
                Path = path,
                Branch = branch,
                Base = baseBranch,
                BuildContent = build,
                Companions = text => [.. model.Cards.FilesUsedBy(text).Select(f => new FileChange(folder + f.RelativePath, f.Bytes))],
                CardPaths = [.. model.Cards.All.SelectMany(c => new[] { c.Light, c.Dark }).Select(p => folder + p)],
                FactsPath = factsPath,
                DryRun = dryRun,
                Force = parse.GetValue(Force),
                Title = parse.GetValue(Title) ?? config.Publish.Title ?? PullRequestText.DefaultTitle(config.Culture),
                Labels = parse.GetValue(Label) is { Length: > 0 } labels ? labels : config.Publish.Labels,
                Reviewers = parse.GetValue(Reviewer) is { Length: > 0 } reviewers ? reviewers : config.Publish.Reviewers,
                TeamReviewers = parse.GetValue(TeamReviewer) ?? [],
                Assignees = parse.GetValue(Assignee) ?? [],
                Draft = parse.GetValue(Draft),
                Culture = config.Culture,
                Audit = Audit.OrgAudit.Run(snapshot, config), // from what was read: no extra request
                Proposal = new ProposalFacts
                {
                    Facts = facts,
                    BaseName = baseBranch ?? "",
                    Groups = [.. model.Groups.Select(g => (g.Title, g.Total))],
                    Path = path,
                    FileUrl = $"{snapshot.Org.Url.TrimEnd('/')}/{Uri.EscapeDataString(repo)}/blob/{string.Join('/', branch.Split('/').Select(Uri.EscapeDataString))}/{string.Join('/', path.Split('/').Select(Uri.EscapeDataString))}",
                },
                NonPublicRepos = [.. model.Repos.Where(r => !r.Visibility.Equals("public", StringComparison.OrdinalIgnoreCase)).Select(r => r.Name)],
                AllowPrivateInPublic = config.Publish.AllowPrivateInPublic,
            };
            context.Reporter.AuditAfterOutcome(request.Audit, Wording.For(config.Culture).AuditTitle + owner);
            // The organization read from a snapshot is the one an App's installation is looked up on.
            var gateway = await context.ConnectAsync(settings.GitHub with { Org = settings.GitHub.Org ?? owner }, ct).ConfigureAwait(false);
            if (dryRun && settings.GitHub.Credentials is not GitHub.GitHubCredentials.None)
            {
                // doctor's checks first, so a blocker is named before the diff (the dry run's own connection: nothing minted for writing).
                var checks = await DoctorCommand.CheckAsync(context, settings with { GitHub = settings.GitHub with { Org = settings.GitHub.Org ?? owner } }, DoctorCommand.Preflight(request, config), ct, asPublish: false).ConfigureAwait(false);
                await context.Reporter.ListAsync("Doctor (dry run)", Doctor.PreflightReport.Lines(checks)).ConfigureAwait(false);
            }
            var outcome = await context.Reporter.PhaseAsync(dryRun ? "Compare (dry run)" : "Compare and write", () => new ProfilePublisher(gateway).PublishAsync(request, ct)).ConfigureAwait(false);
            await ReportAsync(context, outcome, parse.GetValue(Json), dryRun, config.Culture).ConfigureAwait(false);
            foreach (var warning in outcome.Warnings)
            {
                await context.Reporter.WarnAsync(warning).ConfigureAwait(false);
            }
            if (outcome.Warnings.Count > 0)
            {
                await context.Reporter.SummaryAsync("### GitHub refused\n\n" + string.Join("", outcome.Warnings.Select(w => $"- {w.ReplaceLineEndings(" ")}\n")) + "\n").ConfigureAwait(false);
            }
            await context.Reporter.PublishedAsync(outcome with { CardsSummary = CardsSummary(outcome, model.Cards, folder, config.Culture) }).ConfigureAwait(false);
            if (outcome.Problem is { } problem)
            {
                await context.Reporter.WriteAsync("profilegen: error: " + problem).ConfigureAwait(false);
                return ExitCodes.Error;
            }
            return parse.GetValue(DetailedExitCode) && outcome.Changed ? ExitCodes.Changes : ExitCodes.Success;
        });
    }

    private static string Checked(string value, Func<string, string?> problem, string option) =>
        problem(value) is { } why ? throw new InputException($"{option}: '{value.ReplaceLineEndings(" ")}' {why}") : value;

    private static Dictionary<string, TemplateSource> Regions(ParseResult parse, RunSettings settings, CliEnvironment env) => Regions(parse, settings, env, Region);

    /// <summary>The managed regions' templates: the configuration's, then --region NAME=FILE.</summary>
    internal static Dictionary<string, TemplateSource> Regions(ParseResult parse, RunSettings settings, CliEnvironment env, Option<string[]> regionOption)
    {
        var regions = settings.Config.Publish.Regions.ToDictionary(r => r.Key, r => TemplateSource.FromFile(r.Value), StringComparer.Ordinal);
        foreach (var value in parse.GetValue(regionOption) ?? [])
        {
            var eq = value.IndexOf('=');
            if (eq <= 0 || eq == value.Length - 1)
            {
                throw new InputException($"--region: expected NAME=FILE (got '{value}')");
            }
            var file = env.ResolvePath(value[(eq + 1)..]);
            regions[value[..eq]] = File.Exists(file) ? TemplateSource.FromFile(file) : throw new InputException($"--region: file not found: {file}");
        }
        return regions;
    }

    /// <summary>
    /// The job summary's account of the cards: what the commit adds, changes or removes (with
    /// sizes), and what each card changed says, in words and numbers (the SVG files themselves are
    /// in the pull request's files).
    /// </summary>
    internal static string CardsSummary(PublishOutcome outcome, Rendering.Cards.CardSet cards, string folder, ProfileCulture culture)
    {
        var changed = outcome.Files.Where(f => f.Kind != "unchanged").ToArray();
        if (changed.Length == 0 || outcome.Status is "unchanged" or "blocked")
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

    private static async Task ReportAsync(CommandContext context, PublishOutcome outcome, bool json, bool dryRun, ProfileCulture culture)
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
                status = outcome.Status,
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
        await context.Reporter.InfoAsync($"{outcome.Status}{pr}").ConfigureAwait(false);
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
