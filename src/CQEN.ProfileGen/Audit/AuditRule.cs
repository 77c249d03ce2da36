namespace CQEN.ProfileGen.Audit;

/// <summary>One check of the audit: its id (used in profilegen.yml, annotations and JSON) and default severity. What each one reports is in docs/audit.md's table of rules.</summary>
internal sealed record AuditRule(string Id, Severity DefaultSeverity)
{
    public const Severity Error = Severity.Error;
    public const Severity Warning = Severity.Warning;
    public const Severity Notice = Severity.Notice;

    public static readonly AuditRule LicenseBadgeMismatch = new("license-badge-mismatch", Error);
    public static readonly AuditRule LicenseBadgeWithoutFile = new("license-badge-without-file", Error);
    public static readonly AuditRule LicenseMissing = new("license-missing", Warning);
    public static readonly AuditRule LicenseUnidentified = new("license-unidentified", Warning);
    public static readonly AuditRule BadgeLinkBroken = new("badge-link-broken", Warning);
    public static readonly AuditRule HeaderMarkers = new("header-markers", Error);
    public static readonly AuditRule LifecycleMissing = new("lifecycle-missing", Warning);
    public static readonly AuditRule LifecycleUnknown = new("lifecycle-unknown", Warning);
    public static readonly AuditRule LifecycleVariant = new("lifecycle-variant", Notice);
    public static readonly AuditRule DescriptionMissing = new("description-missing", Notice);
    public static readonly AuditRule ReadmeUnreadable = new("readme-unreadable", Warning);
    public static readonly AuditRule FeaturedUnknown = new("featured-unknown", Warning);
    public static readonly AuditRule CatalogueLifecycleConflict = new("catalogue-lifecycle-conflict", Warning);
    public static readonly AuditRule CatalogueLicenseConflict = new("catalogue-license-conflict", Error);
    public static readonly AuditRule CatalogueMaintenanceNone = new("catalogue-maintenance-none", Warning);
    public static readonly AuditRule CatalogueSummaryOneLanguage = new("catalogue-summary-one-language", Notice);
    public static readonly AuditRule CatalogueFileMalformed = new("catalogue-file-malformed", Warning);

    /// <summary>Every rule, in the order reports list them (most serious first).</summary>
    public static readonly IReadOnlyList<AuditRule> All =
    [
        LicenseBadgeMismatch, LicenseBadgeWithoutFile, HeaderMarkers, LicenseMissing, LicenseUnidentified,
        BadgeLinkBroken, FeaturedUnknown, LifecycleMissing, LifecycleUnknown, LifecycleVariant, DescriptionMissing, ReadmeUnreadable,
        // Health (Health/HealthAudit.cs): community files, CI, staleness, releases.
        HealthAudit.SecurityPolicyMissing, HealthAudit.CiFailing, HealthAudit.CodeOfConductMissing,
        HealthAudit.ContributingMissing, HealthAudit.Stale, HealthAudit.NoRelease,
        CatalogueLicenseConflict, CatalogueLifecycleConflict, CatalogueMaintenanceNone, CatalogueFileMalformed, CatalogueSummaryOneLanguage,
    ];

    /// <summary>0 for errors, 1 for warnings, 2 for notices: the order findings are shown in when space is short.</summary>
    /// <summary>Most severe first.</summary>
    public static int Rank(Severity severity) => (int)severity;

    /// <summary>A finding of this rule on <paramref name="repo"/>, at its default severity (the configuration's overrides come after).</summary>
    public AuditFinding On(string repo, string message, string? path = null, int? line = null, string? suggestion = null, string? url = null) => new()
    {
        Repo = repo,
        Rule = Id,
        Severity = DefaultSeverity,
        Message = message,
        Path = path,
        Line = line,
        Suggestion = suggestion,
        Url = url,
    };
}

/// <summary>
/// Something to fix in a repository's metadata. <see cref="Message"/> is one plain-text sentence
/// that may quote repository text: escape it for Markdown, HTML or workflow commands.
/// </summary>
internal sealed record AuditFinding
{
    public required string Repo { get; init; }
    public required string Rule { get; init; }

    /// <summary>After the configuration's overrides.</summary>
    public required Severity Severity { get; init; }
    public required string Message { get; init; }

    /// <summary>The file at fault, in the repository (README.md, LICENSE), when there is one.</summary>
    public string? Path { get; init; }

    /// <summary>1-based line in <see cref="Path"/>, when known.</summary>
    public int? Line { get; init; }

    /// <summary>The value the fix would write (a licence short name, an existing file, a canonical spelling).</summary>
    public string? Suggestion { get; init; }

    /// <summary>The file (and line) on GitHub, when known.</summary>
    public string? Url { get; init; }

    /// <summary>"README.md:3", "LICENSE", or "" for a finding about the repository as a whole.</summary>
    public string Where => Path is null ? "" : Line is { } l ? $"{Path}:{l}" : Path;
}
