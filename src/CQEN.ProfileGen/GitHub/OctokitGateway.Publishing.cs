using Octokit;

namespace CQEN.ProfileGen.GitHub;

// The writes publishing needs, each mapped to our records at this boundary.
public sealed partial class OctokitGateway
{
    public async Task<RepoRef> GetRepositoryAsync(string owner, string repo, CancellationToken ct)
    {
        var r = await GitHubErrors.Guard(() => client.Repository.Get(owner, repo), $"repository {owner}/{repo}").ConfigureAwait(false);
        return new RepoRef(r.Owner.Login, r.Name, r.DefaultBranch);
    }

    public async Task<CommitRef?> GetBranchAsync(string owner, string repo, string branch, CancellationToken ct)
    {
        // matching-refs avoids the legacy git/refs/{ref} route, which answers a list when the
        // name is a prefix of other refs; we keep only the exact match.
        var refs = await GitHubErrors.GuardOptional(
            () => client.Connection.Get<List<Reference>>(new Uri($"repos/{owner}/{repo}/git/matching-refs/heads/{branch}", UriKind.Relative), null),
            $"branch {branch} of {owner}/{repo}").ConfigureAwait(false);
        var exact = refs?.Body?.FirstOrDefault(r => r.Ref == "refs/heads/" + branch);
        return exact is null ? null : await GetCommitAsync(owner, repo, exact.Object.Sha, ct).ConfigureAwait(false);
    }

    public async Task<CommitRef> GetCommitAsync(string owner, string repo, string sha, CancellationToken ct)
    {
        var c = await GitHubErrors.Guard(() => client.Git.Commit.Get(owner, repo, sha), $"commit {sha} of {owner}/{repo}").ConfigureAwait(false);
        return new CommitRef(c.Sha, c.Tree.Sha, c.Parents.Select(p => p.Sha).ToArray(), c.Message);
    }

    public async Task<byte[]?> GetFileAsync(string owner, string repo, string path, string gitRef, CancellationToken ct) =>
        await GitHubErrors.GuardOptional(() => client.Repository.Content.GetRawContentByRef(owner, repo, path, gitRef), $"{path} on {gitRef} of {owner}/{repo}").ConfigureAwait(false);

    public async Task<CommitRef> CreateCommitAsync(string owner, string repo, NewFileCommit commit, CancellationToken ct)
    {
        var what = $"a commit on {owner}/{repo}";
        var parent = await GetCommitAsync(owner, repo, commit.ParentSha, ct).ConfigureAwait(false);
        var blob = await GitHubErrors.Guard(() => client.Git.Blob.Create(owner, repo, new NewBlob
        {
            Content = Convert.ToBase64String(commit.Content),
            Encoding = EncodingType.Base64,
        }), what).ConfigureAwait(false);
        var tree = new NewTree { BaseTree = parent.TreeSha };
        tree.Tree.Add(new NewTreeItem { Path = commit.Path, Mode = "100644", Type = TreeType.Blob, Sha = blob.Sha });
        var createdTree = await GitHubErrors.Guard(() => client.Git.Tree.Create(owner, repo, tree), what).ConfigureAwait(false);
        // No author/committer: GitHub then signs the commit as the token's identity (Actions bot or App).
        var created = await GitHubErrors.Guard(() => client.Git.Commit.Create(owner, repo, new NewCommit(commit.Message, createdTree.Sha, commit.ParentSha)), what).ConfigureAwait(false);
        return new CommitRef(created.Sha, created.Tree.Sha, created.Parents.Select(p => p.Sha).ToArray(), created.Message);
    }

    public Task CreateBranchAsync(string owner, string repo, string branch, string sha, CancellationToken ct) =>
        GitHubErrors.Guard(() => client.Git.Reference.Create(owner, repo, new NewReference("refs/heads/" + branch, sha)), $"branch {branch} of {owner}/{repo}");

