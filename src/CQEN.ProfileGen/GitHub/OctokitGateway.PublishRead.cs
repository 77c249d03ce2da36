using System.Text;
using CQEN.ProfileGen.Publishing;
using Octokit;

namespace CQEN.ProfileGen.GitHub;

// Everything publishing reads, in one GraphQL request where the server has GraphQL: the target
// repository, the base head and the file on it, the pull request branch's head and its file,
// and the branch's pull requests with their labels, reviewers, reviews and comments.
internal sealed partial class OctokitGateway
{
    // The Team fragment only when team reviewers are configured: GITHUB_TOKEN and App tokens
    // without members: read cannot read a team (REAL-GITHUB R5), and a team asked by CODEOWNERS
    // or by a person must not stop the run.
    // The other files of the profile's commit (cards, facts) are aliased file(path:) fields of the
    // same commits, c0, c1…: still one request, whatever their number.
    internal static string PublishStateQuery(bool namedBase, bool teams = false, int companions = 0) => $$"""
        query PublishState($owner: String!, $name: String!, {{(namedBase ? "$baseRef: String!, " : "")}}$branchRef: String!, $branch: String!, $path: String!{{string.Concat(Enumerable.Range(0, companions).Select(i => $", $c{i}: String!"))}}) {
          viewer { login }
          repository(owner: $owner, name: $name) {
            id
            name
            visibility
            owner { login }
            defaultBranchRef { name }
            base: {{(namedBase ? "ref(qualifiedName: $baseRef)" : "defaultBranchRef")}} { name target { ...Head } }
            branch: ref(qualifiedName: $branchRef) { name target { ...Head } }
            pullRequests(headRefName: $branch, first: 20, orderBy: {field: CREATED_AT, direction: DESC}) {
              nodes {
                number url title body state headRefName
                headRefOid
                baseRefName
                headRepositoryOwner { login }
                author { login }
                labels(first: 100) { nodes { name } }
                reviewRequests(first: 100) { nodes { requestedReviewer { ... on User { login }{{(teams ? " ... on Team { slug }" : "")}} } } }
                assignees(first: 100) { nodes { login } }
                latestReviews(first: 100) { nodes { author { login } } }
                comments(last: 100) { nodes { body } }
              }
            }
          }
        }
        fragment Head on Commit {
          oid
          message
          changedFilesIfAvailable
          tree { oid }
          parents(first: 2) { nodes { oid } }
          file(path: $path) { object { ... on Blob { text isBinary isTruncated } } }{{string.Concat(Enumerable.Range(0, companions).Select(i => $"\n  c{i}: file(path: $c{i}) {{ object {{ ... on Blob {{ text isBinary isTruncated }} }} }}"))}}
        }
        """;

    public async Task<PublishReading> ReadForPublishAsync(string owner, string repo, string? baseName, string branch, string path, CancellationToken ct, bool teams = false, IReadOnlyList<string>? companions = null, string? readInFull = null)
    {
        companions ??= [];
        if (reader != OrgReader.Rest)
        {
            try
            {
                return await ReadForPublishWithGraphQlAsync(owner, repo, baseName, branch, path, teams, companions).ConfigureAwait(false);
            }
            catch (GraphQlUnavailableException)
            {
                // An old or restricted server: the REST reads below give the same answer in a few more requests.
            }
        }
        return await ReadForPublishWithRestAsync(owner, repo, baseName, branch, path, ct, companions, readInFull).ConfigureAwait(false);
    }

