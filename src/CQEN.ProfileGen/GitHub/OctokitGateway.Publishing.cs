using CQEN.ProfileGen.Publishing;
using Octokit;

namespace CQEN.ProfileGen.GitHub;

// The writes publishing needs, each mapped to our records at this boundary.
internal sealed partial class OctokitGateway
{
    public async Task<RepoRef> GetRepositoryAsync(string owner, string repo, CancellationToken ct)
    {
        var r = await GitHubErrors.Guard(() => client.Repository.Get(owner, repo), $"repository {owner}/{repo}").ConfigureAwait(false);
        return new RepoRef(r.Owner.Login, r.Name, r.DefaultBranch, r.NodeId, r.Visibility?.ToString().ToLowerInvariant() ?? (r.Private ? "private" : "public"));
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

    public async Task<CommitRef> GetCommitWithChangesAsync(string owner, string repo, string sha, CancellationToken ct)
    {
        var c = await GitHubErrors.Guard(() => client.Repository.Commit.Get(owner, repo, sha), $"commit {sha} of {owner}/{repo}").ConfigureAwait(false);
        return new CommitRef(c.Sha, c.Commit.Tree.Sha, c.Parents.Select(p => p.Sha).ToArray(), c.Commit.Message) { ChangedFiles = c.Files?.Count };
    }

    public async Task<byte[]?> GetFileAsync(string owner, string repo, string path, string gitRef, CancellationToken ct) =>
        await GitHubErrors.GuardOptional(() => client.Repository.Content.GetRawContentByRef(owner, repo, path, gitRef), $"{path} on {gitRef} of {owner}/{repo}").ConfigureAwait(false);

    public Task<CommitRef> CreateCommitAsync(string owner, string repo, NewFileCommit commit, CancellationToken ct) =>
        CreateCommitAsync(owner, repo, commit, null, ct);

    // With `alsoOn`, the commit has the branch head as a second parent: the files on the base's
    // tree, and a fast-forward of the branch, so the move needs no force.
    private async Task<CommitRef> CreateCommitAsync(string owner, string repo, NewFileCommit commit, string? alsoOn, CancellationToken ct)
    {
        var what = $"a commit on {owner}/{repo}";
        var parent = await GetCommitAsync(owner, repo, commit.ParentSha, ct).ConfigureAwait(false);
        var entries = new List<Dictionary<string, object?>>();
        foreach (var change in commit.Changes)
        {
            string? sha = null;
            if (change.Content is { } content)
            {
                var blob = await GitHubErrors.Guard(() => client.Git.Blob.Create(owner, repo, new NewBlob
                {
                    Content = Convert.ToBase64String(content),
                    Encoding = EncodingType.Base64,
                }), what).ConfigureAwait(false);
                sha = blob.Sha;
            }
            // "sha: null" deletes the path (GitHub's "Create a tree"); the null must be sent, which
            // Octokit's serializer leaves out, so the tree is posted as JSON written here.
            entries.Add(new Dictionary<string, object?> { ["path"] = change.Path, ["mode"] = "100644", ["type"] = "blob", ["sha"] = sha });
        }
        var body = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?> { ["base_tree"] = parent.TreeSha, ["tree"] = entries });
        var answer = await GitHubErrors.Guard(() => client.Connection.Post<string>(new Uri($"repos/{owner}/{repo}/git/trees", UriKind.Relative), body, "application/vnd.github+json", "application/json"), what).ConfigureAwait(false);
        var treeSha = TreeSha(answer.HttpResponse.Body as string) ?? throw new GitHubException($"GitHub gave no tree for {what}");
        // No author/committer: GitHub then signs the commit as the token's identity (Actions bot or App).
        string[] parents = alsoOn is null || alsoOn == commit.ParentSha ? [commit.ParentSha] : [commit.ParentSha, alsoOn];
        var created = await GitHubErrors.Guard(() => client.Git.Commit.Create(owner, repo, new NewCommit(commit.Message, treeSha, parents)), what).ConfigureAwait(false);
        return new CommitRef(created.Sha, created.Tree.Sha, created.Parents.Select(p => p.Sha).ToArray(), created.Message);
    }

