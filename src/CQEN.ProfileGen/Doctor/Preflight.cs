using CQEN.ProfileGen.GitHub;
using CQEN.ProfileGen.Publishing;

namespace CQEN.ProfileGen.Doctor;

internal enum CheckStatus
{
    Ok,
    WillFail,
    CouldNotCheck,
}

/// <summary>One question `doctor` answered.</summary>
/// <param name="Blocks">Whether failing stops the run (false for the best-effort courtesies: labels, reviewers, teams, draft).</param>
internal sealed record Check(string Name, CheckStatus Status, string Finding, string? Fix = null, bool Blocks = true)
{
    public bool IsBlocker => Blocks && Status == CheckStatus.WillFail;
}

/// <summary>What a run would do, as far as `doctor` needs to know it.</summary>
internal sealed record PreflightRequest
{
    public required string Owner { get; init; }
    public required string Repo { get; init; }
    public required string Branch { get; init; }
    public TokenKind Kind { get; init; }

    /// <summary>Whether this run minted the token (an App): then its permissions are what it asked for.</summary>
    public bool Minted { get; init; }

    public IReadOnlyList<string> Labels { get; init; } = [];
    public IReadOnlyList<string> Reviewers { get; init; } = [];
    public IReadOnlyList<string> Teams { get; init; } = [];
    public bool Draft { get; init; }

    /// <summary>Whether the profile may list private or internal repositories (filters.visibility, or what the read found).</summary>
    public bool MayListNonPublic { get; init; }

    public bool AllowPrivateInPublic { get; init; }
}

/// <summary>Everything `doctor` read from GitHub (nothing written), for <see cref="Preflight.Judge"/>.</summary>
internal sealed record PreflightReading
{
    /// <summary>Why connecting failed (an App's installation token refused), or null.</summary>
    public string? ConnectFailure { get; init; }

    public TokenReading? Token { get; init; }
    public RepoAccess? Repo { get; init; }
    public bool BranchExists { get; init; }
    public Answer<bool>? OrgActionsSetting { get; init; }
    public Answer<bool>? RepoActionsSetting { get; init; }
    public Answer<IReadOnlyList<string>>? Rules { get; init; }
    public Answer<IReadOnlyList<string>>? Labels { get; init; }
    public IReadOnlyDictionary<string, Answer<bool>> Collaborators { get; init; } = new Dictionary<string, Answer<bool>>();
    public int? Repositories { get; init; }
}

/// <summary>
/// `profilegen doctor`, also the first step of `publish --dry-run`: read-only questions to GitHub,
/// each answered ok / will fail / could not check with the exact fix, before anything is written.
/// </summary>
internal static class Preflight
{
    public static async Task<IReadOnlyList<Check>> RunAsync(Func<Task<IGitHubGateway>> connect, PreflightRequest request, CancellationToken ct) =>
        Judge(await ReadAsync(connect, request, ct).ConfigureAwait(false), request);

    /// <summary>One request at a time (GitHub asks for serial requests); about ten in all.</summary>
    public static async Task<PreflightReading> ReadAsync(Func<Task<IGitHubGateway>> connect, PreflightRequest request, CancellationToken ct)
    {
        IGitHubGateway github;
        try
        {
            github = await connect().ConfigureAwait(false);
        }
        catch (GitHubException ex) when (ex is not RateLimitException)
        {
            return new PreflightReading { ConnectFailure = ex.Message };
        }
        var (owner, repo) = (request.Owner, request.Repo);
        var token = await github.ReadTokenAsync(ct).ConfigureAwait(false);
        var access = await github.ReadRepositoryAccessAsync(owner, repo, ct).ConfigureAwait(false);
        var reading = new PreflightReading { Token = token, Repo = access, Repositories = await github.CountRepositoriesAsync(owner, ct).ConfigureAwait(false) };
        if (access is null || request.Kind == TokenKind.None)
        {
            return reading;
        }
        var collaborators = new Dictionary<string, Answer<bool>>(StringComparer.OrdinalIgnoreCase);
        foreach (var login in request.Reviewers)
        {
            collaborators[login] = await github.IsCollaboratorAsync(owner, repo, login, ct).ConfigureAwait(false);
        }
        return reading with
        {
            BranchExists = await github.GetBranchAsync(owner, repo, request.Branch, ct).ConfigureAwait(false) is not null,
            OrgActionsSetting = await github.ReadActionsMayApprovePullRequestsAsync(owner, null, ct).ConfigureAwait(false),
            RepoActionsSetting = await github.ReadActionsMayApprovePullRequestsAsync(owner, repo, ct).ConfigureAwait(false),
            Rules = await github.ReadBranchRulesAsync(owner, repo, request.Branch, ct).ConfigureAwait(false),
            Labels = request.Labels.Count > 0 ? await github.ReadLabelNamesAsync(owner, repo, ct).ConfigureAwait(false) : null,
            Collaborators = collaborators,
        };
    }

