namespace CQEN.ProfileGen.Configuration;

/// <summary>
/// Everything a run can be told, with defaults. Layered: defaults → profilegen.yml → command-line
/// options. Paths are already resolved against the config file's folder.
/// </summary>
internal sealed record ProfileGenConfig
{
    public string? Org { get; init; }
    public string? ApiUrl { get; init; }

    /// <summary>A template file; null means the embedded default for <see cref="Culture"/>.</summary>
    public string? Template { get; init; }

    /// <summary>Picks the default template, date and number formats, and the pull request's words.</summary>
    public ProfileCulture Culture { get; init; } = ProfileCulture.French;

    /// <summary>
    /// <c>cultures:</c> every language the profile is written in, the first being the profile's own
    /// file (publish.target_path), each other one a file of its own (publish.culture_paths); empty:
    /// <see cref="Culture"/> alone.
    /// </summary>
    public IReadOnlyList<ProfileCulture> Cultures { get; init; } = [];

    /// <summary>The languages of the run, first first: <see cref="Cultures"/>, else <see cref="Culture"/> alone.</summary>
    public IReadOnlyList<ProfileCulture> Languages => Cultures.Count > 0 ? Cultures : [Culture];

    public RepoFilter Filters { get; init; } = new();

    /// <summary>Repositories shown first, in this order (<c>featured:</c>); empty means the organization's pinned ones.</summary>
    public IReadOnlyList<string> Featured { get; init; } = [];
    public GroupingOptions Grouping { get; init; } = new();

    /// <summary>Name (default), pushed (most recent first) or stars (most first).</summary>
    public RepoSort Sort { get; init; } = RepoSort.Name;

    /// <summary>Fallback lifecycles, by topic, for repositories whose README has no lifecycle badge.</summary>
    public IReadOnlyList<LifecycleRule> LifecycleRules { get; init; } = [];

    /// <summary>Repository name → SPDX id, when neither GitHub nor the file text is right.</summary>
    public IReadOnlyDictionary<string, string> LicenseOverrides { get; init; } = new Dictionary<string, string>();

    /// <summary>Trusted, organization-written parts of the profile (header, prose, links).</summary>
    public ProfileText Profile { get; init; } = new();

    public PublishTarget Publish { get; init; } = new();

    /// <summary>The lifecycle vocabulary: declared labels and values, and the variants folded into them.</summary>
    public LifecycleVocabulary Lifecycle { get; init; } = new();

    public AuditOptions Audit { get; init; } = new();

    public SizeLimits Limits { get; init; } = new();

    public CardsOptions Cards { get; init; } = new();

    /// <summary>The health view and the activity thresholds (<c>health:</c>).</summary>
    public HealthOptions Health { get; init; } = new();

    /// <summary>How catalogue sources are reconciled (<c>catalogue:</c>).</summary>
    public CatalogueOptions Catalogue { get; init; } = new();
}

/// <summary>The SVG cards written beside the README (cards:).</summary>
internal sealed record CardsOptions
{
    public const string DefaultPath = "cards";

    /// <summary>False: no card is made, and the default templates show none.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Their folder, relative to the README: plain names separated by "/", never leaving the README's folder.</summary>
    public string Path { get; init; } = DefaultPath;
}

/// <summary>What keeps the profile readable and reviewable at any size.</summary>
internal sealed record SizeLimits
{
    public const int DefaultMaxBytes = 400 * 1024;

    /// <summary>Repositories listed per group before "… and N more" (the default templates; group.shown / group.total).</summary>
    public int PerGroup { get; init; } = 50;

    /// <summary>
    /// The largest README the run writes, in bytes: GitHub shows no diff of a file above 500 KB in
    /// a pull request, and renders no Markdown preview of a large file.
    /// </summary>
    public int MaxBytes { get; init; } = DefaultMaxBytes;
}

internal sealed record AuditOptions
{
    /// <summary>Rule id → "off", "error", "warning" or "notice"; rules not listed keep their default severity.</summary>
    public IReadOnlyDictionary<string, string> Rules { get; init; } = new Dictionary<string, string>();
}

internal sealed record RepoFilter
{
    /// <summary>Visibilities listed: "public", "private", "internal".</summary>
    public IReadOnlyList<string> Visibility { get; init; } = ["public"];
    public bool IncludeArchived { get; init; }
    public bool IncludeForks { get; init; }

    /// <summary>Name globs (* and ?), case-insensitive; empty means every name.</summary>
    public IReadOnlyList<string> IncludeNames { get; init; } = [];
    public IReadOnlyList<string> ExcludeNames { get; init; } = [];

