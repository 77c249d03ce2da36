using CQEN.ProfileGen.Audit;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.GitHub;
using CQEN.ProfileGen.Publishing;
using CQEN.ProfileGen.Rendering;
using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Application;

/// <summary>
/// One run of the tool, whatever the verb: the run's one GitHub connection, and the steps the
/// verbs are made of (read, render, audit, publish, init), each returning a value. It knows
/// nothing of options or output: the verbs in Cli/ turn options into these calls and their
/// results into lines.
/// </summary>
internal sealed class ProfileRun(GitHubConnector connector, TimeProvider clock)
{
    /// <summary>The run's gateway: connected once (an App token is minted once), then the same one.</summary>
    public Task<IGitHubGateway> ConnectAsync(GitHubAccess access, CancellationToken ct) => connector.ConnectAsync(access, ct);

    /// <summary>The organization from a snapshot file (<paramref name="org"/> null: whichever it holds).</summary>
    public static Task<OrgSnapshot> ReadAsync(string snapshotPath, string? org, CancellationToken ct) =>
        new SnapshotFile(snapshotPath, "--org").ReadAsync(org, ct);

    /// <summary>The organization, read from GitHub through the run's connection.</summary>
    public static Task<OrgSnapshot> ReadAsync(IGitHubGateway gateway, string org, CancellationToken ct) => gateway.ReadAsync(org, ct);

    /// <summary>The template model of what was read, at the run's clock: built once per run and shared by every step that needs it.</summary>
    public ProfileModel Model(OrgSnapshot snapshot, ProfileGenConfig config) => TemplateModelBuilder.Build(snapshot, config, clock.GetUtcNow());

    /// <summary>
    /// The profile's files, one per culture of the run (<c>cultures:</c>), the first at
    /// <paramref name="path"/>: each page's model is built once, with the links between the pages.
    /// </summary>
    public IReadOnlyList<ProfilePage> Pages(OrgSnapshot snapshot, ProfileGenConfig config, TemplateSource template, string path) =>
        ProfilePages.Of(snapshot, config, template, path, clock.GetUtcNow());

    /// <summary>The whole profile from its template, within the size budget, with the cards it shows.</summary>
    public static RenderedProfile Render(ProfileModel model, ProfileGenConfig config, TemplateSource template, CancellationToken ct)
    {
        var markdown = ProfileRenderer.WithinBudget(ProfileRenderer.Render(template, model, ct: ct), config.Limits.MaxBytes, template.DisplayPath);
        return new RenderedProfile(markdown, model.Cards.FilesUsedBy(markdown));
    }

    /// <summary>
    /// A hand-written file with its managed regions filled from their templates, within the size
    /// budget: what publish writes over it, and what render shows of it.
    /// </summary>
    public static RenderedProfile Render(ProfileModel model, ProfileGenConfig config, string current, IReadOnlyDictionary<string, TemplateSource> regions, string where, CancellationToken ct)
    {
        var markdown = RegionsContent(model, config, regions, ct).Apply(current, where);
        return new RenderedProfile(markdown, model.Cards.FilesUsedBy(markdown));
    }

    /// <summary>The audit of what was read: no request.</summary>
    public static AuditReport Audit(OrgSnapshot snapshot, ProfileGenConfig config) => OrgAudit.Run(snapshot, config);

    /// <summary>The audit of the repositories a page lists, from that page's model (publish builds it once, for both).</summary>
    public static AuditReport Audit(OrgSnapshot snapshot, ProfileGenConfig config, ProfileModel page) => OrgAudit.Run(snapshot, config, page);

    /// <summary>The pages a publish order makes (one per culture), each with its model.</summary>
    public IReadOnlyList<ProfilePage> Pages(OrgSnapshot snapshot, PublishOrder order) => Pages(snapshot, order.Config, order.Template, order.Path);