    /// <summary>The answers, from what was read: no request here.</summary>
    public static IReadOnlyList<Check> Judge(PreflightReading reading, PreflightRequest request)
    {
        var target = $"{request.Owner}/{request.Repo}";
        if (reading.ConnectFailure is { } failure)
        {
            return
            [
                new("token", CheckStatus.WillFail, failure, $"give {Needs.Where(request.Kind)}: {Needs.All(request.Kind, request.Labels.Count > 0, request.Teams.Count > 0)}"),
                new("everything else", CheckStatus.CouldNotCheck, "not read: the run could not connect"),
            ];
        }
        var checks = new List<Check> { TokenCheck(reading, request) };
        if (reading.Repo is not { } repo)
        {
            checks.Add(new("repository", CheckStatus.WillFail, $"{target} does not exist, or the token cannot see it (GitHub answers 404 for both)",
                "create it (a public `.github` repository holds the organization's profile/README.md), or name another with publish.target_repo or --target-repo"));
            checks.Add(Budget(reading, request));
            return checks;
        }
        checks.Add(new("repository", CheckStatus.Ok, $"{target} exists ({repo.Visibility}, default branch {repo.DefaultBranch})"));
        checks.Add(Visibility(repo, request));
        checks.Add(repo.Push switch
        {
            true => new("write access", CheckStatus.Ok, $"the token's account may push to {target}"),
            false => new("write access", CheckStatus.WillFail, $"the token's account may not push to {target}", $"give {Needs.Where(request.Kind)}: {Needs.Write(request.Kind)}, {Needs.PullRequests(request.Kind)}"),
            null => new("write access", CheckStatus.CouldNotCheck, "GitHub does not say what this token may push (it does not for a GITHUB_TOKEN or an App's token)", $"{Needs.Where(request.Kind)}: {Needs.Write(request.Kind)}"),
        });
        if (request.Kind != TokenKind.None)
        {
            checks.Add(ActionsSetting(reading, request));
            checks.Add(Rules(reading, request));
        }
        if (request.Labels.Count > 0)
        {
            checks.Add(Labels(reading, request));
        }
        if (request.Reviewers.Count > 0)
        {
            checks.Add(Reviewers(reading));
        }
        if (request.Teams.Count > 0)
        {
            checks.Add(Teams(reading, request));
        }
        if (request.Draft)
        {
            checks.Add(repo.Visibility == "public"
                ? new("draft", CheckStatus.Ok, $"{target} is public: draft pull requests work on every plan", Blocks: false)
                : new("draft", CheckStatus.CouldNotCheck, $"{target} is {repo.Visibility}: GitHub Free has no draft pull requests there (the run then opens a ready one, with a warning)",
                    $"draft needs a {Needs.Draft} (GitHub Team or Enterprise); or leave out --draft", Blocks: false));
        }
        checks.Add(Budget(reading, request));
        return checks;
    }

    private static Check TokenCheck(PreflightReading reading, PreflightRequest request)
    {
        var (kind, labels, teams) = (request.Kind, request.Labels.Count > 0, request.Teams.Count > 0);
        var all = $"{Needs.Where(kind)}: {Needs.All(kind, labels, teams)}";
        return kind switch
        {
            TokenKind.None => new("token", CheckStatus.WillFail, "no token: only public data can be read, and publish cannot write",
                "set GITHUB_TOKEN or GH_TOKEN, or --app-id with --app-private-key-file"),
            TokenKind.ActionsToken => new("token", CheckStatus.CouldNotCheck, "a workflow's GITHUB_TOKEN: GitHub does not show its permissions", all),
            TokenKind.App when request.Minted => new("token", CheckStatus.Ok, $"a GitHub App's installation token, granted what the run asks for: {Needs.All(kind, labels, teams)}"),
            TokenKind.App => new("token", CheckStatus.CouldNotCheck, "an installation token given to the run: GitHub does not show its permissions", all),
            TokenKind.FineGrained => new("token", CheckStatus.CouldNotCheck, "a fine-grained token: GitHub does not show its permissions", all),
            _ when reading.Token?.Scopes is { } scopes => ClassicScopes(scopes, request),
            _ => new("token", CheckStatus.CouldNotCheck, "GitHub does not say what this token may do", all),
        };
    }

    private static Check ClassicScopes(IReadOnlyList<string> scopes, PreflightRequest request)
    {
        var listed = scopes.Count == 0 ? "no scope" : "scopes " + string.Join(", ", scopes);
        return scopes.Contains("repo") || (scopes.Contains("public_repo") && request.Repo == ".github")
            ? new("token", CheckStatus.Ok, $"a classic token with {listed}")
            : new("token", CheckStatus.WillFail, $"a classic token with {listed}",
                $"give {Needs.Where(TokenKind.Classic)}: {Needs.All(TokenKind.Classic, request.Labels.Count > 0, request.Teams.Count > 0)}");
    }

