using System.Text;
using CQEN.ProfileGen.GitHub;

namespace CQEN.ProfileGen.Publishing;

/// <summary>
/// Publishes the profile as one pull request, kept up to date. All reads come first; then, in
/// order: one commit (blob, tree, commit) on the current base head, the branch moved to that
/// complete commit, and only then the pull request created or updated. A run with nothing to
/// change writes nothing; a dry-run makes the same reads and no write at all.
/// Our commits carry <see cref="PullRequestText.CommitTrailer"/>; a branch head without it is
/// someone else's work, which is never overwritten without <see cref="PublishRequest.Force"/>.
/// </summary>
public sealed class ProfilePublisher(IGitHubGateway github)
{
    private const string ForeignCommitsMarker = "<!-- profilegen:foreign-commits -->";

    public async Task<PublishOutcome> PublishAsync(PublishRequest request, CancellationToken ct)
    {
        var (owner, repo, branch) = (request.Owner, request.Repo, request.Branch);
        var target = await github.GetRepositoryAsync(owner, repo, ct).ConfigureAwait(false);
        var baseName = request.Base ?? target.DefaultBranch;
        if (baseName == branch)
        {
            throw new InputException($"--branch: the pull request branch '{branch}' cannot be the base branch");
        }
        var baseHead = await github.GetBranchAsync(owner, repo, baseName, ct).ConfigureAwait(false)
            ?? throw new GitHubException($"{owner}/{repo} has no branch '{baseName}' to publish onto (--base)", 404);
        var currentBytes = await github.GetFileAsync(owner, repo, request.Path, baseHead.Sha, ct).ConfigureAwait(false);
        var currentText = currentBytes is null ? null : Encoding.UTF8.GetString(currentBytes);
        var ours = await github.GetBranchAsync(owner, repo, branch, ct).ConfigureAwait(false);
        var pull = (await github.FindOpenPullRequestsAsync(owner, repo, owner, branch, ct).ConfigureAwait(false))
            .OrderByDescending(p => p.Body.Contains(PullRequestText.Marker, StringComparison.Ordinal)).ThenBy(p => p.Number).FirstOrDefault();

        // Everything is read: build the content now, so a template or region error writes nothing.
        var newText = request.BuildContent(currentText);
        var newBytes = Encoding.UTF8.GetBytes(newText);
        var diff = UnifiedDiff.Between(currentText, newText, request.Path);
        var plan = new List<string>();
        PublishOutcome Outcome(string status, PullRequestRef? pr = null, string? problem = null) => new()
        {
            Status = status,
            PullRequestNumber = pr?.Number ?? pull?.Number,
            PullRequestUrl = pr?.Url ?? pull?.Url,
            Branch = branch,
            Diff = diff,
            Plan = plan,
            Problem = problem,
        };

        if (currentBytes is not null && currentBytes.AsSpan().SequenceEqual(newBytes))
        {
            if (pull is null)
            {
                return Outcome("unchanged");
            }
            // The base already has the content (merged, or edited by hand): our PR is obsolete.
            plan.Add($"comment on #{pull.Number}, close it, and delete branch {branch}: {baseName} already has this content");
            if (request.DryRun)
            {
                return Outcome("would-close");
            }
            await github.AddCommentAsync(owner, repo, pull.Number, Closing(request.Culture, baseName), ct).ConfigureAwait(false);
            var closed = await github.UpdatePullRequestAsync(owner, repo, pull.Number, null, null, close: true, ct).ConfigureAwait(false);
            if (ours is not null && IsOurs(ours))
            {
                await github.DeleteBranchAsync(owner, repo, branch, ct).ConfigureAwait(false);
            }
            return Outcome("closed", closed);
        }

        if (ours is not null && !IsOurs(ours) && !request.Force)
        {
            var problem = $"branch {branch} of {owner}/{repo} has commits that profilegen did not make; they were left alone (run with --force to replace them)";
            plan.Add($"leave branch {branch} alone: someone else pushed to it");
            if (!request.DryRun && pull is not null)
            {
                var comments = await github.GetCommentsAsync(owner, repo, pull.Number, ct).ConfigureAwait(false);
                if (!comments.Any(c => c.Contains(ForeignCommitsMarker, StringComparison.Ordinal)))
                {
                    await github.AddCommentAsync(owner, repo, pull.Number, Foreign(request.Culture, branch), ct).ConfigureAwait(false);
                }
            }
            return Outcome("blocked", problem: problem);
        }

        var body = PullRequestText.Body(owner, currentText, newText, diff, request.Culture, request.Audit);
        var branchIsCurrent = ours is not null && IsOurs(ours) && ours.Parents.Count == 1 && ours.Parents[0] == baseHead.Sha
            && (await github.GetFileAsync(owner, repo, request.Path, ours.Sha, ct).ConfigureAwait(false))?.AsSpan().SequenceEqual(newBytes) == true;
        if (!branchIsCurrent)
        {
            plan.Add($"commit {request.Path} on {baseName} ({baseHead.Sha[..7]}): +{diff.Added} -{diff.Removed} lines");
            plan.Add(ours is null ? $"create branch {branch}" : $"move branch {branch} to the new commit");
        }
        var needsTitleOrBody = pull is not null && (pull.Title != request.Title || pull.Body != body);
        if (pull is null)
        {
            plan.Add($"open a pull request {branch} → {baseName}: \"{request.Title}\"");
        }
        else if (needsTitleOrBody)
        {
            plan.Add($"update the title and description of #{pull.Number}");
        }
        if (branchIsCurrent && pull is not null && !needsTitleOrBody)
        {
            return Outcome("unchanged"); // our PR already proposes exactly this: write nothing
        }
        if (request.DryRun)
        {
            return Outcome(pull is null ? "would-create" : "would-update");
        }

        if (!branchIsCurrent)
        {
            var commit = await github.CreateCommitAsync(owner, repo, new NewFileCommit(baseHead.Sha, request.Path, newBytes, PullRequestText.CommitMessage(request.Path)), ct).ConfigureAwait(false);
            await MoveBranchAsync(owner, repo, branch, ours, commit.Sha, request.Force, ct).ConfigureAwait(false);
        }
        if (pull is null)
        {
            var created = await CreatePullRequestAsync(request, baseName, body, ct).ConfigureAwait(false);
            return Outcome(created.Created ? "created" : "updated", created.Pull);
        }
        var updated = needsTitleOrBody
            ? await github.UpdatePullRequestAsync(owner, repo, pull.Number, request.Title, body, close: false, ct).ConfigureAwait(false)
            : pull;
        return Outcome("updated", updated);
    }

