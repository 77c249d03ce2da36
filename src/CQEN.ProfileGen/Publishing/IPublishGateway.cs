namespace CQEN.ProfileGen.Publishing;

/// <summary>
/// What publishing needs from GitHub: the port the publisher is written against, owned here so
/// that publishing does not depend on the adapter (GitHub/ implements it).
/// </summary>
internal interface IPublishGateway
{
    /// <summary>
    /// What publishing needs to decide, read at once (one GraphQL request where the server has it):
    /// the repository, the base head (<paramref name="baseName"/>, or the default branch) and the
    /// file on it, the branch head and its file, and the branch's pull requests of any state.
    /// </summary>
    /// <param name="teams">Whether to read team review requests (needs members: read; only when team reviewers are configured).</param>
    /// <param name="companions">Other files the profile's commit carries (its cards, its facts), read on the base and wherever the branch's file is read: their blob ids at least.</param>
    /// <param name="readInFull">The one companion whose bytes are needed (the facts file); the others may come as blob ids only.</param>
    Task<PublishReading> ReadForPublishAsync(string owner, string repo, string? baseName, string branch, string path, CancellationToken ct, bool teams = false, IReadOnlyList<string>? companions = null, string? readInFull = null);

    Task<RepoRef> GetRepositoryAsync(string owner, string repo, CancellationToken ct);

    /// <summary>The branch head, or null when the branch does not exist.</summary>
    Task<CommitRef?> GetBranchAsync(string owner, string repo, string branch, CancellationToken ct);

    Task<CommitRef> GetCommitAsync(string owner, string repo, string sha, CancellationToken ct);

    /// <summary>The commit with <see cref="CommitRef.ChangedFiles"/> filled.</summary>
    Task<CommitRef> GetCommitWithChangesAsync(string owner, string repo, string sha, CancellationToken ct);

    /// <summary>The file's bytes at a ref, or null when the path does not exist there.</summary>
    Task<byte[]?> GetFileAsync(string owner, string repo, string path, string gitRef, CancellationToken ct);

    /// <summary>Blobs, one tree (on the parent's tree; a deletion is an entry with <c>sha: null</c>) and a commit through the Git Data API; returns the new commit.</summary>
    Task<CommitRef> CreateCommitAsync(string owner, string repo, NewFileCommit commit, CancellationToken ct);

    /// <summary>
    /// Commits the files on <see cref="NewFileCommit.ParentSha"/> and points the branch at the
    /// new commit (creating it when <paramref name="expectedSha"/> is null), only if the branch is
    /// still at <paramref name="expectedSha"/>. Returns the new commit's sha.
    /// </summary>
    /// <exception cref="BranchMovedException">The branch is no longer where the run saw it: it was not moved.</exception>
    Task<string> CommitToBranchAsync(RepoRef target, string branch, string? expectedSha, NewFileCommit commit, CancellationToken ct);

    /// <summary>
    /// Compare-and-swap on a branch: points it at <paramref name="newSha"/> (null: deletes it) only
    /// if it still points at <paramref name="expectedSha"/> (null: only if it does not exist).
    /// </summary>
    /// <exception cref="BranchMovedException">The branch is no longer where the run saw it: nothing was changed.</exception>
    Task MoveBranchAsync(RepoRef target, string branch, string? expectedSha, string? newSha, CancellationToken ct);

    /// <summary>Pull requests of any state whose head is <paramref name="headOwner"/>:<paramref name="branch"/>, newest first.</summary>
    Task<IReadOnlyList<PullRequestRef>> FindPullRequestsAsync(string owner, string repo, string headOwner, string branch, CancellationToken ct);

    /// <summary>The logins of those who have already reviewed the pull request (GitHub drops them from the requested reviewers).</summary>
    Task<IReadOnlyList<string>> GetReviewersAsync(string owner, string repo, int number, CancellationToken ct);
    Task<PullRequestRef> CreatePullRequestAsync(string owner, string repo, NewPullRequestSpec spec, CancellationToken ct);
    Task<PullRequestRef> UpdatePullRequestAsync(string owner, string repo, int number, string? title, string? body, bool close, CancellationToken ct);
    Task AddCommentAsync(string owner, string repo, int number, string body, CancellationToken ct);
    Task<IReadOnlyList<string>> GetCommentsAsync(string owner, string repo, int number, CancellationToken ct);
    Task AddLabelsAsync(string owner, string repo, int number, IReadOnlyList<string> labels, CancellationToken ct);
    Task RequestReviewersAsync(string owner, string repo, int number, IReadOnlyList<string> reviewers, IReadOnlyList<string> teams, CancellationToken ct);
    /// <summary>Adds assignees; returns who is assigned afterwards (GitHub silently leaves out whoever cannot be).</summary>
    Task<IReadOnlyList<string>> AddAssigneesAsync(string owner, string repo, int number, IReadOnlyList<string> assignees, CancellationToken ct);
}