    private static string? TreeSha(string? json)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(json ?? "");
            return document.RootElement.TryGetProperty("sha", out var sha) ? sha.GetString() : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    // createCommitOnBranch's fileChanges: every file written in full (base64), every deletion by path.
    private static Dictionary<string, object?> FileChanges(NewFileCommit commit) => new()
    {
        ["additions"] = commit.Changes.Where(c => c.Content is not null).Select(c => new Dictionary<string, object?> { ["path"] = c.Path, ["contents"] = Convert.ToBase64String(c.Content!) }).ToArray(),
        ["deletions"] = commit.Changes.Where(c => c.Content is null).Select(c => new Dictionary<string, object?> { ["path"] = c.Path }).ToArray(),
    };

    public async Task<string> CommitToBranchAsync(RepoRef target, string branch, string? expectedSha, NewFileCommit commit, CancellationToken ct)
    {
        if (reader != OrgReader.Rest && target.NodeId is { } repositoryId)
        {
            try
            {
                return await CommitToBranchWithGraphQlAsync(target, repositoryId, branch, expectedSha, commit).ConfigureAwait(false);
            }
            catch (GraphQlUnavailableException)
            {
                // A server without GraphQL: the Git Data API and a re-checked move below.
            }
        }
        // On top of the head just read (#28): the move is a fast-forward, which GitHub refuses if
        // anyone pushed since, so a push is never erased, even between our last read and the move.
        var created = await CreateCommitAsync(target.Owner, target.Name, commit, expectedSha, ct).ConfigureAwait(false);
        await MoveBranchWithRestAsync(target, branch, expectedSha, created.Sha).ConfigureAwait(false);
        return created.Sha;
    }

    internal const string CommitToBranchMutation = """
        mutation CommitToBranch($repositoryId: ID!, $refUpdates: [RefUpdate!]!, $commit: CreateCommitOnBranchInput!) {
          move: updateRefs(input: {repositoryId: $repositoryId, refUpdates: $refUpdates}) { clientMutationId }
          commit: createCommitOnBranch(input: $commit) { commit { oid } }
        }
        """;

    // One request: the branch is put on the base head (compare-and-swap on where the run saw it),
    // then GitHub commits the file on it (compare-and-swap on the base head). GitHub signs the
    // commit. If the first part fails, the second finds the branch elsewhere and fails too.
    private async Task<string> CommitToBranchWithGraphQlAsync(RepoRef target, string repositoryId, string branch, string? expectedSha, NewFileCommit commit)
    {
        var what = $"a commit on branch {branch} of {target.Owner}/{target.Name}";
        var newline = commit.Message.IndexOf('\n', StringComparison.Ordinal);
        var variables = new Dictionary<string, object?>
        {
            ["repositoryId"] = repositoryId,
            ["refUpdates"] = new[] { new Dictionary<string, object?> { ["name"] = "refs/heads/" + branch, ["afterOid"] = commit.ParentSha, ["beforeOid"] = expectedSha ?? ZeroOid, ["force"] = true } },
            ["commit"] = new Dictionary<string, object?>
            {
                ["branch"] = new Dictionary<string, object?> { ["repositoryNameWithOwner"] = $"{target.Owner}/{target.Name}", ["branchName"] = branch },
                ["expectedHeadOid"] = commit.ParentSha,
                ["message"] = new Dictionary<string, object?>
                {
                    ["headline"] = newline < 0 ? commit.Message : commit.Message[..newline],
                    ["body"] = newline < 0 ? null : commit.Message[(newline + 1)..].Trim('\n'),
                },
                ["fileChanges"] = FileChanges(commit),
            },
        };
        var answer = await GraphQl.SendAsync(client, endpoint, CommitToBranchMutation, variables, GraphQlJson.Default.GraphQlAnswerCommitToBranchData, what).ConfigureAwait(false);
        var errors = answer.ErrorText;
        if (errors is null && answer.Data?.Commit?.Commit?.Oid is { } oid)
        {
            return oid;
        }
        if (answer.Data?.Move is null)
        {
            var now = await BranchShaAsync(target, branch).ConfigureAwait(false);
            if (now != expectedSha)
            {
                throw Moved(target, branch, expectedSha, now);
            }
            if (expectedSha is not null && IsRuleRefusal(errors))
            {
                // A rule (block force pushes) refuses putting the branch back on the base (R8):
                // commit on top of the branch as the run read it instead, a fast-forward.
                return await CommitOnBranchHeadAsync(target, branch, expectedSha, commit).ConfigureAwait(false);
            }
        }
        throw new GitHubException($"GitHub refused {what}: {errors ?? "no commit in its answer"}");
    }