    /// <summary>When not empty, a repository needs at least one of these topics.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];
    public IReadOnlyList<string> ExcludeTopics { get; init; } = [];

    /// <summary>The profile repositories themselves (.github, .github-private) are left out unless true.</summary>
    public bool IncludeProfileRepos { get; init; }
}

internal sealed record GroupingOptions
{
    public GroupBy By { get; init; } = GroupBy.Lifecycle;

    /// <summary>
    /// Group titles in the order they should appear; the rest follow in the lifecycle's order
    /// (<see cref="LifecycleVocabulary.Rank"/>), then alphabetically.
    /// </summary>
    public IReadOnlyList<string> Order { get; init; } = [];

    /// <summary>Group titles left off the page (case and accents do not matter).</summary>
    public IReadOnlyList<string> Hide { get; init; } = [];

    /// <summary>
    /// Group titles shown last, folded under one &lt;details&gt;; null = the retired phases
    /// (dormant, abandoned, archived and their usual words, <see cref="LifecycleVocabulary.StageOf"/>).
    /// </summary>
    public IReadOnlyList<string>? Collapse { get; init; }

    /// <summary>Title of the group of repositories without a value; null = the culture's default.</summary>
    public string? OtherTitle { get; init; }
}

internal sealed record LifecycleRule
{
    public required string Topic { get; init; }
    public string Label { get; init; } = "Cycle de vie";
    public required string Message { get; init; }
    public string Color { get; init; } = "339999";
}

internal sealed record ProfileText
{
    public IReadOnlyList<ProfileBadge> Badges { get; init; } = [];
    public ProfileImage? Logo { get; init; }

    /// <summary>Markdown written by the organization (trusted), from <c>intro_file</c> or <c>intro</c>.</summary>
    public string? Intro { get; init; }
    public string? LinksIntro { get; init; }
    public IReadOnlyList<ProfileLink> Links { get; init; } = [];
}

/// <summary>A header badge. <see cref="License"/> true: message and link come from the profile repository's licence.</summary>
internal sealed record ProfileBadge
{
    public string Alt { get; init; } = "img";
    public string Label { get; init; } = "";
    public string? Message { get; init; }
    public string Color { get; init; } = "blue";
    public string? Link { get; init; }
    public bool License { get; init; }
}

internal sealed record ProfileImage(string Alt, string Image, string? Link);

internal sealed record ProfileLink(string Title, string Url);

internal sealed record PublishTarget
{
    public string TargetRepo { get; init; } = ".github";
    public string TargetPath { get; init; } = "profile/README.md";
    public string Branch { get; init; } = "profilegen/profile-readme";
    public string? Base { get; init; }
    public string? Title { get; init; }
    public IReadOnlyList<string> Labels { get; init; } = [];
    public IReadOnlyList<string> Reviewers { get; init; } = [];

    /// <summary>Publish a profile naming private or internal repositories into a public repository (refused unless set: REAL-GITHUB R7).</summary>
    public bool AllowPrivateInPublic { get; init; }

    /// <summary>The facts file committed with the profile (per-repository facts, the managed cards), from the repository root.</summary>
    public string FactsPath { get; init; } = "profile/.profilegen/facts.json";

    /// <summary>Managed region name → template file, for hand-written READMEs with regions.</summary>
    public IReadOnlyDictionary<string, string> Regions { get; init; } = new Dictionary<string, string>();

    /// <summary>Culture ("en") → the file of the profile in that language, from the repository root; a culture not named gets target_path with its language before the extension (profile/README.en.md).</summary>
    public IReadOnlyDictionary<string, string> CulturePaths { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The file of the profile in a culture: <paramref name="targetPath"/> for the first of
    /// <paramref name="cultures"/>, else its culture_paths entry, else the target with the
    /// culture's language before the extension (profile/README.md → profile/README.en.md).
    /// </summary>
    public string PathFor(ProfileCulture culture, IReadOnlyList<ProfileCulture> cultures, string targetPath)
    {
        if (cultures.Count == 0 || cultures[0] == culture)
        {
            return targetPath;
        }
        if (CulturePaths.TryGetValue(culture.Word(), out var configured))
        {
            return configured;
        }
        var slash = targetPath.LastIndexOf('/');
        var dot = targetPath.LastIndexOf('.');
        var language = culture.Language();
        return dot > slash + 1 ? $"{targetPath[..dot]}.{language}{targetPath[dot..]}" : $"{targetPath}.{language}";
    }
}
