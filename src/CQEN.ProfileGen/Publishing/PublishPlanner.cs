using System.Text;

namespace CQEN.ProfileGen.Publishing;

/// <summary>
/// Everything publishing read from GitHub before deciding anything: the reading itself (the
/// branch head with its changed files where that matters, the branch's file only when the branch
/// sits on the base head) and what follows from the branch's pull requests.
/// </summary>
internal sealed record PublishState : PublishReading
{
    public PublishState()
    {
    }

    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public PublishState(PublishReading read)
        : base(read)
    {
    }

    /// <summary>Our open pull request, if any.</summary>
    public PullRequestRef? Pull { get; init; }

    /// <summary>The commits profilegen made on the branch, as recorded in its latest pull request.</summary>
    public IReadOnlyList<string> RecordedCommits { get; init; } = [];

    /// <summary>Who already reviewed the open pull request (GitHub no longer lists them as requested).</summary>
    public IReadOnlyList<string> Reviewed { get; init; } = [];

    /// <summary>Whether the open pull request already has our note about someone else's commits.</summary>
    public bool ForeignNoticeGiven { get; init; }

    /// <summary>What GitHub refused for the open pull request (its body's record): not asked again.</summary>
    public IReadOnlyList<Refusal> Refused { get; init; } = [];
}

/// <summary>One write, in the order the executor carries them out.</summary>
internal abstract record PublishStep
{
    /// <summary>The step as a line for a person (the plan printed by a dry run, the log of a real one), in the profile's language.</summary>
    public string Describe(ProfileCulture culture = ProfileCulture.English) => Describe(ChangeWording.For(culture).Plan);

    protected abstract string Describe(PlanWording words);
}

/// <summary>
/// One commit of the files that differ from the base (the profile, its cards, its facts; a null
/// content deletes) on <paramref name="ParentSha"/>, the base head, with the branch pointing at it
/// afterwards (created if <paramref name="ExpectedSha"/> is null) — only if the branch is still at
/// <paramref name="ExpectedSha"/>. <paramref name="Added"/> and <paramref name="Removed"/> count the profile's lines.
/// </summary>
internal sealed record CommitStep(string ParentSha, string BaseName, string Branch, string? ExpectedSha, IReadOnlyList<FileChange> Changes, string Message, int Added, int Removed) : PublishStep
{
    public CommitStep(string parentSha, string baseName, string branch, string? expectedSha, string path, byte[] content, string message, int added, int removed)
        : this(parentSha, baseName, branch, expectedSha, [new FileChange(path, content)], message, added, removed)
    {
    }

    protected override string Describe(PlanWording words) =>
        words.Commit(Changes.Count == 0 ? "-" : words.Files(Changes[0].Path, Changes.Count - 1), BaseName, ParentSha[..Math.Min(7, ParentSha.Length)], Added, Removed, ExpectedSha is null, Branch);
}

/// <summary>Deletes the branch, only if it is still at <paramref name="ExpectedSha"/>.</summary>
internal sealed record DeleteBranchStep(string Branch, string ExpectedSha) : PublishStep
{
    protected override string Describe(PlanWording words) => words.DeleteBranch(Branch);
}

internal sealed record OpenPullStep(string Title, string Body, string Head, string Base) : PublishStep
{
    protected override string Describe(PlanWording words) => words.OpenPull(Head, Base, Title);
}

internal sealed record UpdatePullStep(int Number, string Title, string Body) : PublishStep
{
    protected override string Describe(PlanWording words) => words.UpdatePull(Number);
}

internal sealed record AddLabelsStep(IReadOnlyList<string> Labels) : PublishStep
{
    protected override string Describe(PlanWording words) => words.AddLabels(string.Join(", ", Labels));
}

internal sealed record RequestReviewersStep(IReadOnlyList<string> Reviewers, IReadOnlyList<string> Teams) : PublishStep
{
    protected override string Describe(PlanWording words) => words.RequestReviewers(string.Join(", ", Reviewers.Concat(Teams.Select(words.Team))));
}