    public Task UpdateBranchAsync(string owner, string repo, string branch, string sha, bool force, CancellationToken ct) =>
        GitHubErrors.Guard(() => client.Git.Reference.Update(owner, repo, "heads/" + branch, new ReferenceUpdate(sha, force)), $"branch {branch} of {owner}/{repo}");

    public Task DeleteBranchAsync(string owner, string repo, string branch, CancellationToken ct) =>
        GitHubErrors.Guard(() => client.Git.Reference.Delete(owner, repo, "heads/" + branch), $"branch {branch} of {owner}/{repo}");

    public async Task<IReadOnlyList<PullRequestRef>> FindOpenPullRequestsAsync(string owner, string repo, string headOwner, string branch, CancellationToken ct)
    {
        // GitHub ignores a bare branch name in `head`: it must be owner:branch.
        var prs = await GitHubErrors.Guard(() => client.PullRequest.GetAllForRepository(owner, repo,
            new PullRequestRequest { State = ItemStateFilter.Open, Head = $"{headOwner}:{branch}" }, new ApiOptions { PageSize = 100 }),
            $"pull requests of {owner}/{repo}").ConfigureAwait(false);
        return prs.Where(p => p.Head.Ref == branch).Select(ToRef).ToArray();
    }

    public async Task<PullRequestRef> CreatePullRequestAsync(string owner, string repo, NewPullRequestSpec spec, CancellationToken ct)
    {
        var pr = await GitHubErrors.Guard(() => client.PullRequest.Create(owner, repo, new NewPullRequest(spec.Title, spec.Head, spec.Base) { Body = spec.Body }),
            $"a pull request on {owner}/{repo}").ConfigureAwait(false);
        return ToRef(pr);
    }

    public async Task<PullRequestRef> UpdatePullRequestAsync(string owner, string repo, int number, string? title, string? body, bool close, CancellationToken ct)
    {
        var update = new PullRequestUpdate { Title = title, Body = body };
        if (close)
        {
            update.State = ItemState.Closed;
        }
        var pr = await GitHubErrors.Guard(() => client.PullRequest.Update(owner, repo, number, update), $"pull request #{number} of {owner}/{repo}").ConfigureAwait(false);
        return ToRef(pr);
    }

    public Task AddCommentAsync(string owner, string repo, int number, string body, CancellationToken ct) =>
        GitHubErrors.Guard(() => client.Issue.Comment.Create(owner, repo, number, body), $"a comment on #{number} of {owner}/{repo}");

    public async Task<IReadOnlyList<string>> GetCommentsAsync(string owner, string repo, int number, CancellationToken ct)
    {
        var comments = await GitHubErrors.Guard(() => client.Issue.Comment.GetAllForIssue(owner, repo, number, new ApiOptions { PageSize = 100 }),
            $"comments of #{number} of {owner}/{repo}").ConfigureAwait(false);
        return comments.Select(c => c.Body).ToArray();
    }

    public Task AddLabelsAsync(string owner, string repo, int number, IReadOnlyList<string> labels, CancellationToken ct) =>
        GitHubErrors.Guard(() => client.Issue.Labels.AddToIssue(owner, repo, number, labels.ToArray()), $"labels of #{number} of {owner}/{repo}");

    public Task RequestReviewersAsync(string owner, string repo, int number, IReadOnlyList<string> reviewers, CancellationToken ct) =>
        GitHubErrors.Guard(() => client.PullRequest.ReviewRequest.Create(owner, repo, number, new PullRequestReviewRequest(reviewers.ToArray(), [])),
            $"reviewers of #{number} of {owner}/{repo}");

    private static PullRequestRef ToRef(PullRequest pr) =>
        new(pr.Number, pr.HtmlUrl, pr.Title ?? "", pr.Body ?? "", pr.Head.Ref, pr.Head.Sha, pr.Base.Ref, pr.State.StringValue);
}