    // The leak guard's own rule (Publishing/LeakGuard), asked before anything is rendered.
    private static Check Visibility(RepoAccess repo, PreflightRequest request)
    {
        var target = $"{request.Owner}/{request.Repo}";
        if (LeakGuard.Guards(repo.Visibility, request.AllowPrivateInPublic) && request.MayListNonPublic)
        {
            return new("visibility", CheckStatus.WillFail, $"{target} is public and the profile may list private or internal repositories: publish refuses to name them there", LeakGuard.Fix);
        }
        return (request.Repo.ToLowerInvariant(), repo.Visibility) switch
        {
            (".github", "private" or "internal") => new("visibility", CheckStatus.WillFail, $"{target} is {repo.Visibility}: GitHub shows its profile/README.md on the organization's page only when it is public",
                "make the repository public (Settings → General → Danger Zone → Change visibility)", Blocks: false),
            (".github-private", "public") => new("visibility", CheckStatus.WillFail, $"{target} is public: anyone can read the members' profile",
                "make the repository private (Settings → General → Danger Zone → Change visibility)", Blocks: false),
            _ => new("visibility", CheckStatus.Ok, $"{target} is {repo.Visibility}" + (request.MayListNonPublic ? ", and may list private repositories" : ", and the profile lists public repositories only")),
        };
    }

    private static Check ActionsSetting(PreflightReading reading, PreflightRequest request)
    {
        // Only a GITHUB_TOKEN needs it; read for every token, so an administrator's check tells whether the workflow's run will pass.
        var needed = request.Kind is TokenKind.ActionsToken or TokenKind.Unknown;
        var (org, repo) = (reading.OrgActionsSetting, reading.RepoActionsSetting);
        const string Name = "Actions pull requests";
        if (org is { Known: true, Value: true } && repo is { Known: true, Value: true })
        {
            return new(Name, CheckStatus.Ok, "\"Allow GitHub Actions to create and approve pull requests\" is on for the organization and the repository");
        }
        var off = new[] { org is { Known: true, Value: false } ? "the organization" : null, repo is { Known: true, Value: false } ? "the repository" : null }.OfType<string>().ToArray();
        if (off.Length > 0)
        {
            return new(Name, CheckStatus.WillFail, $"\"Allow GitHub Actions to create and approve pull requests\" is off for {string.Join(" and ", off)}: a GITHUB_TOKEN cannot open the pull request" + (needed ? "" : " (this token does not need it)"),
                $"{Needs.PullRequests(TokenKind.ActionsToken)} and {Needs.ActionsSetting}", Blocks: needed);
        }
        return needed
            ? new(Name, CheckStatus.CouldNotCheck, "the setting is readable by administrators only (GitHub answered: " + (org?.Withheld ?? repo?.Withheld ?? "nothing") + ")",
                $"{Needs.PullRequests(TokenKind.ActionsToken)} and {Needs.ActionsSetting}")
            : new(Name, CheckStatus.Ok, "not needed: only a workflow's GITHUB_TOKEN needs \"Allow GitHub Actions to create and approve pull requests\"");
    }

    private static Check Rules(PreflightReading reading, PreflightRequest request)
    {
        const string Name = "branch rules";
        if (reading.Rules is not { Known: true, Value: { } rules })
        {
            return new(Name, CheckStatus.CouldNotCheck, $"GitHub did not list the rules on '{request.Branch}' ({reading.Rules?.Withheld})", "nothing to do unless a ruleset targets the branch", Blocks: false);
        }
        if (rules.Count == 0)
        {
            return new(Name, CheckStatus.Ok, $"no rule applies to '{request.Branch}'");
        }
        if (rules.Contains("creation") && !reading.BranchExists)
        {
            return new(Name, CheckStatus.WillFail, $"a rule restricts creating '{request.Branch}', which does not exist yet",
                "add the run's account (or the App) to the ruleset's bypass list (Settings → Rules → Rulesets), or create the branch once by hand");
        }
        var what = rules.Select(rule => rule switch
        {
            "non_fast_forward" => "force pushes blocked: the run commits on top of the branch instead",
            "deletion" => "deletions restricted: the branch is kept after the pull request is merged or closed",
            "creation" => "creations restricted: the branch exists already",
            "required_signatures" => request.Kind is TokenKind.Classic or TokenKind.FineGrained
                ? "signed commits required: signed on GraphQL, refused on the REST path (use a GitHub App there)"
                : "signed commits required: GitHub signs the run's commits",
            _ => rule,
        });
        return new(Name, CheckStatus.Ok, string.Join("; ", what));
    }