internal sealed record AddAssigneesStep(IReadOnlyList<string> Assignees) : PublishStep
{
    protected override string Describe(PlanWording words) => words.Assign(string.Join(", ", Assignees));
}

internal sealed record CommentStep(int Number, string Text, string Why) : PublishStep
{
    protected override string Describe(PlanWording words) => words.Comment(Number, Why);
}

internal sealed record ClosePullStep(int Number) : PublishStep
{
    protected override string Describe(PlanWording words) => words.Close(Number);
}

/// <summary>What a run will do: its status, its writes in order, and a problem when it cannot do its job.</summary>
internal sealed record PublishPlan
{
    public required PublishStatus Status { get; init; }
    public required IReadOnlyList<PublishStep> Steps { get; init; }

    /// <summary>Lines for a person about what is deliberately not done (e.g. a branch left alone).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public string? Problem { get; init; }
}

/// <summary>
/// The publishing decisions, from plain values: given what was read and the new file, which
/// writes bring GitHub to "one pull request proposing exactly this". No I/O.
/// </summary>
/// <remarks>
/// The branch head is profilegen's when its SHA is one the tool recorded in its pull request
/// (commit messages can be typed by anyone). One exception keeps interrupted runs converging:
/// a head that is exactly the commit this run would make (one commit on the base head changing
/// only this file, to the same content, with the tool's message) is taken as it is: its tree is
/// the one this run would write, so nothing of anyone's can be in it.
/// </remarks>
internal static class PublishPlanner
{
    /// <param name="companions">The other files of the commit as they should be (null content: deleted), the facts file among them.</param>
    public static PublishPlan Plan(PublishState state, PublishRequest request, string newText, UnifiedDiff diff, IReadOnlyList<FileChange>? companions = null)
    {
        var newBytes = Encoding.UTF8.GetBytes(newText);
        IReadOnlyList<FileChange> files = [new FileChange(request.Path, newBytes), .. (companions ?? []).Where(c => c.Path != request.Path)];
        // The facts file follows the profile: it is written with a change of the page or a card,
        // never alone (a month passing changes the facts, not what a visitor sees).
        var shown = files.Where(f => f.Path != request.FactsPath).ToArray();
        var toWrite = files.Where(f => !Same(OnBaseBranch(state, request, f.Path), f.Content)).ToArray();
        var head = state.BranchHead;
        var pull = state.Pull;
        var recorded = head is not null && state.RecordedCommits.Contains(head.Sha, StringComparer.Ordinal);
        var hasNewFile = BranchHolds(state, request, files);
        // Exactly the commit this run would make: same parent, as many files changed as this run
        // changes, each to the same content, same message: nothing of anyone else's can be in it.
        var retryOfThisRun = !recorded && hasNewFile && files.All(f => Same(OnPullBranch(state, request, f.Path), f.Content))
            && head!.ChangedFiles == toWrite.Length && head.Message.TrimEnd() == PullRequestText.CommitMessage(request.Path, request.Culture).TrimEnd();
        // A branch still at the base head holds no one's commits.
        var empty = head is not null && head.Sha == state.BaseHead.Sha;
        var foreign = head is not null && !recorded && !retryOfThisRun && !empty;
        var words = ChangeWording.For(request.Culture).Plan;
        PublishStatus Would(PublishStatus status) => status.Would(request.DryRun);

        if (state.CurrentFile is not null && shown.All(f => Same(OnBaseBranch(state, request, f.Path), f.Content)))
        {
            if (pull is null)
            {
                return new PublishPlan { Status = PublishStatus.Unchanged, Steps = [] };
            }
            // The base already has the content (merged, or edited by hand): our pull request is obsolete.
            if (foreign && !request.Force)
            {
                return new PublishPlan
                {
                    Status = PublishStatus.Blocked,
                    Steps = [],
                    Notes = [words.LeaveOpen(pull.Number, state.BaseName, request.Branch)],
                    Problem = words.LeftOpen(state.BaseName, pull.Number, request.Branch),
                };
            }
            List<PublishStep> closing = [new CommentStep(pull.Number, PullRequestText.Closing(request.Culture, state.BaseName), words.BaseHasIt(state.BaseName)), new ClosePullStep(pull.Number)];
            List<string> notes = [];
            if (head is not null && !foreign)
            {
                closing.Add(new DeleteBranchStep(request.Branch, head.Sha));
            }
            else if (head is not null)
            {
                notes.Add(words.KeepBranch(request.Branch));
            }
            return new PublishPlan { Status = Would(PublishStatus.Closed), Steps = closing, Notes = notes };
        }

        if (foreign && !request.Force)
        {
            List<PublishStep> notice = pull is not null && !state.ForeignNoticeGiven
                ? [new CommentStep(pull.Number, PullRequestText.Foreign(request.Culture, request.Branch), words.SomeonePushed)]
                : [];
            return new PublishPlan
            {
                Status = PublishStatus.Blocked,
                Steps = notice,
                Notes = [words.LeaveBranch(request.Branch)],
                Problem = words.ForeignCommits(request.Branch, $"{state.Target.Owner}/{state.Target.Name}"),
            };
        }

        // The facts summarise a first fill, and an update whose base holds the facts of the profile it shows.
        var proposal = request.Proposal is { } p && (state.CurrentFile is null || p.BaseFacts is not null)
            ? p with { BaseName = state.BaseName, BaseFacts = state.CurrentFile is null ? null : p.BaseFacts, PreviousFacts = state.CurrentFile is null ? null : p.PreviousFacts }
            : null;
        var body = BestEffort.WithRefusals(
            PullRequestText.Body(request.OrgUrl ?? $"https://github.com/{state.Target.Owner}", state.CurrentFile is null ? null : Encoding.UTF8.GetString(state.CurrentFile), newText, diff, request.Culture, request.Audit, proposal),
            Remembered(state, request), request.Culture);
        var steps = new List<PublishStep>();
        var branchIsCurrent = hasNewFile && !foreign;
        if (!branchIsCurrent)
        {
            // Then the pull request records the new commit. A run interrupted in between leaves
            // exactly the commit a rerun would make, which that rerun recognises and keeps.
            steps.Add(new CommitStep(state.BaseHead.Sha, state.BaseName, request.Branch, head?.Sha, toWrite, PullRequestText.CommitMessage(request.Path, request.Culture), diff.Added, diff.Removed));
            if (pull is not null)
            {
                steps.Add(new UpdatePullStep(pull.Number, request.Title, body));
            }
        }
        else if (pull is not null && (pull.Title != request.Title || pull.Body != PullRequestText.WithCommits(body, Recorded(state, head!.Sha))))
        {
            steps.Add(new UpdatePullStep(pull.Number, request.Title, body));
        }
        if (pull is null)
        {
            steps.Add(new OpenPullStep(request.Title, body, request.Branch, state.BaseName));
        }

        // Labels and reviewers are reconciled on every run, so an interrupted run's are not lost for good.
        // What GitHub refused for this pull request is not asked again (its body says so once).
        bool Refused(string kind, string name) => pull is not null && state.Refused.Contains(new Refusal(kind, name));
        var labels = request.Labels.Where(l => pull is null || !pull.Labels.Contains(l, StringComparer.OrdinalIgnoreCase))
            .Where(l => !Refused("label", l)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (labels.Length > 0)
        {
            steps.Add(new AddLabelsStep(labels));
        }
        var reviewers = request.Reviewers
            .Where(r => pull is null || !pull.RequestedReviewers.Contains(r, StringComparer.OrdinalIgnoreCase) && !state.Reviewed.Contains(r, StringComparer.OrdinalIgnoreCase))
            // GitHub refuses the author's review: the pull request's author, or the token's own login when this run opens it.
            .Where(r => (pull is null ? state.Viewer : pull.Author) is not { } author || !author.Equals(r, StringComparison.OrdinalIgnoreCase))
            .Where(r => !Refused("reviewer", r))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var teams = request.TeamReviewers.Where(t => pull is null || !pull.RequestedTeams.Contains(t, StringComparer.OrdinalIgnoreCase))
            .Where(t => !Refused("team", t)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (reviewers.Length > 0 || teams.Length > 0)
        {
            steps.Add(new RequestReviewersStep(reviewers, teams));
        }
        var assignees = request.Assignees.Where(a => pull is null || !pull.Assignees.Contains(a, StringComparer.OrdinalIgnoreCase))
            .Where(a => !Refused("assignee", a)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (assignees.Length > 0)
        {
            steps.Add(new AddAssigneesStep(assignees));
        }

        if (steps.Count == 0)
        {
            return new PublishPlan { Status = PublishStatus.Unchanged, Steps = [] }; // our pull request already proposes exactly this
        }
        return new PublishPlan { Status = Would(pull is null ? PublishStatus.Created : PublishStatus.Updated), Steps = steps };
    }

    /// <summary>
    /// Whether the pull request branch, one commit on the base (or on the tool's own last commit),
    /// already holds every file a visitor sees as it should be: the profile and its cards (the
    /// facts file aside, which follows them).
    /// </summary>
    public static bool BranchHolds(PublishState state, PublishRequest request, IReadOnlyList<FileChange> files) =>
        (OnBase(state.BranchHead, state.BaseHead.Sha) || OnOurs(state.BranchHead, state.RecordedCommits)) && state.BranchFile is not null
        && files.Where(f => f.Path != request.FactsPath).All(f => Same(OnPullBranch(state, request, f.Path), f.Content));

    private static bool Same(StoredFile? held, byte[]? wanted) => held is null ? wanted is null : wanted is not null && held.Holds(wanted);

    private static StoredFile? OnBaseBranch(PublishState state, PublishRequest request, string path) =>
        path == request.Path ? (state.CurrentFile is { } f ? StoredFile.Of(f) : null) : state.BaseCompanions.GetValueOrDefault(path);

    private static StoredFile? OnPullBranch(PublishState state, PublishRequest request, string path) =>
        path == request.Path ? (state.BranchFile is { } f ? StoredFile.Of(f) : null) : state.BranchCompanions.GetValueOrDefault(path);

    /// <summary>
    /// Whether the head is one commit on the base head: its first parent (the tool's REST commits
    /// carry the branch's previous head as a second parent, so their move is a fast-forward).
    /// </summary>
    public static bool OnBase(CommitRef? head, string baseSha) => head is { Parents: [var first, ..] } && first == baseSha;

    /// <summary>Whether the head is one commit on a commit the tool recorded (its fast-forward when a rule blocks force pushes).</summary>
    public static bool OnOurs(CommitRef? head, IReadOnlyList<string> recorded) => head is { Parents: [var only] } && recorded.Contains(only, StringComparer.Ordinal);

    /// <summary>The refusals the open pull request records that still concern what the run asks for.</summary>
    public static IReadOnlyList<Refusal> Remembered(PublishState state, PublishRequest request) =>
        state.Pull is null ? [] : [.. state.Refused.Where(r => r.Kind switch
        {
            "label" => request.Labels.Contains(r.Name, StringComparer.OrdinalIgnoreCase),
            "reviewer" => request.Reviewers.Contains(r.Name, StringComparer.OrdinalIgnoreCase),
            "team" => request.TeamReviewers.Contains(r.Name, StringComparer.OrdinalIgnoreCase),
            "assignee" => request.Assignees.Contains(r.Name, StringComparer.OrdinalIgnoreCase),
            "draft" => request.Draft,
            _ => false,
        }).Distinct()];

    /// <summary>The commits to record in the pull request: those recorded before, and the one the branch will point at.</summary>
    public static IReadOnlyList<string> Recorded(PublishState state, string branchSha) =>
        [.. state.RecordedCommits.Where(c => c != branchSha).TakeLast(PullRequestText.RecordedCommitsKept - 1), branchSha];
}
