using System.Text;

namespace CQEN.ProfileGen.Publishing;

/// <summary>
/// Publishes the profile as one pull request, kept up to date: reads what GitHub holds, asks
/// <see cref="PublishPlanner"/> what to write, then carries the plan out in order (a dry run
/// stops after planning). Every branch move is a compare-and-swap; when one fails because the
/// branch moved, the whole read–plan–write cycle starts again, so concurrent runs converge and
/// a push made meanwhile is seen (and left alone) rather than erased.
/// </summary>
internal sealed class ProfilePublisher(IPublishGateway github)
{
    private const int Cycles = 3;

    /// <summary>Characters the job summary gives the change lists: the pull request's share, well within GitHub's 1 MiB for a step.</summary>
    private const int SummaryChangesBudget = 60_000;

    public async Task<PublishOutcome> PublishAsync(PublishRequest request, CancellationToken ct)
    {
        for (var cycle = 1; ; cycle++)
        {
            var state = await ReadAsync(request, ct).ConfigureAwait(false);
            if (state.BaseName == request.Branch)
            {
                throw new InputException($"the pull request branch '{request.Branch}' is the base branch of {request.Owner}/{request.Repo}: choose another branch for the pull request");
            }
            // Everything is read: build the content now, so a template or region error writes nothing.
            var currentText = state.CurrentFile is null ? null : Encoding.UTF8.GetString(state.CurrentFile);
            var newText = request.Content.Apply(currentText, $"{request.Owner}/{request.Repo}:{request.Path}");
            GuardAgainstLeaks(state, request, newText);
            var translations = await TranslationsAsync(state, request, ct).ConfigureAwait(false);
            var cautions = VisibilityCautions(state, request);
            // One diff for the review: the profile's, then each other language's.
            var diff = UnifiedDiff.Join([UnifiedDiff.Between(currentText, newText, request.Path), .. translations.Select(t => t.Diff)]);
            (state, var companions, var planned) = await CompanionsAsync(state, request, newText, [.. translations.SelectMany(t => t.Files)], ct).ConfigureAwait(false);
            var plan = PublishPlanner.Plan(state, planned, newText, diff, companions);
            var files = FileOutcomes(state, request, [.. companions.Where(c => request.Translations.All(t => t.Path != c.Path))]);
            // The change lists name the base as read (the request knows it only when --base was given),
            // and, as in the pull request's body, only when the base holds the profile they compare with.
            var listed = planned.Proposal is { } p && state.CurrentFile is not null ? planned with { Proposal = p with { BaseName = state.BaseName } } : planned with { Proposal = null };
            var changes = ChangeLines(listed);
            // The job summary's "since the last update", when this run proposes something (or would).
            var changesSummary = listed.Proposal is { } proposal && plan.Status is PublishStatus.Created or PublishStatus.Updated or PublishStatus.WouldCreate or PublishStatus.WouldUpdate
                ? PullRequestText.ChangeLists(proposal, request.Culture, SummaryChangesBudget) : "";
            if (request.DryRun || plan.Steps.Count == 0)
            {
                return Outcome(plan, state.Pull, diff, request, newText, state.BaseName, state.BranchHead?.Sha) with { Warnings = cautions, Files = files, ChangeList = changes, ChangesSummary = changesSummary };
            }
            try
            {
                var refused = new List<(Refusal Refusal, string Reason)>();
                var kept = new List<string>();
                var (pull, head) = await ExecuteAsync(plan, state, planned, refused, kept, ct).ConfigureAwait(false);
                return Outcome(plan, pull, diff, request, newText, state.BaseName, head ?? (kept.Count > 0 ? state.BranchHead?.Sha : null)) with
                {
                    Warnings = [.. cautions, .. kept, .. refused.Select(r => r.Refusal.Describe(r.Reason))],
                    Files = files,
                    ChangeList = changes,
                    ChangesSummary = changesSummary,
                };
            }
            catch (BranchMovedException) when (cycle < Cycles && !request.Force)
            {
                // Someone moved the branch between our read and our write: read again and re-decide.
                // Not with --force, which takes back the branch as the run read it, never a push made since.
            }
        }
    }