    private async Task<PublishReading> ReadForPublishWithGraphQlAsync(string owner, string repo, string? baseName, string branch, string path, bool teams, IReadOnlyList<string> companions)
    {
        var what = $"{owner}/{repo} (GraphQL)";
        var variables = new Dictionary<string, object?> { ["owner"] = owner, ["name"] = repo, ["branchRef"] = "refs/heads/" + branch, ["branch"] = branch, ["path"] = path };
        if (baseName is not null)
        {
            variables["baseRef"] = "refs/heads/" + baseName;
        }
        for (var i = 0; i < companions.Count; i++)
        {
            variables[$"c{i}"] = companions[i];
        }
        var answer = await GraphQl.SendAsync(client, endpoint, PublishStateQuery(baseName is not null, teams, companions.Count), variables, GraphQlJson.Default.GraphQlAnswerPublishStateData, what).ConfigureAwait(false);
        // NOT_FOUND is "there is none"; a review request the token may not read (a team without
        // members: read) leaves that one reviewer unknown, which the plan can live with.
        if (answer.Errors is { Count: > 0 } errors && !errors.All(e => e.Type == "NOT_FOUND" || IsUnreadableReviewRequest(e)))
        {
            throw new GitHubException($"GitHub's GraphQL API refused the query for {what}: {answer.ErrorText}");
        }
        var data = answer.Data ?? throw new GitHubException($"GitHub's GraphQL API gave no data for {what}");
        var r = data.Repository ?? throw new GitHubException($"GitHub found no repository {owner}/{repo} (404): it does not exist or this token cannot see it", 404);
        var target = new RepoRef(r.Owner?.Login ?? owner, r.Name ?? repo, r.DefaultBranchRef?.Name ?? "main", r.Id, r.Visibility?.ToLowerInvariant());
        var baseRef = r.Base ?? throw new GitHubException($"{owner}/{repo} has no branch '{baseName ?? "(default)"}' to publish onto", 404);
        var baseHead = Head(baseRef.Target) ?? throw new GitHubException($"{owner}/{repo} has no branch '{baseName}' to publish onto", 404);
        var branchHead = Head(r.Branch?.Target);
        var pulls = r.PullRequests?.Present
            .Where(p => p.HeadRefName == branch && string.Equals(p.HeadRepositoryOwner?.Login, target.Owner, StringComparison.OrdinalIgnoreCase))
            .Select(p => new PullRequestRef(p.Number, p.Url ?? "", p.Title ?? "", p.Body ?? "", branch, p.HeadRefOid ?? "", p.BaseRefName ?? "", (p.State ?? "OPEN").ToLowerInvariant())
            {
                Labels = Names(p.Labels, n => n.Name),
                RequestedReviewers = Names(p.ReviewRequests, n => n.RequestedReviewer?.Login),
                RequestedTeams = Names(p.ReviewRequests, n => n.RequestedReviewer?.Slug),
                Assignees = Names(p.Assignees, n => n.Login),
                Reviewed = Names(p.LatestReviews, n => n.Author?.Login),
                Comments = Names(p.Comments, n => n.Body),
                Author = p.Author?.Login,
            })
            .ToArray() ?? [];
        return new PublishReading
        {
            Target = target,
            Viewer = data.Viewer?.Login,
            BaseName = baseRef.Name ?? baseName ?? target.DefaultBranch,
            BaseHead = baseHead.Commit,
            CurrentFile = await FileAsync(baseHead, owner, repo, path).ConfigureAwait(false),
            BranchHead = branchHead?.Commit,
            BranchFile = branchHead is null ? null : await FileAsync(branchHead, owner, repo, path).ConfigureAwait(false),
            BaseCompanions = await CompanionsAsync(baseRef.Target!, baseHead.Commit.Sha, owner, repo, companions).ConfigureAwait(false),
            BranchCompanions = branchHead is null ? new Dictionary<string, StoredFile?>() : await CompanionsAsync(r.Branch!.Target!, branchHead.Commit.Sha, owner, repo, companions).ConfigureAwait(false),
            Pulls = pulls,
        };
    }

    private async Task<IReadOnlyDictionary<string, StoredFile?>> CompanionsAsync(HeadCommit commit, string sha, string owner, string repo, IReadOnlyList<string> companions)
    {
        var files = new Dictionary<string, StoredFile?>(StringComparer.Ordinal);
        for (var i = 0; i < companions.Count; i++)
        {
            var entry = commit.Companions?.GetValueOrDefault($"c{i}") is { ValueKind: System.Text.Json.JsonValueKind.Object } found
                ? System.Text.Json.JsonSerializer.Deserialize(found, GraphQlJson.Default.TreeFile)
                : null;
            files[companions[i]] = await FileAsync(new HeadRead(new CommitRef(sha, "", [], ""), entry?.Object, entry is not null), owner, repo, companions[i]).ConfigureAwait(false) is { } bytes ? StoredFile.Of(bytes) : null;
        }
        return files;
    }

    private static bool IsUnreadableReviewRequest(GraphQlError error) =>
        error.Type is "FORBIDDEN" or "INSUFFICIENT_SCOPES"
        && error.Path?.Any(p => p.ValueKind == System.Text.Json.JsonValueKind.String && p.GetString() == "reviewRequests") == true;

    private sealed record HeadRead(CommitRef Commit, BlobText? Blob, bool Exists);