/// <param name="NodeId">GitHub's global id of the repository, which GraphQL mutations name it by.</param>
/// <param name="Visibility">public, private or internal, where the read told.</param>
internal sealed record RepoRef(string Owner, string Name, string DefaultBranch, string? NodeId = null, string? Visibility = null);

/// <summary>A commit as publishing sees it: its sha, tree, parents and message.</summary>
internal sealed record CommitRef(string Sha, string TreeSha, IReadOnlyList<string> Parents, string Message)
{
    /// <summary>How many files the commit changes, where the read told (null: not read).</summary>
    public int? ChangedFiles { get; init; }
}

/// <summary>What <see cref="IPublishGateway.ReadForPublishAsync"/> found.</summary>
internal record PublishReading
{
    public required RepoRef Target { get; init; }

    /// <summary>The token's own login (GraphQL's viewer), which GitHub refuses as a reviewer of its own pull request; null where not read.</summary>
    public string? Viewer { get; init; }

    public required string BaseName { get; init; }
    public required CommitRef BaseHead { get; init; }
    public byte[]? CurrentFile { get; init; }
    public CommitRef? BranchHead { get; init; }

    /// <summary>The file at the branch head (read at least when the head sits on the base head).</summary>
    public byte[]? BranchFile { get; init; }

    /// <summary>The other files asked for (cards, facts) on the base head, by path; null: absent there.</summary>
    public IReadOnlyDictionary<string, StoredFile?> BaseCompanions { get; init; } = new Dictionary<string, StoredFile?>();

    /// <summary>The same files at the branch head, read wherever <see cref="BranchFile"/> is.</summary>
    public IReadOnlyDictionary<string, StoredFile?> BranchCompanions { get; init; } = new Dictionary<string, StoredFile?>();

    /// <summary>The branch's pull requests, newest first.</summary>
    public IReadOnlyList<PullRequestRef> Pulls { get; init; } = [];
}

/// <summary>
/// A file as GitHub holds it: its git blob id and size, and its bytes where they were read. Two
/// contents are the same file when their blob ids are (git's own identity of a file's bytes), so
/// comparing a card needs no download of it.
/// </summary>
internal sealed record StoredFile(string BlobSha, long Size, byte[]? Bytes = null)
{
    public static StoredFile Of(byte[] bytes) => new(BlobShaOf(bytes), bytes.Length, bytes);

    /// <summary>git's blob id: SHA-1 of "blob SIZE\0" and the bytes.</summary>
    public static string BlobShaOf(byte[] bytes) =>
#pragma warning disable CA5350 // git's object id, not a security use
        Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData([.. System.Text.Encoding.ASCII.GetBytes($"blob {bytes.Length}\0"), .. bytes]));
#pragma warning restore CA5350

    public bool Holds(byte[] content) => Size == content.Length && BlobSha == BlobShaOf(content);
}

/// <summary>One file of a commit: its new bytes, or null to delete it.</summary>
internal sealed record FileChange(string Path, byte[]? Content);

/// <summary>A commit of several files at once (the profile, its cards, its facts) on <paramref name="ParentSha"/>.</summary>
internal sealed record NewFileCommit(string ParentSha, IReadOnlyList<FileChange> Changes, string Message)
{
    public NewFileCommit(string parentSha, string path, byte[] content, string message)
        : this(parentSha, [new FileChange(path, content)], message)
    {
    }
}

internal sealed record PullRequestRef(int Number, string Url, string Title, string Body, string HeadRef, string HeadSha, string BaseRef, string State)
{
    public IReadOnlyList<string> Labels { get; init; } = [];
    public IReadOnlyList<string> RequestedReviewers { get; init; } = [];

    /// <summary>Team slugs asked to review.</summary>
    public IReadOnlyList<string> RequestedTeams { get; init; } = [];

    public IReadOnlyList<string> Assignees { get; init; } = [];

    /// <summary>Who opened it: GitHub refuses to request that account's review.</summary>
    public string? Author { get; init; }

    /// <summary>Who already reviewed it (null: not read yet).</summary>
    public IReadOnlyList<string>? Reviewed { get; init; }

    /// <summary>Its comments' texts (null: not read yet).</summary>
    public IReadOnlyList<string>? Comments { get; init; }

    public bool IsOpen => State == "open";
}

internal sealed record NewPullRequestSpec(string Title, string Body, string Head, string Base, bool Draft = false);

/// <summary>A branch moved between the run's read and its write: the compare-and-swap refused to touch it.</summary>
internal sealed class BranchMovedException(string message, Exception? inner = null) : GitHubException(message, 409, inner);

/// <summary>A rule of a ruleset (or a branch protection) refused a branch move: retrying will not help.</summary>
internal sealed class RuleRefusedException(string message, Exception? inner = null) : GitHubException(message, 422, inner);