    internal const string CommitOnBranchMutation = """
        mutation CommitOnBranch($commit: CreateCommitOnBranchInput!) {
          commit: createCommitOnBranch(input: $commit) { commit { oid } }
        }
        """;

    private async Task<string> CommitOnBranchHeadAsync(RepoRef target, string branch, string branchHead, NewFileCommit commit)
    {
        var what = $"a commit on branch {branch} of {target.Owner}/{target.Name}";
        var newline = commit.Message.IndexOf('\n', StringComparison.Ordinal);
        var variables = new Dictionary<string, object?>
        {
            ["commit"] = new Dictionary<string, object?>
            {
                ["branch"] = new Dictionary<string, object?> { ["repositoryNameWithOwner"] = $"{target.Owner}/{target.Name}", ["branchName"] = branch },
                ["expectedHeadOid"] = branchHead,
                ["message"] = new Dictionary<string, object?>
                {
                    ["headline"] = newline < 0 ? commit.Message : commit.Message[..newline],
                    ["body"] = newline < 0 ? null : commit.Message[(newline + 1)..].Trim('\n'),
                },
                ["fileChanges"] = FileChanges(commit),
            },
        };
        var answer = await GraphQl.SendAsync(client, endpoint, CommitOnBranchMutation, variables, GraphQlJson.Default.GraphQlAnswerCommitToBranchData, what).ConfigureAwait(false);
        if (answer.ErrorText is null && answer.Data?.Commit?.Commit?.Oid is { } oid)
        {
            return oid;
        }
        var now = await BranchShaAsync(target, branch).ConfigureAwait(false);
        throw now != branchHead ? Moved(target, branch, branchHead, now) : new GitHubException($"GitHub refused {what}: {answer.ErrorText ?? "no commit in its answer"}");
    }

    // What GitHub says when a ruleset or a branch protection refuses a ref update.
    private static bool IsRuleRefusal(string? errors) =>
        errors is not null && (errors.Contains("rule violation", StringComparison.OrdinalIgnoreCase) || errors.Contains("protected branch", StringComparison.OrdinalIgnoreCase)
            || errors.Contains("force-push", StringComparison.OrdinalIgnoreCase) || errors.Contains("force push", StringComparison.OrdinalIgnoreCase));

    public async Task MoveBranchAsync(RepoRef target, string branch, string? expectedSha, string? newSha, CancellationToken ct)
    {
        if (reader != OrgReader.Rest && target.NodeId is { } repositoryId)
        {
            try
            {
                await MoveBranchWithGraphQlAsync(target, repositoryId, branch, expectedSha, newSha).ConfigureAwait(false);
                return;
            }
            catch (GraphQlUnavailableException)
            {
                // A server without GraphQL: the REST path below re-reads the branch right before moving it.
            }
        }
        await MoveBranchWithRestAsync(target, branch, expectedSha, newSha).ConfigureAwait(false);
    }

    private const string ZeroOid = "0000000000000000000000000000000000000000";

    internal const string UpdateRefsMutation = """
        mutation MoveBranch($repositoryId: ID!, $refUpdates: [RefUpdate!]!) {
          updateRefs(input: {repositoryId: $repositoryId, refUpdates: $refUpdates}) { clientMutationId }
        }
        """;

