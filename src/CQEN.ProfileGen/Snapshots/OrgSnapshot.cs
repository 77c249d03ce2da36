namespace CQEN.ProfileGen.Snapshots;

/// <summary>
/// Everything read about one organization, at one moment: the only input of the pure core.
/// Its JSON form (see <see cref="SnapshotJson"/>) is versioned and stable, so users can keep
/// snapshots for review and render them again without a network.
/// </summary>
internal sealed record OrgSnapshot
{
    public const int CurrentSchema = 1;

    public int Schema { get; init; } = CurrentSchema;

    /// <summary>The REST API base the data came from (never carries a token).</summary>
    public string ApiUrl { get; init; } = "https://api.github.com/";

    /// <summary>When the data was read. Not used by the default template (zero churn).</summary>
    public DateTimeOffset ReadAt { get; init; }

    public required OrgProfile Org { get; init; }

    /// <summary>Every repository read, unfiltered, sorted by name (ordinal, case-insensitive).</summary>
    public IReadOnlyList<RepoSnapshot> Repos { get; init; } = [];
}

internal sealed record OrgProfile
{
    public required string Login { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public required string Url { get; init; }
    public string? Blog { get; init; }
    public string? Location { get; init; }
    public string? Email { get; init; }
    public string? AvatarUrl { get; init; }
    public bool IsVerified { get; init; }
    public int PublicRepos { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
}

internal sealed record RepoSnapshot
{
    public required string Name { get; init; }
    public required string FullName { get; init; }
    public string? Description { get; init; }
    public required string Url { get; init; }
    public string? Homepage { get; init; }
    public string? Language { get; init; }
    public IReadOnlyList<string> Topics { get; init; } = [];
    public int Stars { get; init; }
    public int Forks { get; init; }
    public bool Archived { get; init; }
    public bool Fork { get; init; }
    public bool IsTemplate { get; init; }

    /// <summary>"public", "private" or "internal".</summary>
    public string Visibility { get; init; } = "public";
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public DateTimeOffset? PushedAt { get; init; }
    public string? DefaultBranch { get; init; }

    /// <summary>Null when the repository has no licence at all.</summary>
    public RepoLicense? License { get; init; }

    /// <summary>Null when the repository has no README.</summary>
    public ReadmeHeader? Readme { get; init; }

    /// <summary>The shields.io badges of the README header, in reading order.</summary>
    public IReadOnlyList<Badges.ShieldsBadge> Badges { get; init; } = [];

    public bool Pinned { get; init; }

    /// <summary>
    /// The names at the repository root, folders ending in "/"; null when the reader did not list
    /// the root (the REST reader, older snapshots). The audit checks relative badge links against it.
    /// </summary>
    public IReadOnlyList<string>? RootFiles { get; init; }

    /// <summary>Community files, CI, latest release, disabled, as GitHub said them; null when the snapshot predates them.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public RepoHealthRead? Health { get; init; }

    /// <summary>The text of <c>publiccode.yml</c> at the repository root (untrusted, unparsed); null when there is none or it was not read.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Publiccode { get; init; }

    /// <summary>The text of <c>catalog-info.yaml</c> (Backstage) at the repository root (untrusted, unparsed); null when there is none or it was not read.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? CatalogInfo { get; init; }

    /// <summary>
    /// The first sentence of each README written in one language (<c>README.en.md</c>,
    /// <c>README.fr.md</c>), language → sentence (untrusted); null when there is none or they were not read.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? ReadmeSummaries { get; init; }

    /// <summary>The organization's custom properties set on the repository, name → value(s) (one for a text, several for a multi-select); null when they were not read.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? CustomProperties { get; init; }
}

/// <summary>What is known of a repository's licence and where that knowledge came from.</summary>
internal sealed record RepoLicense
{
    /// <summary>SPDX id ("LiLiQ-P-1.1", "MIT"), or "NOASSERTION" when nobody could tell.</summary>
    public required string SpdxId { get; init; }
    public string? Name { get; init; }

    /// <summary>GitHub's licence key ("mit", "other"), when GitHub gave one.</summary>
    public string? Key { get; init; }

    /// <summary>Path of the licence file in the repository ("LICENSE").</summary>
    public string? Path { get; init; }

    /// <summary>Web URL of the licence file (html_url), which badges link to.</summary>
    public string? Url { get; init; }

    /// <summary>"github" (GitHub's detection), "file-text" (identified from the file) or "config" (an override).</summary>
    public string Source { get; init; } = "github";

    /// <summary>Whether GitHub named the licence (it says NOASSERTION for those it does not know, such as the LiLiQ).</summary>
    public static bool GitHubKnows(string? spdxId) => !string.IsNullOrEmpty(spdxId) && spdxId != "NOASSERTION";

    /// <summary>
    /// The one licence decision of both readers: GitHub's answer when it knows the licence, else
    /// the licence <paramref name="identified"/> from the file's text, else still unknown.
    /// </summary>
    public static RepoLicense Decide(string? githubSpdx, string? name, string? key, string? path, string? url, string? identified) =>
        GitHubKnows(githubSpdx)
            ? new RepoLicense { SpdxId = githubSpdx!, Name = name, Key = key, Path = path, Url = url, Source = "github" }
            : new RepoLicense
            {
                SpdxId = identified ?? "NOASSERTION",
                Name = identified is null ? name : Licenses.LicenseCatalog.Name(identified) ?? identified,
                Key = key,
                Path = path,
                Url = url,
                Source = identified is null ? "github" : "file-text",
            };
}

/// <summary>The top of a README: the part that carries badges, kept so a snapshot can be re-parsed.</summary>
internal sealed record ReadmeHeader
{
    public required string Path { get; init; }
    public string? Url { get; init; }

    /// <summary>The header text: between the ENTETE markers when present, else the first lines.</summary>
    public required string Text { get; init; }
    public bool HasEnteteMarkers { get; init; }

    /// <summary>1-based line of the first <c>&lt;!-- ENTETE --&gt;</c>; null when there is none (or the snapshot predates this field).</summary>
    public int? EnteteBeginLine { get; init; }

    /// <summary>1-based line of the first <c>&lt;!-- FIN ENTETE --&gt;</c>; null when there is none (or the snapshot predates this field).</summary>
    public int? EnteteEndLine { get; init; }

    /// <summary>The first sentence of the README after its header, as plain text (untrusted), at most 160 characters.</summary>
    public string? Summary { get; init; }

    /// <summary>Why the README could not be read as Markdown (then it gives no badges and no summary); null when it was read.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Unreadable { get; init; }

    /// <summary>
    /// What a snapshot keeps of a README: its header, and the badges found in it. A README
    /// Markdig cannot read within bounds (nesting, size, time) gives neither badges nor summary,
    /// and says why in <see cref="Unreadable"/>: one hostile README never stops the organization.
    /// </summary>
    public static (ReadmeHeader Header, IReadOnlyList<Badges.ShieldsBadge> Badges) Read(string path, string? url, string readmeText) =>
        Read(path, url, readmeText, Badges.ShieldsBadgeParser.MaxParseTime);

    internal static (ReadmeHeader Header, IReadOnlyList<Badges.ShieldsBadge> Badges) Read(string path, string? url, string readmeText, TimeSpan maxParseTime)
    {
        var (text, markers) = Badges.ReadmeHeaderExtractor.Extract(readmeText);
        var (begin, end) = Badges.ReadmeHeaderExtractor.MarkerLines(readmeText);
        var header = new ReadmeHeader
        {
            Path = path,
            Url = url,
            Text = text,
            HasEnteteMarkers = markers,
            EnteteBeginLine = begin,
            EnteteEndLine = end,
        };
        try
        {
            var badges = Badges.ShieldsBadgeParser.Parse(readmeText, maxParseTime);
            return (header with { Summary = ReadmeSummary.FirstSentence(readmeText) }, badges);
        }
        catch (Badges.UnreadableReadmeException ex)
        {
            return (header with { Unreadable = ex.Message }, []);
        }
    }
}