    /// <summary>
    /// Everything publishing needs, as values: the content rendered from the one model, the
    /// cards, the facts, the audit (<see cref="Audit"/>, made first so a failure can still
    /// report it) and the pull request's words.
    /// </summary>
    public static PublishRequest Prepare(OrgSnapshot snapshot, PublishOrder order, IReadOnlyList<ProfilePage> pages, AuditReport audit, CancellationToken ct)
    {
        var config = order.Config;
        var (owner, repo, path, branch) = (snapshot.Org.Login, order.Repo, order.Path, order.Branch);
        var model = pages[0].Model;
        // The other cultures' files go in the same commit; names git or GitHub would refuse are refused now.
        var others = pages.Skip(1).Select(p => p with { Path = GitNames.Checked(p.Path, GitNames.PathProblem, "publish.culture_paths") }).ToArray();
        // The facts never say more than the page: public repositories, and those the profile lists (which the leak guard checks).
        var facts = ProfileFacts.Of(snapshot, config, model);
        facts = facts with { Repositories = [.. facts.Repositories.Where(r => r.Listed || r.Visibility == "public")] };
        return new PublishRequest
        {
            Owner = owner,
            OrgUrl = snapshot.Org.Url,
            Repo = repo,
            Path = path,
            Branch = branch,
            Base = order.Base,
            Content = order.Regions.Count == 0
                ? ProfileContent.Whole(Render(model, config, order.Template, ct).Markdown)
                : RegionsContent(model, config, order.Regions, ct),
            // The cards go in the commit beside the profile, under its own folder (cards.enabled: false turns them off).
            Cards = model.Cards,
            CardsFolder = pages[0].Folder,
            Translations = ProfileFiles.Translations([pages[0], .. others], config, order.Regions, $"{owner}/{repo}", ct),
            OtherCardPaths = [.. ProfilePages.CardPaths(others)],
            FactsPath = order.FactsPath,
            DryRun = order.DryRun,
            Force = order.Force,
            Title = order.Title ?? config.Publish.Title ?? PullRequestText.DefaultTitle(config.Culture),
            Labels = order.Labels,
            Reviewers = order.Reviewers,
            TeamReviewers = order.TeamReviewers,
            Assignees = order.Assignees,
            Draft = order.Draft,
            Culture = config.Culture,
            Audit = audit,
            Proposal = new ProposalFacts
            {
                Facts = facts,
                BaseName = order.Base ?? "",
                Groups = [.. model.Groups.Select(g => (g.Title, g.Total))],
                Path = path,
                FileUrl = $"{snapshot.Org.Url.TrimEnd('/')}/{Uri.EscapeDataString(repo)}/blob/{string.Join('/', branch.Split('/').Select(Uri.EscapeDataString))}/{string.Join('/', path.Split('/').Select(Uri.EscapeDataString))}",
            },
            NonPublicRepos = [.. model.Repos.Where(r => !r.Visibility.Equals("public", StringComparison.OrdinalIgnoreCase)).Select(r => r.Name)],
            AllowPrivateInPublic = config.Publish.AllowPrivateInPublic,
        };
    }

    /// <summary>Reads what GitHub holds, plans, and carries the plan out (a dry run stops after planning).</summary>
    public static Task<PublishOutcome> PublishAsync(IPublishGateway gateway, PublishRequest request, CancellationToken ct) =>
        new ProfilePublisher(gateway).PublishAsync(request, ct);

    private static ProfileContent RegionsContent(ProfileModel model, ProfileGenConfig config, IReadOnlyDictionary<string, TemplateSource> regions, CancellationToken ct) =>
        ProfileContent.InRegions(regions.ToDictionary(r => r.Key, r => ProfileRenderer.Render(r.Value, model, ct: ct), StringComparer.Ordinal), config.Limits.MaxBytes);
}

/// <summary>A rendered profile: its Markdown and the card files it shows (paths relative to its folder).</summary>
internal sealed record RenderedProfile(string Markdown, IReadOnlyList<Rendering.Cards.CardFile> Cards);

/// <summary>What `publish` was asked to do, in the domain's words (the verb has resolved options and configuration).</summary>
internal sealed record PublishOrder
{
    public required ProfileGenConfig Config { get; init; }
    public required TemplateSource Template { get; init; }

    /// <summary>Managed regions' templates by name; empty: the whole file from <see cref="Template"/>.</summary>
    public IReadOnlyDictionary<string, TemplateSource> Regions { get; init; } = new Dictionary<string, TemplateSource>();
    public required string Repo { get; init; }
    public required string Path { get; init; }
    public required string Branch { get; init; }
    public string? Base { get; init; }
    public string? FactsPath { get; init; }
    public bool DryRun { get; init; }
    public bool Force { get; init; }

    /// <summary>Null: publish.title, else the culture's default.</summary>
    public string? Title { get; init; }
    public IReadOnlyList<string> Labels { get; init; } = [];
    public IReadOnlyList<string> Reviewers { get; init; } = [];
    public IReadOnlyList<string> TeamReviewers { get; init; } = [];
    public IReadOnlyList<string> Assignees { get; init; } = [];
    public bool Draft { get; init; }
}