    private static HeadRead? Head(HeadCommit? commit) =>
        commit?.Oid is not { } oid ? null
            : new HeadRead(
                new CommitRef(oid, commit.Tree?.Oid ?? "", commit.Parents?.Present.Select(p => p.Oid).OfType<string>().ToArray() ?? [], commit.Message ?? "") { ChangedFiles = commit.ChangedFilesIfAvailable },
                commit.File?.Object,
                commit.File is not null);

    // GraphQL gives a blob's text decoded as UTF-8: a file in another encoding (or binary, or
    // too large) comes back lossy or empty, so its bytes are read with REST instead.
    private async Task<byte[]?> FileAsync(HeadRead head, string owner, string repo, string path)
    {
        if (!head.Exists)
        {
            return null;
        }
        if (head.Blob is { IsBinary: false, IsTruncated: false, Text: { } text } && !text.Contains('\uFFFD'))
        {
            return Encoding.UTF8.GetBytes(text);
        }
        return await GitHubErrors.GuardOptional(() => client.Repository.Content.GetRawContentByRef(owner, repo, path, head.Commit.Sha), $"{path} of {owner}/{repo}").ConfigureAwait(false);
    }

    private static IReadOnlyList<string> Names<T>(Connection<T>? connection, Func<T, string?> name)
        where T : class =>
        connection?.Present.Select(name).OfType<string>().ToArray() ?? [];

    private async Task<PublishReading> ReadForPublishWithRestAsync(string owner, string repo, string? baseName, string branch, string path, CancellationToken ct, IReadOnlyList<string> companions, string? readInFull)
    {
        var target = await GetRepositoryAsync(owner, repo, ct).ConfigureAwait(false);
        var name = baseName ?? target.DefaultBranch;
        var baseHead = await GetBranchAsync(owner, repo, name, ct).ConfigureAwait(false)
            ?? throw new GitHubException($"{owner}/{repo} has no branch '{name}' to publish onto", 404);
        var current = await GetFileAsync(owner, repo, path, baseHead.Sha, ct).ConfigureAwait(false);
        var head = await GetBranchAsync(owner, repo, branch, ct).ConfigureAwait(false);
        var pulls = await FindPullRequestsAsync(owner, repo, target.Owner, branch, ct).ConfigureAwait(false);
        // The file on the branch matters only when the branch sits on the base head (is it already this content?).
        var onBase = head is { Parents: [var parent, ..] } && parent == baseHead.Sha; // first parent: see PublishPlanner.OnBase
        var branchFile = onBase ? await GetFileAsync(owner, repo, path, head!.Sha, ct).ConfigureAwait(false) : null;
        return new PublishReading
        {
            Target = target,
            BaseName = name,
            BaseHead = baseHead,
            CurrentFile = current,
            BranchHead = head,
            BranchFile = branchFile,
            Pulls = pulls,
            BaseCompanions = await StoredFilesAsync(owner, repo, baseHead, companions, readInFull, ct).ConfigureAwait(false),
            BranchCompanions = onBase ? await StoredFilesAsync(owner, repo, head!, companions, readInFull, ct).ConfigureAwait(false) : new Dictionary<string, StoredFile?>(),
        };
    }

    // One request for the whole tree (its blob ids and sizes), and the bytes of the one file
    // needed whole: a card is compared by its blob id, never downloaded.
    private async Task<IReadOnlyDictionary<string, StoredFile?>> StoredFilesAsync(string owner, string repo, CommitRef commit, IReadOnlyList<string> paths, string? readInFull, CancellationToken ct)
    {
        var files = new Dictionary<string, StoredFile?>(StringComparer.Ordinal);
        if (paths.Count == 0)
        {
            return files;
        }
        var tree = await GitHubErrors.Guard(() => client.Git.Tree.GetRecursive(owner, repo, commit.TreeSha), $"the files of {owner}/{repo} at {commit.Sha[..Math.Min(7, commit.Sha.Length)]}").ConfigureAwait(false);
        var blobs = tree.Tree.Where(e => e.Type.StringValue == "blob").ToDictionary(e => e.Path, StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (tree.Truncated || path == readInFull)
            {
                // A tree too large to list whole (GitHub cuts it): each file read alone.
                files[path] = await GetFileAsync(owner, repo, path, commit.Sha, ct).ConfigureAwait(false) is { } bytes ? StoredFile.Of(bytes) : null;
                continue;
            }
            files[path] = blobs.TryGetValue(path, out var entry) ? new StoredFile(entry.Sha, entry.Size) : null;
        }
        return files;
    }
}