    // updateRefs checks beforeOid on GitHub's side, in the same operation as the move: a push
    // that lands between our read and this write makes it fail instead of being erased.
    private async Task MoveBranchWithGraphQlAsync(RepoRef target, string repositoryId, string branch, string? expectedSha, string? newSha)
    {
        var what = $"branch {branch} of {target.Owner}/{target.Name}";
        var update = new Dictionary<string, object?>
        {
            ["name"] = "refs/heads/" + branch,
            ["afterOid"] = newSha ?? ZeroOid,
            ["beforeOid"] = expectedSha ?? ZeroOid,
            ["force"] = true, // our new commit sits on the base, not on our previous one
        };
        var errors = (await GraphQl.SendAsync(client, endpoint, UpdateRefsMutation, new { repositoryId, refUpdates = new[] { update } }, GraphQlJson.Default.GraphQlAnswerMoveBranchData, what).ConfigureAwait(false)).ErrorText;
        if (errors is null)
        {
            return;
        }
        var now = await BranchShaAsync(target, branch).ConfigureAwait(false);
        if (now != expectedSha)
        {
            throw Moved(target, branch, expectedSha, now);
        }
        throw IsRuleRefusal(errors)
            ? new RuleRefusedException($"a rule of {target.Owner}/{target.Name} refused to {(newSha is null ? "delete" : "move")} {what}: {errors}")
            : new GitHubException($"GitHub refused to move {what}: {errors}");
    }

    private async Task MoveBranchWithRestAsync(RepoRef target, string branch, string? expectedSha, string? newSha)
    {
        var (owner, repo) = (target.Owner, target.Name);
        var what = $"branch {branch} of {owner}/{repo}";
        if (expectedSha is null)
        {
            // Creating a ref fails when it exists: that is a compare-and-swap already.
            try
            {
                await GitHubErrors.Guard(() => client.Git.Reference.Create(owner, repo, new NewReference("refs/heads/" + branch, newSha)), what).ConfigureAwait(false);
                return;
            }
            catch (GitHubException ex) when (ex.StatusCode == 422)
            {
                // Created meanwhile by someone else, or refused by a rule (restrict creations).
                throw await BranchShaAsync(target, branch).ConfigureAwait(false) is { } created ? Moved(target, branch, expectedSha, created, ex) : Refused(ex);
            }
        }
        // No compare-and-swap in REST: read the head again right before the move, and stop if it changed.
        var now = await BranchShaAsync(target, branch).ConfigureAwait(false);
        if (now != expectedSha)
        {
            throw Moved(target, branch, expectedSha, now);
        }
        try
        {
            if (newSha is null)
            {
                // REST has no compare-and-swap for a deletion: the read just above is the check.
                await GitHubErrors.Guard(() => client.Git.Reference.Delete(owner, repo, "heads/" + branch), what).ConfigureAwait(false);
            }
            else
            {
                // Never forced: the new commit sits on the head read above, so a push since then makes this fail.
                await GitHubErrors.Guard(() => client.Git.Reference.Update(owner, repo, "heads/" + branch, new ReferenceUpdate(newSha, force: false)), what).ConfigureAwait(false);
            }
        }
        catch (GitHubException ex) when (ex.StatusCode == 422)
        {
            var after = await BranchShaAsync(target, branch).ConfigureAwait(false);
            throw after != expectedSha ? Moved(target, branch, expectedSha, after, ex) : Refused(ex);
        }
    }

    // A rule's refusal says which rule; signed commits need a bot token on this path (R8).
    private static GitHubException Refused(GitHubException ex) =>
        !IsRuleRefusal(ex.Message) ? ex
        : new RuleRefusedException(ex.Message + (ex.Message.Contains("signature", StringComparison.OrdinalIgnoreCase)
            ? "; commits made through GitHub's REST API are signed only with a bot token (the workflow's GITHUB_TOKEN or a GitHub App), not a personal token"
            : ""), ex);