    // Point our branch at the new commit. A concurrent run may have created it between our
    // read and this write: then it is ours too (same trailer) and is moved the same way.
    private async Task MoveBranchAsync(string owner, string repo, string branch, CommitRef? ours, string sha, bool force, CancellationToken ct)
    {
        if (ours is null)
        {
            try
            {
                await github.CreateBranchAsync(owner, repo, branch, sha, ct).ConfigureAwait(false);
                return;
            }
            catch (GitHubException ex) when (ex.StatusCode == 422 && ex.Message.Contains("already exists", StringComparison.OrdinalIgnoreCase))
            {
                var raced = await github.GetBranchAsync(owner, repo, branch, ct).ConfigureAwait(false);
                if (raced is not null && !IsOurs(raced) && !force)
                {
                    throw new GitHubException($"branch {branch} of {owner}/{repo} appeared during the run with commits that profilegen did not make; nothing was overwritten", 409, ex);
                }
            }
        }
        // Always a force update: the new commit sits on the base head, not on our old commit.
        await github.UpdateBranchAsync(owner, repo, branch, sha, force: true, ct).ConfigureAwait(false);
    }

    private async Task<(PullRequestRef Pull, bool Created)> CreatePullRequestAsync(PublishRequest request, string baseName, string body, CancellationToken ct)
    {
        var (owner, repo) = (request.Owner, request.Repo);
        PullRequestRef pull;
        try
        {
            pull = await github.CreatePullRequestAsync(owner, repo, new NewPullRequestSpec(request.Title, body, request.Branch, baseName), ct).ConfigureAwait(false);
        }
        catch (GitHubException ex) when (ex.StatusCode == 422 && ex.Message.Contains("already exists", StringComparison.OrdinalIgnoreCase))
        {
            // Another run opened it a moment ago: converge on that one instead of failing.
            var existing = (await github.FindOpenPullRequestsAsync(owner, repo, owner, request.Branch, ct).ConfigureAwait(false)).FirstOrDefault();
            if (existing is null)
            {
                throw;
            }
            var updated = existing.Title == request.Title && existing.Body == body
                ? existing
                : await github.UpdatePullRequestAsync(owner, repo, existing.Number, request.Title, body, close: false, ct).ConfigureAwait(false);
            return (updated, false);
        }
        if (request.Labels.Count > 0)
        {
            await github.AddLabelsAsync(owner, repo, pull.Number, request.Labels, ct).ConfigureAwait(false);
        }
        if (request.Reviewers.Count > 0)
        {
            await github.RequestReviewersAsync(owner, repo, pull.Number, request.Reviewers, ct).ConfigureAwait(false);
        }
        return (pull, true);
    }

    private static bool IsOurs(CommitRef commit) =>
        commit.Message.Contains(PullRequestText.CommitTrailer, StringComparison.Ordinal) && commit.Parents.Count == 1;

    private static string Closing(string culture, string baseName) =>
        culture.StartsWith("en", StringComparison.OrdinalIgnoreCase)
            ? $"{baseName} already has this content, so this pull request is no longer needed. _(CQEN.ProfileGen)_"
            : $"{baseName} contient déjà ce contenu : cette demande de tirage n'est plus nécessaire. _(CQEN.ProfileGen)_";

    private static string Foreign(string culture, string branch) =>
        ForeignCommitsMarker + "\n" + (culture.StartsWith("en", StringComparison.OrdinalIgnoreCase)
            ? $"Someone pushed commits to `{branch}`. CQEN.ProfileGen leaves this pull request alone so their work is not lost; run it with `--force` to take the branch back."
            : $"Quelqu'un a poussé des commits sur `{branch}`. CQEN.ProfileGen ne touche plus à cette demande de tirage pour ne pas perdre ce travail; lancez-le avec `--force` pour reprendre la branche.");
}
