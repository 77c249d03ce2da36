namespace CQEN.ProfileGen.Snapshots;

/// <summary>
/// What a reader learnt of a repository's health, as GitHub said it: the community files GitHub
/// reports, the default branch's CI state, the latest release, whether GitHub disabled it. Which
/// file is the repository's own and which one it inherits from the organization's <c>.github</c>
/// is decided later, in the pure core (<see cref="Health.CommunityInheritance"/>), from this and
/// the root listings, so a kept snapshot is judged by the same rule.
/// </summary>
internal sealed record RepoHealthRead
{
    /// <summary><c>isSecurityPolicyEnabled</c> (GitHub counts a policy inherited from <c>.github</c>); null: not read.</summary>
    public CommunityFileRead? SecurityPolicy { get; init; }

    /// <summary><c>codeOfConduct</c>; null: not read.</summary>
    public CommunityFileRead? CodeOfConduct { get; init; }

    /// <summary><c>contributingGuidelines</c>; null: not read.</summary>
    public CommunityFileRead? Contributing { get; init; }

    /// <summary>
    /// The head commit's <c>statusCheckRollup.state</c> in lower case ("success", "failure", "error",
    /// "pending", "expected"); "none" when the commit has no check or status; "unknown" when the
    /// token may not read it or the reader cannot ask (REST).
    /// </summary>
    public string Ci { get; init; } = HealthValues.Unknown;

    /// <summary>Whether the latest release was asked for (the REST reader does not).</summary>
    public bool ReleaseRead { get; init; }

    /// <summary>The latest release, null when there is none (or it was not read).</summary>
    public ReleaseRead? LatestRelease { get; init; }

    /// <summary>GitHub disabled the repository (<c>isDisabled</c>).</summary>
    public bool Disabled { get; init; }

    /// <summary>What the REST reader knows: nothing but the push date and the archived flag it already has.</summary>
    public static RepoHealthRead NotRead { get; } = new();
}

/// <summary>One community file as GitHub reported it: present or not, and where it is (its page).</summary>
internal sealed record CommunityFileRead(bool Present, string? Url = null)
{
    private static readonly CommunityFileRead Absent = new(false);
    private static readonly CommunityFileRead PresentWithoutPage = new(true);

    /// <summary>A file without a page of its own is one shared value (three a repository, 150,000 at 50,000 repositories).</summary>
    public static CommunityFileRead Of(bool present, string? url = null) => url is not null ? new(present, url) : present ? PresentWithoutPage : Absent;
}

/// <summary>A release: its tag and when it was published (null for a release never published).</summary>
internal sealed record ReleaseRead(string Tag, DateTimeOffset? PublishedAt);

/// <summary>The words the health values are written with, in snapshots, facts and JSON (never translated).</summary>
internal static class HealthValues
{
    public const string Unknown = "unknown";
    public const string None = "none";
}
