using System.Text;
using CQEN.ProfileGen.Publishing;

namespace CQEN.ProfileGen.Tests.Application;

/// <summary>
/// One repository held in memory behind the publishing port: branches are commits of whole file
/// sets, every branch move is a compare-and-swap as GitHub's, pull requests keep their body.
/// Enough of GitHub for the publisher's logic; the end-to-end tests hold the real adapter to
/// the stand-in server.
/// </summary>
internal sealed class FakePublishGateway : IPublishGateway
{
    private readonly Dictionary<string, Commit> _commits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _branches = new(StringComparer.Ordinal);
    private readonly List<PullRequestRef> _pulls = [];
    private int _sha;

    public FakePublishGateway(string owner, string repo, IReadOnlyDictionary<string, string> files)
    {
        (Owner, Repo) = (owner, repo);
        _branches["main"] = NewCommit(null, files.ToDictionary(f => f.Key, f => Encoding.UTF8.GetBytes(f.Value), StringComparer.Ordinal), "initial");
    }

    public string Owner { get; }
    public string Repo { get; }

    /// <summary>Every write asked of GitHub, in order ("commit", "open", "update", "labels", …).</summary>
    public List<string> Writes { get; } = [];

    /// <summary>Before the next branch move, someone else pushes a commit to that branch.</summary>
    public bool PushBeforeNextMove { get; set; }

    public IReadOnlyList<PullRequestRef> Pulls => _pulls;

