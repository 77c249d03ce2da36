using System.Security.Cryptography;
using System.Text;

namespace CQEN.ProfileGen.Tests.StandInGitHub;

/// <summary>What the stand-in GitHub holds: organizations, repositories with real git objects, pull requests, tokens.</summary>
public sealed class GitHubState
{
    private readonly object _gate = new();
    private readonly Dictionary<string, FakeRepo[]> _reposByOrg = new(StringComparer.OrdinalIgnoreCase);
    private int _nextId = 1000;

    public Dictionary<string, FakeOrg> Orgs { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, FakeRepo> Repos { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Token → the login it acts as and whether it may write. Unknown tokens get 401.</summary>
    public Dictionary<string, FakeToken> Tokens { get; } = new(StringComparer.Ordinal);

    /// <summary>Calls a token may make per hour before the primary rate limit answers 403.</summary>
    public int RateLimit { get; set; } = 5000;

    /// <summary>GitHub gives unauthenticated callers 60 requests an hour.</summary>
    public int AnonymousRateLimit { get; set; } = 60;

    public object Gate => _gate;

    public int NextId() => Interlocked.Increment(ref _nextId);

    public FakeOrg AddOrg(string login, string? name = null, string? description = null)
    {
        var org = new FakeOrg { Login = login, Name = name, Description = description, Id = NextId() };
        Orgs[login] = org;
        return org;
    }

    public FakeRepo AddRepo(string org, string name, Action<FakeRepo>? configure = null)
    {
        var repo = new FakeRepo { Owner = org, Name = name, Id = NextId() };
        configure?.Invoke(repo);
        repo.TrackPushes();
        Repos[repo.FullName] = repo;
        lock (_reposByOrg)
        {
            _reposByOrg.Remove(org);
        }
        return repo;
    }

    /// <summary>
    /// An organization's repositories in GraphQL's NAME order. Kept until a repository is added
    /// (names never change), so paging 50,000 repositories does not sort them again for every page,
    /// which GitHub does not do either.
    /// </summary>
    public FakeRepo[] ReposOf(string org)
    {
        lock (_reposByOrg)
        {
            if (!_reposByOrg.TryGetValue(org, out var repos))
            {
                repos = [.. Repos.Values.Where(r => r.Owner.Equals(org, StringComparison.OrdinalIgnoreCase)).OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase)];
                _reposByOrg[org] = repos;
            }
            return repos;
        }
    }

    public FakeToken AddToken(string token, string login = "profilegen-bot", bool canWrite = true)
    {
        var t = new FakeToken(token, login, canWrite, NextId());
        Tokens[token] = t;
        return t;
    }

    /// <summary>
    /// A workflow's GITHUB_TOKEN with these permissions (default: the starter workflow's
    /// contents: write and pull-requests: write); metadata: read is always granted.
    /// </summary>
    public FakeToken AddActionsToken(string token, IReadOnlyDictionary<string, string>? permissions = null)
    {
        var granted = new Dictionary<string, string>(permissions ?? StarterPermissions, StringComparer.Ordinal) { ["metadata"] = "read" };
        var t = new FakeToken(token, "github-actions[bot]", granted.GetValueOrDefault("contents") == "write", NextId()) { Kind = TokenKind.Actions, Permissions = granted };
        Tokens[token] = t;
        return t;
    }

    /// <summary>A classic personal access token with these scopes (GitHub sends them back in X-OAuth-Scopes).</summary>
    public FakeToken AddClassicToken(string token, string login, params string[] scopes)
    {
        var t = new FakeToken(token, login, scopes.Contains("repo") || scopes.Contains("public_repo"), NextId()) { Kind = TokenKind.ClassicPat, Scopes = scopes };
        Tokens[token] = t;
        return t;
    }

    /// <summary>A fine-grained personal access token with these repository permissions.</summary>
    public FakeToken AddFineGrainedToken(string token, string login, IReadOnlyDictionary<string, string> permissions)
    {
        var t = new FakeToken(token, login, permissions.GetValueOrDefault("contents") == "write", NextId()) { Kind = TokenKind.FineGrainedPat, Permissions = permissions };
        Tokens[token] = t;
        return t;
    }

    /// <summary>The starter workflow's `permissions:` block (templates/starter/profile-readme.yml).</summary>
    public static IReadOnlyDictionary<string, string> StarterPermissions { get; } = new Dictionary<string, string> { ["contents"] = "write", ["pull_requests"] = "write" };

    public FakeRepo Repo(string owner, string name) => Repos[$"{owner}/{name}"];

    /// <summary>GitHub Apps: their public key (to check JWTs) and the org each is installed on.</summary>
    public List<FakeApp> Apps { get; } = [];

    public FakeApp AddApp(string appId, System.Security.Cryptography.RSA publicKey, string org)
    {
        var app = new FakeApp(appId, publicKey, NextId(), org);
        Apps.Add(app);
        return app;
    }
}

public sealed class FakeOrg
{
    public required string Login { get; init; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Blog { get; set; }
    public string? Location { get; set; }

    /// <summary>The organization's public e-mail (GitHub answers null when it shows none).</summary>
    public string? Email { get; set; }
    public int Id { get; init; }
    public List<string> Pinned { get; } = [];

    /// <summary>GitHub's plan: "free" has no draft pull requests on private repositories.</summary>
    public string Plan { get; set; } = "free";

    /// <summary>
    /// Settings → Actions → General → Workflow permissions → "Allow GitHub Actions to create and
    /// approve pull requests", at the organization's level: off by default, as on GitHub.
    /// </summary>
    public bool ActionsCanCreatePullRequests { get; set; }

    /// <summary>The organization's teams (slugs) that can be asked to review.</summary>
    public HashSet<string> Teams { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Logins of the organization's owners: administrators of every repository, and of the organization's settings.</summary>
    public HashSet<string> Owners { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The custom properties the organization defines (name → GitHub's value type: string, single_select, multi_select, true_false, url).</summary>
    public Dictionary<string, string> CustomPropertySchema { get; } = new(StringComparer.Ordinal);
}

/// <summary>How a token was made: GitHub gives each kind different powers and different headers.</summary>
public enum TokenKind
{
    /// <summary>A classic personal access token: scopes (X-OAuth-Scopes), not permissions.</summary>
    ClassicPat,

    /// <summary>A fine-grained personal access token: per-permission levels.</summary>
    FineGrainedPat,

    /// <summary>A workflow's GITHUB_TOKEN: the workflow's `permissions:`, and the Actions pull request setting.</summary>
    Actions,

    /// <summary>A GitHub App installation token: the App's permissions, narrowed when minted.</summary>
    Installation,
}

/// <summary>One rule of a ruleset on the branches it targets ("~ALL" or one branch name).</summary>
/// <param name="Type">GitHub's rule type: non_fast_forward, creation, deletion, required_signatures.</param>
public sealed record FakeRule(string Type, string Branch = "~ALL")
{
    public bool Applies(string refName) => Branch == "~ALL" || refName == "refs/heads/" + Branch;
}

public sealed record FakeApp(string AppId, System.Security.Cryptography.RSA PublicKey, int InstallationId, string Org)
{
    /// <summary>What the App was granted when installed; a token asked for more is refused (422).</summary>
    public IReadOnlyDictionary<string, string> Permissions { get; init; } = new Dictionary<string, string>
    {
        ["contents"] = "write",
        ["pull_requests"] = "write",
        ["issues"] = "write",
        ["members"] = "read",
        ["metadata"] = "read",
    };
}

public sealed record FakeToken(string Token, string Login, bool CanWrite, int UserId)
{
    public int Used;

    /// <summary>An installation token limited to these repositories (null: every repository of the installation).</summary>
    public IReadOnlyList<string>? Repositories { get; init; }

    /// <summary>The permissions an installation token was asked for (null: all of the App's).</summary>
    public IReadOnlyDictionary<string, string>? Permissions { get; init; }

    public bool Reaches(FakeRepo repo) => Repositories is null || Repositories.Contains(repo.Name, StringComparer.OrdinalIgnoreCase);

    public TokenKind Kind { get; init; } = TokenKind.ClassicPat;

    /// <summary>A classic token's scopes (null: the tests' all-powerful token, sent without X-OAuth-Scopes).</summary>
    public IReadOnlyList<string>? Scopes { get; init; }

    /// <summary>Whether GitHub signs the commits this token makes through the Git Data API (bots only).</summary>
    public bool IsBot => Kind is TokenKind.Actions or TokenKind.Installation;

    /// <summary>
    /// Whether the token holds <paramref name="permission"/> (contents, pull_requests, issues,
    /// members…) at <paramref name="level"/> ("read" or "write") on <paramref name="repo"/>.
    /// </summary>
    public bool May(string permission, string level, FakeRepo? repo = null)
    {
        if (Kind == TokenKind.ClassicPat)
        {
            if (Scopes is null)
            {
                return CanWrite || level == "read";
            }
            return permission == "members"
                ? Scopes.Any(s => s is "read:org" or "write:org" or "admin:org")
                : Scopes.Contains("repo") || (Scopes.Contains("public_repo") && repo?.Visibility == "public") || level == "read";
        }
        if (Permissions is null)
        {
            return CanWrite || level == "read";
        }
        return Permissions.GetValueOrDefault(permission) is { } granted && (granted is "write" or "admin" || level == "read");
    }
}

public sealed class FakeRepo
{
    public required string Owner { get; init; }
    public required string Name { get; init; }
    public int Id { get; init; }
    public string FullName => $"{Owner}/{Name}";
    public string? Description { get; set; }
    public string? Homepage { get; set; }
    public string? Language { get; set; }
    public List<string> Topics { get; set; } = [];
    public int Stars { get; set; }
    public int Forks { get; set; }
    public bool Archived { get; set; }
    public bool Fork { get; set; }
    public bool IsTemplate { get; set; }
    public string Visibility { get; set; } = "public";
    public DateTimeOffset CreatedAt { get; set; } = new(2021, 3, 4, 5, 6, 7, TimeSpan.Zero);
    public DateTimeOffset UpdatedAt { get; set; } = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
    public DateTimeOffset? PushedAt { get; set; } = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
    public string DefaultBranch { get; set; } = "main";

    /// <summary>The custom property values set on the repository: a text, or several for a multi-select (names from its organization's schema).</summary>
    public Dictionary<string, string[]> CustomProperties { get; } = new(StringComparer.Ordinal);

    /// <summary>GitHub's licence detection: null (none), or key/name/spdx ("other"/"Other"/"NOASSERTION" when unknown).</summary>
    public (string Key, string Name, string SpdxId)? License { get; set; }

    public GitStore Git { get; } = new();
    public List<FakePullRequest> Pulls { get; } = [];

    /// <summary>
    /// Once the repository is in the state (its setup done), every push moves <see cref="PushedAt"/>
    /// forward, as GitHub's <c>pushed_at</c> moves on a push to any branch: one second past the
    /// last, so the stand-in stays deterministic and a later push always reads as later.
    /// </summary>
    internal void TrackPushes() => Git.Refs.Pushed = () => PushedAt = (PushedAt ?? CreatedAt).AddSeconds(1);

    /// <summary>The repository's half of the Actions pull request setting (off by default, as on GitHub).</summary>
    public bool ActionsCanCreatePullRequests { get; set; }

    /// <summary>Who may be asked to review or be assigned (beyond the organization's owners, whom the tests leave out).</summary>
    public HashSet<string> Collaborators { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Logins with the repository's admin role (who may read its Actions settings).</summary>
    public HashSet<string> Admins { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The repository's labels: GitHub creates these nine with every new repository.</summary>
    public HashSet<string> Labels { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        "bug", "documentation", "duplicate", "enhancement", "good first issue", "help wanted", "invalid", "question", "wontfix",
    };

    /// <summary>Rules of the rulesets that apply to this repository (organization or repository level).</summary>
    public List<FakeRule> Rules { get; } = [];

    /// <summary>Commits files on a branch (creating it), like a push. Returns the new commit sha.</summary>
    public string Commit(string branch, IReadOnlyDictionary<string, string> files, string message = "Update", bool replaceAll = false)
    {
        var parent = Git.Refs.GetValueOrDefault("refs/heads/" + branch);
        var tree = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (parent is not null && !replaceAll)
        {
            foreach (var (path, sha) in Git.Trees[Git.Commits[parent].Tree])
            {
                tree[path] = sha;
            }
        }
        foreach (var (path, text) in files)
        {
            tree[path] = Git.AddBlob(Encoding.UTF8.GetBytes(text));
        }
        var commit = Git.AddCommit(Git.AddTree(tree), parent is null ? [] : [parent], message, "octocat");
        Git.Refs["refs/heads/" + branch] = commit;
        return commit;
    }

    public byte[]? FileAt(string gitRef, string path)
    {
        var commit = Git.Resolve(gitRef);
        return commit is not null && Git.Trees[Git.Commits[commit].Tree].TryGetValue(path, out var blob) ? Git.Blobs[blob] : null;
    }

    public string? TextAt(string gitRef, string path) => FileAt(gitRef, path) is { } b ? Encoding.UTF8.GetString(b) : null;

    public IEnumerable<string> RootFiles(string gitRef) =>
        Git.Resolve(gitRef) is { } c ? Git.Trees[Git.Commits[c].Tree].Keys.Where(p => !p.Contains('/')) : [];

    /// <summary>GitHub disabled the repository (isDisabled).</summary>
    public bool Disabled { get; set; }

    /// <summary>Published releases; GitHub's latestRelease is the newest that is neither a draft nor a prerelease.</summary>
    public List<FakeRepoRelease> Releases { get; } = [];

    /// <summary>The combined check and status state of commits (StatusState: SUCCESS, FAILURE, ERROR, PENDING, EXPECTED), by sha; none: no rollup.</summary>
    public Dictionary<string, string> CommitStates { get; } = new(StringComparer.Ordinal);

    /// <summary>Gives the default branch's head commit this combined state (what its checks and statuses add up to).</summary>
    public void SetCi(string state) => CommitStates[Git.Resolve(DefaultBranch)!] = state;
}

public sealed record FakeRepoRelease(string Tag, DateTimeOffset PublishedAt, bool Draft = false, bool Prerelease = false);

public sealed class FakePullRequest
{
    public int Number { get; init; }
    public required string Title { get; set; }
    public string Body { get; set; } = "";
    public required string Head { get; init; }
    public required string Base { get; set; }
    public string State { get; set; } = "open";
    public List<string> Labels { get; } = [];
    public List<string> Reviewers { get; } = [];

    /// <summary>Who has submitted a review: GitHub drops them from requested_reviewers.</summary>
    public List<string> Reviews { get; } = [];

    public string Author { get; set; } = "octocat";
    public List<string> TeamReviewers { get; } = [];
    public List<string> Assignees { get; } = [];
    public bool Draft { get; set; }
    public List<string> Comments { get; } = [];
}

/// <summary>
/// Git objects with real git SHA-1 ids for blobs and commits. Trees are kept flat (full path →
/// blob), hashed over a canonical listing: the API shape is GitHub's, the storage is simple.
/// </summary>
public sealed class GitStore
{
    public Dictionary<string, byte[]> Blobs { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, SortedDictionary<string, string>> Trees { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, GitCommit> Commits { get; } = new(StringComparer.Ordinal);
    public RefTable Refs { get; } = new();

    public bool IsEmpty => Refs.Count == 0;

    /// <summary>Commits GitHub did not sign (made through the Git Data API with a personal token).</summary>
    public HashSet<string> Unsigned { get; } = new(StringComparer.Ordinal);

    public string AddBlob(byte[] content)
    {
        var header = Encoding.ASCII.GetBytes($"blob {content.Length}\0");
        var sha = Sha1([.. header, .. content]);
        Blobs[sha] = content;
        return sha;
    }

    public string AddTree(SortedDictionary<string, string> entries)
    {
        var sha = Sha1(Encoding.UTF8.GetBytes("tree\0" + string.Join('\n', entries.Select(e => $"100644 {e.Key}\t{e.Value}"))));
        Trees[sha] = new SortedDictionary<string, string>(entries, StringComparer.Ordinal);
        return sha;
    }

    private long _clock = 1_700_000_000;

    public string AddCommit(string tree, IReadOnlyList<string> parents, string message, string author)
    {
        var time = Interlocked.Increment(ref _clock);
        var text = $"tree {tree}\n{string.Concat(parents.Select(p => $"parent {p}\n"))}author {author} <{author}@users.noreply.github.com> {time} +0000\ncommitter GitHub <noreply@github.com> {time} +0000\n\n{message}";
        var body = Encoding.UTF8.GetBytes(text);
        var sha = Sha1([.. Encoding.ASCII.GetBytes($"commit {body.Length}\0"), .. body]);
        Commits[sha] = new GitCommit(sha, tree, parents, message, author, DateTimeOffset.FromUnixTimeSeconds(time));
        return sha;
    }

    /// <summary>A branch name, "refs/heads/x", or a commit sha → commit sha.</summary>
    public string? Resolve(string gitRef) =>
        Commits.ContainsKey(gitRef) ? gitRef : Refs.GetValueOrDefault(gitRef.StartsWith("refs/", StringComparison.Ordinal) ? gitRef : "refs/heads/" + gitRef);

    public bool IsAncestor(string ancestor, string descendant)
    {
        var seen = new HashSet<string>();
        var queue = new Queue<string>([descendant]);
        while (queue.TryDequeue(out var sha))
        {
            if (sha == ancestor)
            {
                return true;
            }
            if (seen.Add(sha) && Commits.TryGetValue(sha, out var c))
            {
                foreach (var p in c.Parents)
                {
                    queue.Enqueue(p);
                }
            }
        }
        return false;
    }

    private static string Sha1(byte[] data) => Convert.ToHexStringLower(SHA1.HashData(data));
}

/// <summary>
/// A repository's refs. Setting one is a push: GitHub then moves the repository's
/// <c>pushed_at</c> (<see cref="FakeRepo.PushedAt"/>), whichever branch moved.
/// </summary>
public sealed class RefTable : Dictionary<string, string>
{
    public RefTable()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>Called after a ref is set (the repository records the push).</summary>
    public System.Action? Pushed { get; set; }

    public new string this[string name]
    {
        get => base[name];
        set
        {
            base[name] = value;
            Pushed?.Invoke();
        }
    }
}

public sealed record GitCommit(string Sha, string Tree, IReadOnlyList<string> Parents, string Message, string Author, DateTimeOffset Date);
