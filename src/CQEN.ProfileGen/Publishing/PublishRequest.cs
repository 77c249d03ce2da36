using CQEN.ProfileGen.Configuration;

namespace CQEN.ProfileGen.Publishing;

/// <summary>What to publish where, every part of it a value.</summary>
internal sealed record PublishRequest
{
    public required string Owner { get; init; }

    /// <summary>The organization's web address (https://github.com/ORG, or on a GitHub Enterprise host), under which the PR body finds repository links.</summary>
    public string? OrgUrl { get; init; }
    public required string Repo { get; init; }
    public required string Path { get; init; }
    public required string Branch { get; init; }

    /// <summary>Null: the repository's default branch.</summary>
    public string? Base { get; init; }

    /// <summary>The new file: whole, or regions to splice into the file on the base branch.</summary>
    public required ProfileContent Content { get; init; }

    /// <summary>The profile's cards: those its new text shows are committed beside it, under <see cref="CardsFolder"/>.</summary>
    public Rendering.Cards.CardSet? Cards { get; init; }

    /// <summary>The profile file's folder from the repository's root ("profile/"), which card paths are relative to.</summary>
    public string CardsFolder { get; init; } = "";

    /// <summary>The files committed beside the profile, from its new text: its cards, paths from the repository's root.</summary>
    public IReadOnlyList<FileChange> Companions(string text) =>
        Cards is null ? [] : [.. Cards.FilesUsedBy(text).Select(f => new FileChange(CardsFolder + f.RelativePath, f.Bytes))];

    /// <summary>
    /// The profile in its other languages (<c>cultures:</c>): each built like the profile from its
    /// text on the base, and committed with it, in the same commit.
    /// </summary>
    public IReadOnlyList<ProfileTranslation> Translations { get; init; } = [];

    /// <summary>Every path a card of the other languages' files can have (their cards carry their words), from the repository's root.</summary>
    public IReadOnlyList<string> OtherCardPaths { get; init; } = [];

    /// <summary>Every path a card of this profile, in any of its languages, can have: read before deciding, to compare them.</summary>
    public IReadOnlyList<string> CardPaths =>
        [.. (Cards is null ? [] : Cards.All.SelectMany(c => new[] { c.Light, c.Dark }).Select(p => CardsFolder + p)).Concat(OtherCardPaths)];

    /// <summary>The facts file (publish.facts_path), committed with the profile; null: none kept.</summary>
    public string? FactsPath { get; init; }

    public bool DryRun { get; init; }

    /// <summary>Take the branch back even when someone else pushed to it.</summary>
    public bool Force { get; init; }

    public required string Title { get; init; }
    public IReadOnlyList<string> Labels { get; init; } = [];
    public IReadOnlyList<string> Reviewers { get; init; } = [];

    /// <summary>Team slugs asked to review.</summary>
    public IReadOnlyList<string> TeamReviewers { get; init; } = [];

    public IReadOnlyList<string> Assignees { get; init; } = [];

    /// <summary>Open the pull request as a draft (an existing one is left as it is).</summary>
    public bool Draft { get; init; }
    public ProfileCulture Culture { get; init; } = ProfileCulture.French;

    /// <summary>Private and internal repositories the profile lists: refused in a public target repository unless <see cref="AllowPrivateInPublic"/>.</summary>
    public IReadOnlyList<string> NonPublicRepos { get; init; } = [];

    public bool AllowPrivateInPublic { get; init; }

    /// <summary>The audit of what was read, summarised in the PR body; null: no audit section.</summary>
    public Audit.AuditReport? Audit { get; init; }

    /// <summary>
    /// What the profile holds, for the PR body of a first fill (no file on the base): each group
    /// with its count and a link into the proposed file. Null: the body lists repositories from the diff.
    /// </summary>
    public ProposalFacts? Proposal { get; init; }
}

/// <summary>One more file of the profile (another language): its path, how it is built from its text on the base (null when absent), and its cards from its new text.</summary>
internal sealed record ProfileTranslation(string Path, Func<string?, string> BuildContent, Func<string, IReadOnlyList<FileChange>> Companions);

/// <summary>What a publish run did (or, in dry-run, would do).</summary>
internal sealed record PublishOutcome
{
    public required PublishStatus Status { get; init; }

    public bool Changed => Status.IsChange();
    public int? PullRequestNumber { get; init; }
    public string? PullRequestUrl { get; init; }
    public required string Branch { get; init; }
    public required UnifiedDiff Diff { get; init; }

    /// <summary>The writes, in order, as lines for a person (stderr in dry-run, the log otherwise).</summary>
    public required IReadOnlyList<string> Plan { get; init; }

    /// <summary>Set when the run could not do its job (someone else's commits on our branch).</summary>
    public string? Problem { get; init; }

    /// <summary>The file as the run would have it (the job summary previews it).</summary>
    public string NewText { get; init; } = "";

    /// <summary>The base branch the pull request targets.</summary>
    public string BaseName { get; init; } = "";

    /// <summary>The pull request branch's head after the run, when there is one.</summary>
    public string? HeadSha { get; init; }

    /// <summary>The commit's other files (cards) against the base: added, changed, removed or unchanged.</summary>
    public IReadOnlyList<FileOutcome> Files { get; init; } = [];

    /// <summary>The job summary's section on the cards (Markdown, after the outcome; empty: none).</summary>
    public string CardsSummary { get; init; } = "";

    /// <summary>Per repository, what changed since the previous proposal and since the base (plain lines; empty on a first fill).</summary>
    public IReadOnlyList<string> ChangeList { get; init; } = [];

    /// <summary>
    /// The same lists in Markdown, as the pull request's body has them ("since the previous
    /// proposal", "since main"): the job summary opens with them. Empty on a first fill, and when
    /// the run proposes nothing new (the pull request is up to date).
    /// </summary>
    public string ChangesSummary { get; init; } = "";

    /// <summary>What GitHub refused this run (labels, reviewers, teams, assignees, draft): warnings, not failures.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>One file beside the profile as the run leaves it: added, changed, removed or unchanged, and its size in bytes (before: when changed).</summary>
internal sealed record FileOutcome(string Path, string Kind, int Bytes)
{
    public int? Before { get; init; }
}