    public string? FileOn(string branch, string path) =>
        _branches.TryGetValue(branch, out var sha) && _commits[sha].Files.TryGetValue(path, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;

    public IReadOnlyList<string> PathsOn(string branch) => [.. _commits[_branches[branch]].Files.Keys.Order(StringComparer.Ordinal)];

    private sealed record Commit(string Sha, string? Parent, Dictionary<string, byte[]> Files, string Message);

    private string NewCommit(string? parent, Dictionary<string, byte[]> files, string message)
    {
        var sha = (++_sha).ToString("x40", System.Globalization.CultureInfo.InvariantCulture);
        _commits[sha] = new Commit(sha, parent, files, message);
        return sha;
    }

    private CommitRef Ref(string sha) => new(sha, "tree-" + sha, _commits[sha].Parent is { } p ? [p] : [], _commits[sha].Message)
    {
        ChangedFiles = _commits[sha].Parent is { } parent ? _commits[sha].Files.Count(f => !_commits[parent].Files.TryGetValue(f.Key, out var b) || !b.AsSpan().SequenceEqual(f.Value)) + _commits[parent].Files.Keys.Count(k => !_commits[sha].Files.ContainsKey(k)) : null,
    };

    private RepoRef Target => new(Owner, Repo, "main", "R_1", "public");

    public Task<PublishReading> ReadForPublishAsync(string owner, string repo, string? baseName, string branch, string path, CancellationToken ct, bool teams = false, IReadOnlyList<string>? companions = null, string? readInFull = null)
    {
        var baseSha = _branches[baseName ?? "main"];
        var head = _branches.GetValueOrDefault(branch);
        IReadOnlyDictionary<string, StoredFile?> At(string? sha) => (companions ?? []).ToDictionary(p => p, p => sha is not null && _commits[sha].Files.TryGetValue(p, out var b) ? StoredFile.Of(b) : null, StringComparer.Ordinal);
        return Task.FromResult(new PublishReading
        {
            Target = Target,
            BaseName = baseName ?? "main",
            BaseHead = Ref(baseSha),
            CurrentFile = _commits[baseSha].Files.GetValueOrDefault(path),
            BranchHead = head is null ? null : Ref(head),
            BranchFile = head is null ? null : _commits[head].Files.GetValueOrDefault(path),
            BaseCompanions = At(baseSha),
            BranchCompanions = At(head),
            Pulls = [.. _pulls.Where(p => p.HeadRef == branch).OrderByDescending(p => p.Number)],
        });
    }

    public Task<RepoRef> GetRepositoryAsync(string owner, string repo, CancellationToken ct) => Task.FromResult(Target);

    public Task<CommitRef?> GetBranchAsync(string owner, string repo, string branch, CancellationToken ct) =>
        Task.FromResult(_branches.TryGetValue(branch, out var sha) ? Ref(sha) : null);

    public Task<CommitRef> GetCommitAsync(string owner, string repo, string sha, CancellationToken ct) => Task.FromResult(Ref(sha));

    public Task<CommitRef> GetCommitWithChangesAsync(string owner, string repo, string sha, CancellationToken ct) => Task.FromResult(Ref(sha));

    public Task<byte[]?> GetFileAsync(string owner, string repo, string path, string gitRef, CancellationToken ct)
    {
        var sha = _branches.GetValueOrDefault(gitRef) ?? gitRef;
        return Task.FromResult(_commits.TryGetValue(sha, out var c) ? c.Files.GetValueOrDefault(path) : null);
    }

    public Task<CommitRef> CreateCommitAsync(string owner, string repo, NewFileCommit commit, CancellationToken ct) =>
        Task.FromResult(Ref(Apply(commit)));

    private string Apply(NewFileCommit commit)
    {
        var files = new Dictionary<string, byte[]>(_commits[commit.ParentSha].Files, StringComparer.Ordinal);
        foreach (var change in commit.Changes)
        {
            if (change.Content is null)
            {
                files.Remove(change.Path);
            }
            else
            {
                files[change.Path] = change.Content;
            }
        }
        return NewCommit(commit.ParentSha, files, commit.Message);
    }

    public async Task<string> CommitToBranchAsync(RepoRef target, string branch, string? expectedSha, NewFileCommit commit, CancellationToken ct)
    {
        Writes.Add("commit");
        var sha = Apply(commit);
        await MoveBranchAsync(target, branch, expectedSha, sha, ct);
        return sha;
    }

    public Task MoveBranchAsync(RepoRef target, string branch, string? expectedSha, string? newSha, CancellationToken ct)
    {
        if (PushBeforeNextMove)
        {
            PushBeforeNextMove = false;
            var at = _branches.GetValueOrDefault(branch) ?? _branches["main"];
            _branches[branch] = NewCommit(at, new Dictionary<string, byte[]>(_commits[at].Files) { ["human.txt"] = "a person's push\n"u8.ToArray() }, "a person's commit");
        }
        if (_branches.GetValueOrDefault(branch) != expectedSha)
        {
            throw new BranchMovedException($"{branch} is no longer at {expectedSha}");
        }
        Writes.Add(newSha is null ? "delete branch" : "move branch");
        if (newSha is null)
        {
            _branches.Remove(branch);
        }
        else
        {
            _branches[branch] = newSha;
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PullRequestRef>> FindPullRequestsAsync(string owner, string repo, string headOwner, string branch, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<PullRequestRef>>([.. _pulls.Where(p => p.HeadRef == branch).OrderByDescending(p => p.Number)]);

    public Task<IReadOnlyList<string>> GetReviewersAsync(string owner, string repo, int number, CancellationToken ct) => Task.FromResult<IReadOnlyList<string>>([]);

    public Task<PullRequestRef> CreatePullRequestAsync(string owner, string repo, NewPullRequestSpec spec, CancellationToken ct)
    {
        Writes.Add("open");
        var pull = new PullRequestRef(_pulls.Count + 1, $"https://github.com/{owner}/{repo}/pull/{_pulls.Count + 1}", spec.Title, spec.Body, spec.Head, _branches[spec.Head], spec.Base, "open") { Author = "profilegen[bot]", Comments = [] };
        _pulls.Add(pull);
        return Task.FromResult(pull);
    }

    public Task<PullRequestRef> UpdatePullRequestAsync(string owner, string repo, int number, string? title, string? body, bool close, CancellationToken ct)
    {
        Writes.Add(close ? "close" : "update");
        return Task.FromResult(Change(number, p => p with { Title = title ?? p.Title, Body = body ?? p.Body, State = close ? "closed" : p.State, HeadSha = _branches.GetValueOrDefault(p.HeadRef) ?? p.HeadSha }));
    }

    private PullRequestRef Change(int number, Func<PullRequestRef, PullRequestRef> change)
    {
        var i = _pulls.FindIndex(p => p.Number == number);
        return _pulls[i] = change(_pulls[i]);
    }

    public Task AddCommentAsync(string owner, string repo, int number, string body, CancellationToken ct)
    {
        Writes.Add("comment");
        Change(number, p => p with { Comments = [.. p.Comments ?? [], body] });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> GetCommentsAsync(string owner, string repo, int number, CancellationToken ct) =>
        Task.FromResult(_pulls.Single(p => p.Number == number).Comments ?? []);

    public Task AddLabelsAsync(string owner, string repo, int number, IReadOnlyList<string> labels, CancellationToken ct)
    {
        Writes.Add("labels");
        Change(number, p => p with { Labels = [.. p.Labels.Union(labels, StringComparer.OrdinalIgnoreCase)] });
        return Task.CompletedTask;
    }

    public Task RequestReviewersAsync(string owner, string repo, int number, IReadOnlyList<string> reviewers, IReadOnlyList<string> teams, CancellationToken ct)
    {
        Writes.Add("reviewers");
        Change(number, p => p with { RequestedReviewers = [.. p.RequestedReviewers.Union(reviewers, StringComparer.OrdinalIgnoreCase)], RequestedTeams = [.. p.RequestedTeams.Union(teams, StringComparer.OrdinalIgnoreCase)] });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> AddAssigneesAsync(string owner, string repo, int number, IReadOnlyList<string> assignees, CancellationToken ct)
    {
        Writes.Add("assignees");
        return Task.FromResult(Change(number, p => p with { Assignees = [.. p.Assignees.Union(assignees, StringComparer.OrdinalIgnoreCase)] }).Assignees);
    }
}