    /// <summary>
    /// The other files of the commit as they should be: the cards made now, the cards the tool
    /// recorded before and no longer makes (deleted: nothing else in their folder is touched), and
    /// the facts file recording both the repositories and the cards. Also the request's proposal
    /// with the facts on the base and of the previous proposal, for the pull request's change lists.
    /// </summary>
    private async Task<(PublishState State, IReadOnlyList<FileChange> Files, PublishRequest Request)> CompanionsAsync(PublishState state, PublishRequest request, string newText, IReadOnlyList<FileChange> translated, CancellationToken ct)
    {
        var cards = request.Companions(newText).Concat(translated).Where(c => c.Path != request.Path && c.Path != request.FactsPath).ToArray();
        if (request.FactsPath is not { } factsPath)
        {
            return (state, cards, request);
        }
        var where = $"{request.Owner}/{request.Repo}:{factsPath}";
        var baseFacts = state.BaseCompanions.GetValueOrDefault(factsPath)?.Bytes is { } onBase ? ProfileFacts.Parse(onBase, $"{where} on {state.BaseName}") : null;
        var gone = (baseFacts?.Files ?? []).Where(p => p != request.Path && p != factsPath && cards.All(c => c.Path != p)).Distinct(StringComparer.Ordinal).ToArray();
        if (gone.Except(state.BaseCompanions.Keys, StringComparer.Ordinal).ToArray() is { Length: > 0 } unread)
        {
            // Cards recorded under another folder (cards.path changed since): read them too.
            var owner = request.Owner;
            state = state with
            {
                BaseCompanions = Merged(state.BaseCompanions, await FilesAtAsync(owner, request.Repo, state.BaseHead.Sha, unread, ct).ConfigureAwait(false)),
                BranchCompanions = state.BranchFile is null || state.BranchHead is null ? state.BranchCompanions
                    : Merged(state.BranchCompanions, await FilesAtAsync(owner, request.Repo, state.BranchHead.Sha, unread, ct).ConfigureAwait(false)),
            };
        }
        List<FileChange> files = [.. cards, .. gone.Where(p => state.BaseCompanions.GetValueOrDefault(p) is not null).Select(p => new FileChange(p, null))];
        if (request.Proposal is not { } proposal)
        {
            return (state, files, request);
        }
        var facts = proposal.Facts with { Files = [.. cards.Select(c => c.Path).Order(StringComparer.Ordinal)] };
        files.Add(new FileChange(factsPath, facts.ToBytes()));
        // The previous proposal: the branch as it is, or, when this run leaves the branch as it
        // is, the commit the tool made before it (so a rerun tells the same story, not "nothing").
        ProfileFacts? previous = null;
        var head = state.BranchHead;
        if (state.Pull is not null && head is not null && state.RecordedCommits.Contains(head.Sha, StringComparer.Ordinal))
        {
            var branchFacts = state.BranchCompanions.GetValueOrDefault(factsPath)?.Bytes;
            if (PublishPlanner.BranchHolds(state, request, [new FileChange(request.Path, Encoding.UTF8.GetBytes(newText)), .. files]))
            {
                var before = state.RecordedCommits.TakeWhile(c => c != head.Sha).LastOrDefault();
                branchFacts = before is null ? null : await github.GetFileAsync(request.Owner, request.Repo, factsPath, before, ct).ConfigureAwait(false);
            }
            previous = branchFacts is null ? null : ProfileFacts.Parse(branchFacts, $"{where} on {request.Branch}");
        }
        return (state, files, request with { Proposal = proposal with { Facts = facts, BaseFacts = baseFacts, PreviousFacts = previous } });
    }

    /// <summary>
    /// The profile in its other languages, each built from its text on the base (read in full: the
    /// read gives blob ids only), held to the same leak guard, with its diff and its files (itself, its cards).
    /// </summary>
    private async Task<IReadOnlyList<(UnifiedDiff Diff, IReadOnlyList<FileChange> Files)>> TranslationsAsync(PublishState state, PublishRequest request, CancellationToken ct)
    {
        var built = new List<(UnifiedDiff, IReadOnlyList<FileChange>)>();
        foreach (var translation in request.Translations)
        {
            var onBase = state.BaseCompanions.GetValueOrDefault(translation.Path) is null ? null
                : await github.GetFileAsync(request.Owner, request.Repo, translation.Path, state.BaseHead.Sha, ct).ConfigureAwait(false);
            var current = onBase is null ? null : Encoding.UTF8.GetString(onBase);
            var text = translation.BuildContent(current);
            GuardAgainstLeaks(state, request, text);
            built.Add((UnifiedDiff.Between(current, text, translation.Path), [new FileChange(translation.Path, Encoding.UTF8.GetBytes(text)), .. translation.Companions(text)]));
        }
        return built;
    }