    private async Task<string?> BranchShaAsync(RepoRef target, string branch)
    {
        var refs = await GitHubErrors.GuardOptional(
            () => client.Connection.Get<List<Reference>>(new Uri($"repos/{target.Owner}/{target.Name}/git/matching-refs/heads/{branch}", UriKind.Relative), null),
            $"branch {branch} of {target.Owner}/{target.Name}").ConfigureAwait(false);
        return refs?.Body?.FirstOrDefault(r => r.Ref == "refs/heads/" + branch)?.Object.Sha;
    }

    private static BranchMovedException Moved(RepoRef target, string branch, string? expected, string? now, Exception? inner = null) =>
        new($"branch {branch} of {target.Owner}/{target.Name} changed during the run (expected {Short(expected)}, found {Short(now)}): someone pushed to it or another run moved it; nothing of theirs was overwritten", inner);

    private static string Short(string? sha) => sha is null ? "no branch" : sha[..Math.Min(7, sha.Length)];

    public async Task<IReadOnlyList<PullRequestRef>> FindPullRequestsAsync(string owner, string repo, string headOwner, string branch, CancellationToken ct)
    {
        // GitHub ignores a bare branch name in `head`: it must be owner:branch.
        var prs = await GitHubErrors.Guard(() => client.PullRequest.GetAllForRepository(owner, repo,
            new PullRequestRequest { State = ItemStateFilter.All, Head = $"{headOwner}:{branch}", SortProperty = PullRequestSort.Created, SortDirection = SortDirection.Descending }, new ApiOptions { PageSize = 100 }),
            $"pull requests of {owner}/{repo}").ConfigureAwait(false);
        return prs.Where(p => p.Head.Ref == branch).OrderByDescending(p => p.Number).Select(ToRef).ToArray();
    }

    public async Task<IReadOnlyList<string>> GetReviewersAsync(string owner, string repo, int number, CancellationToken ct)
    {
        var reviews = await GitHubErrors.Guard(() => client.PullRequest.Review.GetAll(owner, repo, number, new ApiOptions { PageSize = 100 }),
            $"reviews of #{number} of {owner}/{repo}").ConfigureAwait(false);
        return reviews.Select(r => r.User?.Login).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }

    public async Task<PullRequestRef> CreatePullRequestAsync(string owner, string repo, NewPullRequestSpec spec, CancellationToken ct)
    {
        var pr = await GitHubErrors.Guard(() => client.PullRequest.Create(owner, repo, new NewPullRequest(spec.Title, spec.Head, spec.Base) { Body = spec.Body, Draft = spec.Draft }),
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

    public Task RequestReviewersAsync(string owner, string repo, int number, IReadOnlyList<string> reviewers, IReadOnlyList<string> teams, CancellationToken ct) =>
        GitHubErrors.Guard(() => client.PullRequest.ReviewRequest.Create(owner, repo, number, new PullRequestReviewRequest(reviewers.ToArray(), teams.ToArray())),
            $"reviewers of #{number} of {owner}/{repo}");

    public async Task<IReadOnlyList<string>> AddAssigneesAsync(string owner, string repo, int number, IReadOnlyList<string> assignees, CancellationToken ct)
    {
        var issue = await GitHubErrors.Guard(() => client.Issue.Assignee.AddAssignees(owner, repo, number, new AssigneesUpdate(assignees.ToArray())),
            $"assignees of #{number} of {owner}/{repo}").ConfigureAwait(false);
        return issue.Assignees?.Select(a => a.Login).ToArray() ?? [];
    }

    private static PullRequestRef ToRef(PullRequest pr) =>
        new(pr.Number, pr.HtmlUrl, pr.Title ?? "", pr.Body ?? "", pr.Head.Ref, pr.Head.Sha, pr.Base.Ref, pr.State.StringValue)
        {
            Labels = pr.Labels?.Select(l => l.Name).ToArray() ?? [],
            RequestedReviewers = pr.RequestedReviewers?.Select(u => u.Login).ToArray() ?? [],
            RequestedTeams = pr.RequestedTeams?.Select(t => t.Slug).ToArray() ?? [],
            Assignees = pr.Assignees?.Select(u => u.Login).ToArray() ?? [],
            Author = pr.User?.Login,
        };
}