    private static Check Labels(PreflightReading reading, PreflightRequest request)
    {
        const string Name = "labels";
        if (reading.Labels is not { Known: true, Value: { } existing })
        {
            return new(Name, CheckStatus.CouldNotCheck, $"GitHub did not list the labels ({reading.Labels?.Withheld})", $"a label that does not exist yet needs {Needs.Labels(request.Kind)}", Blocks: false);
        }
        var missing = request.Labels.Where(l => !existing.Contains(l, StringComparer.OrdinalIgnoreCase)).ToArray();
        if (missing.Length == 0)
        {
            return new(Name, CheckStatus.Ok, "every configured label exists: " + string.Join(", ", request.Labels));
        }
        var names = string.Join(", ", missing);
        var mayCreate = (request.Kind == TokenKind.App && request.Minted) || (request.Kind == TokenKind.Classic && reading.Token?.Scopes?.Contains("repo") == true);
        var fix = $"create {names} in the repository (Issues → Labels), or give {Needs.Where(request.Kind)}: {Needs.Labels(request.Kind)}";
        return mayCreate
            ? new(Name, CheckStatus.Ok, $"{names} will be created")
            : request.Kind == TokenKind.Classic && reading.Token?.Scopes is not null
                ? new(Name, CheckStatus.WillFail, $"{names} do not exist, and the token may not create labels (a warning, not a stop)", fix, Blocks: false)
                : new(Name, CheckStatus.CouldNotCheck, $"{names} do not exist: creating them needs {Needs.Labels(request.Kind)}", fix, Blocks: false);
    }

    private static Check Reviewers(PreflightReading reading)
    {
        const string Name = "reviewers";
        var refused = reading.Collaborators.Where(c => c.Value is { Known: true, Value: false }).Select(c => c.Key).ToArray();
        var unknown = reading.Collaborators.Where(c => !c.Value.Known).Select(c => c.Key).ToArray();
        var fix = $"reviewers must be {Needs.Reviewers}: change publish.reviewers (or --reviewer)";
        return refused.Length > 0
            ? new(Name, CheckStatus.WillFail, $"not collaborators of the repository: {string.Join(", ", refused)} (a warning, not a stop)", fix, Blocks: false)
            : unknown.Length > 0
                ? new(Name, CheckStatus.CouldNotCheck, $"GitHub did not say whether {string.Join(", ", unknown)} may review ({reading.Collaborators[unknown[0]].Withheld})", fix, Blocks: false)
                : new(Name, CheckStatus.Ok, "collaborators, who can be asked: " + string.Join(", ", reading.Collaborators.Keys));
    }

    private static Check Teams(PreflightReading reading, PreflightRequest request)
    {
        const string Name = "team reviewers";
        var fix = $"team reviewers need {Needs.Teams(request.Kind)}";
        return request.Kind switch
        {
            TokenKind.ActionsToken => new(Name, CheckStatus.WillFail, "a GITHUB_TOKEN cannot ask a team (a warning, not a stop)", fix, Blocks: false),
            TokenKind.App when request.Minted => new(Name, CheckStatus.Ok, "the App's token was granted Members: read"),
            TokenKind.Classic when reading.Token?.Scopes is { } scopes => scopes.Any(s => s is "read:org" or "write:org" or "admin:org")
                ? new(Name, CheckStatus.Ok, "the token may read the organization's teams")
                : new(Name, CheckStatus.WillFail, "the token may not read the organization's teams (a warning, not a stop)", fix, Blocks: false),
            _ => new(Name, CheckStatus.CouldNotCheck, "GitHub does not say whether this token may read teams", fix, Blocks: false),
        };
    }

    // The read's cost, estimated as the readers spend it: GraphQL pages of 50 repositories and
    // README batches of 100; REST (no token) a README and a licence a repository.
    private static Check Budget(PreflightReading reading, PreflightRequest request)
    {
        const string Name = "request budget";
        var repositories = reading.Repositories ?? 0;
        var (budget, unit, needed) = request.Kind == TokenKind.None || reading.Token?.GraphQl is null
            ? (reading.Token?.Core, "REST requests", (2 * repositories) + 10)
            : (reading.Token.GraphQl, "GraphQL points", ((repositories + 49) / 50) + ((repositories + 99) / 100) + 5);
        if (budget is null)
        {
            return new(Name, CheckStatus.CouldNotCheck, "GitHub did not report the rate limit");
        }
        var finding = $"{budget.Remaining} of {budget.Limit} {unit} left this hour; reading {repositories} repositories and publishing needs about {needed}";
        return budget.Remaining >= needed
            ? new(Name, CheckStatus.Ok, finding)
            : new(Name, CheckStatus.WillFail, finding, $"wait until {budget.Reset.UtcDateTime:HH:mm} UTC, when the limit resets, or run with a token of its own budget (a GitHub App's, or GITHUB_TOKEN rather than none)");
    }
}