    private static IReadOnlyDictionary<string, StoredFile?> Merged(IReadOnlyDictionary<string, StoredFile?> read, IReadOnlyDictionary<string, StoredFile?> more) =>
        read.Concat(more).GroupBy(f => f.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);

    private async Task<IReadOnlyDictionary<string, StoredFile?>> FilesAtAsync(string owner, string repo, string sha, IReadOnlyList<string> paths, CancellationToken ct)
    {
        var files = new Dictionary<string, StoredFile?>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            files[path] = await github.GetFileAsync(owner, repo, path, sha, ct).ConfigureAwait(false) is { } bytes ? StoredFile.Of(bytes) : null;
        }
        return files;
    }

    /// <summary>The commit's other files against the base: added, changed or removed, with their size (the facts file aside).</summary>
    private static IReadOnlyList<FileOutcome> FileOutcomes(PublishState state, PublishRequest request, IReadOnlyList<FileChange> files) =>
        [.. files.Where(f => f.Path != request.FactsPath).Select(f => (File: f, Before: state.BaseCompanions.GetValueOrDefault(f.Path)))
            .Select(x => x.File.Content is null ? new FileOutcome(x.File.Path, "removed", (int)(x.Before?.Size ?? 0))
                : x.Before is null ? new FileOutcome(x.File.Path, "added", x.File.Content.Length)
                : x.Before.Holds(x.File.Content) ? new FileOutcome(x.File.Path, "unchanged", x.File.Content.Length)
                : new FileOutcome(x.File.Path, "changed", x.File.Content.Length) { Before = (int)x.Before.Size })
            .OrderBy(f => f.Path, StringComparer.Ordinal)];

    /// <summary>What changed per repository since the previous proposal and since the base, as plain lines (empty on a first fill).</summary>
    private static IReadOnlyList<string> ChangeLines(PublishRequest request)
    {
        if (request.Proposal is not { BaseFacts: { } baseFacts } proposal)
        {
            return [];
        }
        var words = ChangeWording.For(request.Culture);
        var lines = new List<string>();
        string N(int n) => Rendering.TemplateFunctions.FormatNumber(n, request.Culture);
        foreach (var (title, before) in new (Func<string, string> Title, ProfileFacts? Before)[] { (words.SinceProposal, proposal.PreviousFacts), (n => words.SinceBase(proposal.BaseName, n), baseFacts) })
        {
            if (before is null)
            {
                continue;
            }
            var changes = FactChanges.Between(before, proposal.Facts);
            lines.Add(title(N(changes.Count)));
            lines.AddRange(changes.Count == 0 ? ["  " + words.NothingChanged] : ChangeListText.Plain(changes, request.Culture).Select(l => "  " + l));
        }
        return lines;
    }

    // R7: a public profile repository must not name private or internal repositories (their
    // names and descriptions would be on the organization's public page), unless asked for.
    private static void GuardAgainstLeaks(PublishState state, PublishRequest request, string newText)
    {
        if (!LeakGuard.Guards(state.Target.Visibility, request.AllowPrivateInPublic))
        {
            return;
        }
        var named = request.NonPublicRepos.Where(n => newText.Contains(n, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.OrdinalIgnoreCase).ToArray();
        if (named.Length > 0)
        {
            var list = string.Join(", ", named.Take(5)) + (named.Length > 5 ? $" and {named.Length - 5} more" : "");
            throw new InputException($"{request.Owner}/{request.Repo} is public and the profile would name {named.Length} private or internal repositories ({list}): nothing was written. Keep filters.visibility to [public], publish to .github-private (members only), or set publish.allow_private_in_public: true");
        }
    }

    // GitHub shows .github's profile to everyone only when the repository is public, and
    // .github-private's to members only when it is private.
    private static IReadOnlyList<string> VisibilityCautions(PublishState state, PublishRequest request) => (request.Repo.ToLowerInvariant(), state.Target.Visibility) switch
    {
        (".github", "private" or "internal") => [$"{request.Owner}/.github is {state.Target.Visibility}: GitHub shows its profile/README.md on the organization's page only when the repository is public"],
        (".github-private", "public") => [$"{request.Owner}/.github-private is public: anyone can read the members' profile; GitHub expects this repository to be private"],
        _ => [],
    };

    private async Task<PublishState> ReadAsync(PublishRequest request, CancellationToken ct)
    {
        var (owner, repo, branch) = (request.Owner, request.Repo, request.Branch);
        string[] companions = [.. request.CardPaths.Append(request.FactsPath).Concat(request.Translations.Select(t => t.Path)).OfType<string>().Where(p => p != request.Path).Distinct(StringComparer.Ordinal)];
        var read = await github.ReadForPublishAsync(owner, repo, request.Base, branch, request.Path, ct, teams: request.TeamReviewers.Count > 0, companions: companions, readInFull: request.FactsPath).ConfigureAwait(false);
        var ours = read.Pulls.Where(p => p.Body.Contains(PullRequestText.Marker, StringComparison.Ordinal)).ToArray();
        var open = ours.Where(p => p.IsOpen).Concat(read.Pulls.Where(p => p.IsOpen)).OrderBy(p => p.Number).FirstOrDefault();
        // The record of our commits: from the open pull request, else from the latest one (closed by a human, branch kept).
        var recorded = PullRequestText.RecordedCommits(open?.Body ?? ours.FirstOrDefault()?.Body ?? "");
        var head = read.BranchHead;
        var onBase = PublishPlanner.OnBase(head, read.BaseHead.Sha) || PublishPlanner.OnOurs(head, recorded);
        if (onBase && head!.ChangedFiles is null && !recorded.Contains(head.Sha, StringComparer.Ordinal))
        {
            // Only for an unrecorded head that may be an interrupted run's commit: does it change one file only?
            head = await github.GetCommitWithChangesAsync(owner, repo, head.Sha, ct).ConfigureAwait(false);
        }
        var branchFile = read.BranchFile;
        var branchCompanions = read.BranchCompanions;
        if (onBase && branchFile is null && head is not null && !PublishPlanner.OnBase(head, read.BaseHead.Sha))
        {
            // The REST read fetches the branch's files only for a head on the base.
            branchFile = await github.GetFileAsync(owner, repo, request.Path, head.Sha, ct).ConfigureAwait(false);
            branchCompanions = await FilesAtAsync(owner, repo, head.Sha, companions, ct).ConfigureAwait(false);
        }
        var missingReviewers = open is not null && request.Reviewers.Any(r => !open.RequestedReviewers.Contains(r, StringComparer.OrdinalIgnoreCase));
        var reviewed = !missingReviewers ? [] : open!.Reviewed ?? await github.GetReviewersAsync(owner, repo, open.Number, ct).ConfigureAwait(false);
        var foreign = head is not null && !recorded.Contains(head.Sha, StringComparer.Ordinal);
        var noticeGiven = foreign && open is not null && !request.Force && !request.DryRun
            && (open.Comments ?? await github.GetCommentsAsync(owner, repo, open.Number, ct).ConfigureAwait(false)).Any(PullRequestText.IsForeignNotice);
        return new PublishState(read)
        {
            BranchHead = head,
            BranchFile = onBase ? branchFile : null,
            BranchCompanions = onBase ? branchCompanions : new Dictionary<string, StoredFile?>(),
            Pull = open,
            RecordedCommits = recorded,
            Reviewed = reviewed,
            ForeignNoticeGiven = noticeGiven,
            Refused = open is null ? [] : BestEffort.Recorded(open.Body),
        };
    }

    /// <summary>Carries the steps out in order; returns the pull request as it stands afterwards.</summary>
    private async Task<(PullRequestRef? Pull, string? BranchSha)> ExecuteAsync(PublishPlan plan, PublishState state, PublishRequest request, List<(Refusal Refusal, string Reason)> refused, List<string> kept, CancellationToken ct)
    {
        var (owner, repo) = (request.Owner, request.Repo);
        var pull = state.Pull;
        var branchSha = state.BranchHead?.Sha;
        var done = new List<string>();
        try
        {
            foreach (var step in plan.Steps)
            {
                switch (step)
                {
                    case CommitStep c:
                        branchSha = await github.CommitToBranchAsync(state.Target, c.Branch, c.ExpectedSha, new NewFileCommit(c.ParentSha, c.Changes, c.Message), ct).ConfigureAwait(false);
                        break;
                    case DeleteBranchStep d:
                        try
                        {
                            await github.MoveBranchAsync(state.Target, d.Branch, d.ExpectedSha, null, ct).ConfigureAwait(false);
                        }
                        catch (RuleRefusedException ex)
                        {
                            // A rule protects the branch from deletion (R8): it stays, and nothing else is lost.
                            kept.Add(ChangeWording.For(request.Culture).Plan.BranchKept(d.Branch, ex.Message));
                        }
                        break;
                    case UpdatePullStep u:
                        pull = await github.UpdatePullRequestAsync(owner, repo, u.Number, u.Title, PullRequestText.WithCommits(u.Body, PublishPlanner.Recorded(state, branchSha!)), close: false, ct).ConfigureAwait(false);
                        break;
                    case OpenPullStep o:
                        pull = await OpenAsync(o, PullRequestText.WithCommits(o.Body, PublishPlanner.Recorded(state, branchSha!)), request, refused, ct).ConfigureAwait(false);
                        break;
                    case AddLabelsStep l:
                        await AskAsync([.. l.Labels.Select(x => new Refusal("label", x))], asked => github.AddLabelsAsync(owner, repo, pull!.Number, Names(asked, "label"), ct), refused).ConfigureAwait(false);
                        break;
                    case RequestReviewersStep r:
                        await AskAsync([.. r.Reviewers.Select(x => new Refusal("reviewer", x)), .. r.Teams.Select(x => new Refusal("team", x))],
                            asked => github.RequestReviewersAsync(owner, repo, pull!.Number, Names(asked, "reviewer"), Names(asked, "team"), ct), refused).ConfigureAwait(false);
                        break;
                    case AddAssigneesStep a:
                        // GitHub answers 201 and silently leaves out whoever cannot be assigned.
                        var assigned = await github.AddAssigneesAsync(owner, repo, pull!.Number, a.Assignees, ct).ConfigureAwait(false);
                        refused.AddRange(a.Assignees.Where(x => !assigned.Contains(x, StringComparer.OrdinalIgnoreCase))
                            .Select(x => (new Refusal("assignee", x), $"GitHub left {x} out of the assignees of #{pull.Number} (no write access to {owner}/{repo})")));
                        break;
                    case CommentStep c:
                        await WriteOnceAsync(() => github.AddCommentAsync(owner, repo, c.Number, c.Text, ct),
                            async () => (await github.GetCommentsAsync(owner, repo, c.Number, ct).ConfigureAwait(false)).Contains(c.Text, StringComparer.Ordinal), ct).ConfigureAwait(false);
                        break;
                    case ClosePullStep c:
                        pull = await github.UpdatePullRequestAsync(owner, repo, c.Number, null, null, close: true, ct).ConfigureAwait(false);
                        break;
                    default:
                        throw new InvalidOperationException($"no executor for {step.GetType().Name}");
                }
                done.Add(step.Describe(request.Culture));
            }
            if (refused.Count > 0 && pull is not null)
            {
                pull = await RecordRefusalsAsync(pull, state, request, refused, branchSha ?? pull.HeadSha, ct).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (done.Count > 0 && ct.IsCancellationRequested && ex is OperationCanceledException or GitHubException { StatusCode: null })
        {
            throw new GitHubException(ChangeWording.For(request.Culture).Plan.TimeLimit(string.Join("; ", done)), null, ex);
        }
        return (pull, plan.Steps.Any(s => s is DeleteBranchStep) ? null : branchSha);
    }

    /// <summary>GitHub may have applied a write it answered 502/504 to, or whose answer never came (R18).</summary>
    private static bool MayHaveApplied(GitHubException ex, CancellationToken ct) =>
        !ct.IsCancellationRequested && ex is not BranchMovedException && ex.StatusCode is 502 or 504 or null;

    // A write that must not happen twice (a comment): after an answer that leaves it unknown,
    // read what GitHub holds, and write again only if it is not there.
    private static async Task WriteOnceAsync(Func<Task> write, Func<Task<bool>> applied, CancellationToken ct)
    {
        try
        {
            await write().ConfigureAwait(false);
        }
        catch (GitHubException ex) when (MayHaveApplied(ex, ct))
        {
            if (!await applied().ConfigureAwait(false))
            {
                await write().ConfigureAwait(false);
            }
        }
    }

    // Asks for everything at once; when GitHub refuses (it refuses the whole request for one bad
    // name), asks for each alone, so what can be set is set and only what GitHub refuses is noted.
    private static async Task AskAsync(IReadOnlyList<Refusal> asked, Func<IReadOnlyList<Refusal>, Task> ask, List<(Refusal Refusal, string Reason)> refused)
    {
        try
        {
            await ask(asked).ConfigureAwait(false);
        }
        catch (GitHubException ex) when (BestEffort.IsRefusal(ex))
        {
            if (asked.Count == 1)
            {
                refused.Add((asked[0], ex.Message));
                return;
            }
            foreach (var one in asked)
            {
                await AskAsync([one], ask, refused).ConfigureAwait(false);
            }
        }
    }

    private static IReadOnlyList<string> Names(IEnumerable<Refusal> asked, string kind) => [.. asked.Where(a => a.Kind == kind).Select(a => a.Name)];

    // The pull request says what GitHub refused, once, in its body (whose record the next run reads).
    private async Task<PullRequestRef> RecordRefusalsAsync(PullRequestRef pull, PublishState state, PublishRequest request, List<(Refusal Refusal, string Reason)> refused, string branchSha, CancellationToken ct)
    {
        var all = PublishPlanner.Remembered(state, request).Concat(refused.Select(r => r.Refusal)).Distinct().ToArray();
        var body = PullRequestText.WithCommits(BestEffort.WithRefusals(BestEffort.WithoutRecords(pull.Body), all, request.Culture), PublishPlanner.Recorded(state, branchSha));
        return body == pull.Body ? pull : await github.UpdatePullRequestAsync(request.Owner, request.Repo, pull.Number, null, body, close: false, ct).ConfigureAwait(false);
    }

    private async Task<PullRequestRef> OpenAsync(OpenPullStep step, string body, PublishRequest request, List<(Refusal Refusal, string Reason)> refused, CancellationToken ct)
    {
        var (owner, repo) = (request.Owner, request.Repo);
        try
        {
            return await github.CreatePullRequestAsync(owner, repo, new NewPullRequestSpec(step.Title, body, step.Head, step.Base, request.Draft), ct).ConfigureAwait(false);
        }
        catch (GitHubException ex) when (request.Draft && ex.StatusCode == 422 && ex.Message.Contains("Draft pull requests are not supported", StringComparison.OrdinalIgnoreCase))
        {
            // GitHub Free has no drafts on private repositories (R10): a normal pull request instead.
            refused.Add((new Refusal("draft", ""), ex.Message));
            return await OpenAsync(step, body, request with { Draft = false }, refused, ct).ConfigureAwait(false);
        }
        catch (GitHubException ex) when (MayHaveApplied(ex, ct))
        {
            // GitHub may have opened it before its answer failed: look before opening another.
            var opened = (await github.FindPullRequestsAsync(owner, repo, owner, request.Branch, ct).ConfigureAwait(false)).FirstOrDefault(p => p.IsOpen);
            return opened ?? await github.CreatePullRequestAsync(owner, repo, new NewPullRequestSpec(step.Title, body, step.Head, step.Base, request.Draft), ct).ConfigureAwait(false);
        }
        catch (GitHubException ex) when (ex.StatusCode == 422 && ex.Message.Contains("already exists", StringComparison.OrdinalIgnoreCase))
        {
            // Another run opened it a moment ago: converge on that one instead of failing.
            var existing = (await github.FindPullRequestsAsync(owner, repo, owner, request.Branch, ct).ConfigureAwait(false)).FirstOrDefault(p => p.IsOpen);
            if (existing is null)
            {
                throw;
            }
            return existing.Title == step.Title && existing.Body == body
                ? existing
                : await github.UpdatePullRequestAsync(owner, repo, existing.Number, step.Title, body, close: false, ct).ConfigureAwait(false);
        }
    }

    private static PublishOutcome Outcome(PublishPlan plan, PullRequestRef? pull, UnifiedDiff diff, PublishRequest request, string newText, string baseName, string? headSha) => new()
    {
        NewText = newText,
        BaseName = baseName,
        HeadSha = headSha,
        Status = plan.Status,
        PullRequestNumber = pull?.Number,
        PullRequestUrl = pull?.Url,
        Branch = request.Branch,
        Diff = diff,
        Plan = [.. plan.Steps.Select(s => s.Describe(request.Culture)), .. plan.Notes],
        Problem = plan.Problem,
    };
}
