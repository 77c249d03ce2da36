using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Licenses;
using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Catalogue;

/// <summary>One source's word for a repository's lifecycle.</summary>
/// <param name="Source">A <see cref="CatalogueOptions.Sources"/> id.</param>
/// <param name="Written">The word as the source wrote it.</param>
/// <param name="Stage">The stage it names (<see cref="LifecycleVocabulary.StageOf"/>); null for a word that names none.</param>
/// <param name="Compatible">The stages it can mean: a coarse word (Backstage "experimental") agrees with several.</param>
internal sealed record LifecycleClaim(string Source, string Written, LifecycleStage? Stage, IReadOnlySet<LifecycleStage> Compatible, string? Path, int? Line)
{
    /// <summary>Whether two claims can both be true.</summary>
    public bool AgreesWith(LifecycleClaim other) =>
        Stage is null || other.Stage is null || Compatible.Overlaps(other.Compatible);
}

/// <summary>One source's licence for a repository ("licence-file", "license-overrides" or a precedence source).</summary>
internal sealed record LicenseClaim(string Source, string Written, string? Path, int? Line);

/// <summary>A summary and where it came from; <see cref="Fallback"/> when no source wrote it in that language.</summary>
internal sealed record SourcedText(string Text, string Source, bool Fallback);

/// <summary>What the catalogue knows of one repository, each fact with its provenance.</summary>
internal sealed record RepoCatalogue
{
    public required string Repo { get; init; }

    /// <summary>The winning lifecycle claim (configured precedence), null when no source has one.</summary>
    public LifecycleClaim? Lifecycle { get; init; }

    /// <summary>The lifecycle in the organization's words (lifecycle.values and aliases), else as written.</summary>
    public string? LifecycleValue { get; init; }

    public IReadOnlyList<LifecycleClaim> LifecycleClaims { get; init; } = [];

    public LicenseClaim? License { get; init; }
    public IReadOnlyList<LicenseClaim> LicenseClaims { get; init; } = [];

    /// <summary>"fr" and "en" → the summary in that language (or a visible fallback), null when there is nothing at all.</summary>
    public IReadOnlyDictionary<string, SourcedText?> Summaries { get; init; } = new Dictionary<string, SourcedText?>();

    public string? Owner { get; init; }
    public PubliccodeFile? Publiccode { get; init; }
    public CatalogInfoFile? CatalogInfo { get; init; }
    public IReadOnlyList<CatalogueProblem> Problems { get; init; } = [];

    /// <summary>Whether the repository carries any catalogue source beyond a badge or a description.</summary>
    public bool HasCatalogueSources { get; init; }
}

/// <summary>
/// Reconciles a repository's catalogue sources into one lifecycle, one licence and one summary
/// per language, each with its source, by <c>catalogue.precedence</c>. Pure: the snapshot and the
/// configuration in, values out.
/// </summary>
internal static class CatalogueReconciler
{
    /// <summary>The languages a summary is kept in: ORE and the bilingual profile need both.</summary>
    public static readonly IReadOnlyList<string> Languages = ["fr", "en"];

    public const string LicenseFile = "licence-file";
    public const string LicenseOverrides = "license-overrides";
    public const string GitHubDescription = "github-description";
    public const string ReadmeSentence = "readme";

    /// <summary>The first sentence of the README written in the summary's language (<c>README.en.md</c>).</summary>
    public const string ReadmeInLanguage = "readme-language";

    /// <summary>A summary from <c>catalogue.summaries</c>.</summary>
    public const string ConfiguredSummary = "config";

    public static RepoCatalogue Reconcile(RepoSnapshot repo, ProfileGenConfig config)
    {
        var options = config.Catalogue;
        var problems = new List<CatalogueProblem>();
        PubliccodeFile? publiccode = null;
        if (repo.Publiccode is { } publiccodeText)
        {
            (publiccode, var found) = PubliccodeFile.Parse(publiccodeText);
            problems.AddRange(found);
        }
        CatalogInfoFile? catalogInfo = null;
        if (repo.CatalogInfo is { } catalogInfoText)
        {
            (catalogInfo, var found) = CatalogInfoFile.Parse(catalogInfoText);
            problems.AddRange(found);
        }
        var properties = repo.CustomProperties ?? new Dictionary<string, IReadOnlyList<string>>();

        var lifecycleClaims = options.Precedence
            .Select(source => LifecycleOf(source, repo, config, publiccode, catalogInfo, properties))
            .OfType<LifecycleClaim>()
            .ToArray();
        var lifecycle = lifecycleClaims.FirstOrDefault(c => c.Stage is not null) ?? lifecycleClaims.FirstOrDefault();

        var licenseClaims = LicenseClaims(repo, config, publiccode, properties).ToArray();

        var summaries = Languages.ToDictionary(l => l, l => Summary(l, repo, config, publiccode, catalogInfo, properties), StringComparer.Ordinal);
        return new RepoCatalogue
        {
            Repo = repo.Name,
            Lifecycle = lifecycle,
            LifecycleValue = lifecycle is null ? null : InOrganizationWords(lifecycle, config.Lifecycle),
            LifecycleClaims = lifecycleClaims,
            License = licenseClaims.FirstOrDefault(),
            LicenseClaims = licenseClaims,
            Summaries = summaries,
            Owner = Property(properties, options.Properties.Owner) ?? catalogInfo?.Owner,
            Publiccode = publiccode,
            CatalogInfo = catalogInfo,
            Problems = problems,
            HasCatalogueSources = repo.Publiccode is not null || repo.CatalogInfo is not null || properties.Count > 0 || repo.ReadmeSummaries is { Count: > 0 },
        };
    }

    private static LifecycleClaim? LifecycleOf(string source, RepoSnapshot repo, ProfileGenConfig config, PubliccodeFile? publiccode, CatalogInfoFile? catalogInfo, IReadOnlyDictionary<string, IReadOnlyList<string>> properties)
    {
        switch (source)
        {
            case CatalogueOptions.CustomProperty when Property(properties, config.Catalogue.Properties.Lifecycle) is { } word:
                return Claim(source, word, config.Lifecycle, null, null);
            case CatalogueOptions.Publiccode when publiccode?.DevelopmentStatus is { } status:
                return PubliccodeClaim(publiccode, status);
            case CatalogueOptions.ReadmeBadge when StatusBadges.Find(repo, config.Lifecycle) is { } badge:
                return BadgeClaim(badge, repo.Readme?.Path ?? "README.md", config.Lifecycle);
            case CatalogueOptions.CatalogInfo when catalogInfo?.Lifecycle is { } word:
                return BackstageClaim(word, catalogInfo.LifecycleLine);
            case CatalogueOptions.TopicRule when config.LifecycleRules.FirstOrDefault(r => repo.Topics.Contains(r.Topic, StringComparer.OrdinalIgnoreCase)) is { } rule:
                return Claim(source, rule.Message, config.Lifecycle, null, null);
            default:
                return null;
        }
    }

    // A word in the organization's vocabulary (an alias may name a phase) or any standard's.
    private static LifecycleClaim Claim(string source, string word, LifecycleVocabulary vocabulary, string? path, int? line)
    {
        var folded = vocabulary.Value(word);
        var stage = LifecycleVocabulary.StageOf(folded.Canonical) ?? LifecycleVocabulary.StageOf(word);
        return new LifecycleClaim(source, word, stage, Set(stage), path, line);
    }

    // publiccode has no dormant status: a paused project keeps its last status with
    // maintenance.type none. "development" is code under way, which CQEN splits into
    // experimentation and development.
    private static LifecycleClaim PubliccodeClaim(PubliccodeFile file, string status)
    {
        var unmaintained = file.MaintenanceType == "none" && status != "obsolete";
        var stage = status switch
        {
            "concept" => LifecycleStage.Discovery,
            "development" => (LifecycleStage?)LifecycleStage.Development,
            "beta" => LifecycleStage.Beta,
            "stable" => LifecycleStage.Production,
            _ => LifecycleStage.Abandoned,
        };
        var compatible = status switch
        {
            "development" => Set(LifecycleStage.Experimentation, LifecycleStage.Development),
            "obsolete" => Set(LifecycleStage.Abandoned, LifecycleStage.Archived),
            _ => Set(stage),
        };
        if (unmaintained)
        {
            compatible = [.. compatible, LifecycleStage.Dormant];
            stage = LifecycleStage.Dormant;
        }
        var written = unmaintained ? $"{status} (maintenance.type: none)" : status;
        return new LifecycleClaim(CatalogueOptions.Publiccode, written, stage, compatible, PubliccodeFile.FileName, file.DevelopmentStatusLine);
    }

    // repostatus has no beta: WIP is everything before the first stable release, and Active
    // needs one. Its Concept also covers a demonstration (experimentation).
    private static LifecycleClaim BadgeClaim(StatusBadge badge, string readmePath, LifecycleVocabulary vocabulary)
    {
        if (badge.Family != "repostatus")
        {
            var claim = Claim(CatalogueOptions.ReadmeBadge, badge.Word, vocabulary, readmePath, badge.Line);
            return claim;
        }
        var (stage, compatible) = badge.Word switch
        {
            "concept" => ((LifecycleStage?)LifecycleStage.Discovery, Set(LifecycleStage.Discovery, LifecycleStage.Experimentation)),
            "wip" => (LifecycleStage.Development, Set(LifecycleStage.Experimentation, LifecycleStage.Development, LifecycleStage.Beta)),
            "active" => (LifecycleStage.Production, Set(LifecycleStage.Production)),
            "suspended" or "inactive" => (LifecycleStage.Dormant, Set(LifecycleStage.Dormant)),
            "abandoned" or "unsupported" => (LifecycleStage.Abandoned, Set(LifecycleStage.Abandoned, LifecycleStage.Archived)),
            _ => (null, Set()), // moved: a new location, not a phase
        };
        return new LifecycleClaim(CatalogueOptions.ReadmeBadge, $"repostatus {badge.Word}", stage, compatible, readmePath, badge.Line);
    }

    // Backstage's words are coarse: "experimental" is anything before production.
    private static LifecycleClaim BackstageClaim(string word, int? line)
    {
        var (stage, compatible) = word.ToLowerInvariant() switch
        {
            "experimental" => ((LifecycleStage?)LifecycleStage.Experimentation, Set(LifecycleStage.Discovery, LifecycleStage.Experimentation, LifecycleStage.Development, LifecycleStage.Beta)),
            "production" => (LifecycleStage.Production, Set(LifecycleStage.Production)),
            "deprecated" => (LifecycleStage.Abandoned, Set(LifecycleStage.Dormant, LifecycleStage.Abandoned, LifecycleStage.Archived)),
            _ => (LifecycleVocabulary.StageOf(word), Set(LifecycleVocabulary.StageOf(word))),
        };
        return new LifecycleClaim(CatalogueOptions.CatalogInfo, word, stage, compatible, CatalogInfoFile.FileName, line);
    }

    private static HashSet<LifecycleStage> Set(params LifecycleStage?[] stages) =>
        stages.OfType<LifecycleStage>().ToHashSet();

    /// <summary>The organization's word for a claim: its canonical spelling, else the first declared value of the same stage, else as written.</summary>
    public static string InOrganizationWords(LifecycleClaim claim, LifecycleVocabulary vocabulary)
    {
        var folded = vocabulary.Value(claim.Written);
        if (folded.Kind is FoldKind.Exact or FoldKind.Alias or FoldKind.Spelling)
        {
            return folded.Canonical;
        }
        return vocabulary.Values.FirstOrDefault(v => claim.Stage is { } stage && LifecycleVocabulary.StageOf(vocabulary.Value(v).Canonical) == stage) ?? claim.Written;
    }

    // license_overrides and the licence file are facts about the code; the rest are claims,
    // taken in the configured precedence.
    private static IEnumerable<LicenseClaim> LicenseClaims(RepoSnapshot repo, ProfileGenConfig config, PubliccodeFile? publiccode, IReadOnlyDictionary<string, IReadOnlyList<string>> properties)
    {
        if (config.LicenseOverrides.TryGetValue(repo.Name, out var overridden))
        {
            yield return new LicenseClaim(LicenseOverrides, overridden, null, null);
        }
        if (repo.License is { SpdxId: { Length: > 0 } spdx } license && spdx != "NOASSERTION")
        {
            yield return new LicenseClaim(LicenseFile, spdx, license.Path, null);
        }
        foreach (var source in config.Catalogue.Precedence)
        {
            switch (source)
            {
                case CatalogueOptions.CustomProperty when Property(properties, config.Catalogue.Properties.License) is { } value:
                    yield return new LicenseClaim(source, value, null, null);
                    break;
                case CatalogueOptions.Publiccode when publiccode?.License is { Length: > 0 } expression:
                    yield return new LicenseClaim(source, expression, PubliccodeFile.FileName, publiccode.LicenseLine);
                    break;
                case CatalogueOptions.ReadmeBadge when Badges.LifecycleBadge.FindLicense(repo.Badges) is { Message: { Length: > 0 } said } badge:
                    yield return new LicenseClaim(source, said, repo.Readme?.Path ?? "README.md", badge.Line);
                    break;
            }
        }
    }

    /// <summary>
    /// Whether two licence texts agree: an SPDX expression ("EUPL-1.2 OR MIT") agrees with a
    /// licence it offers; names compare as <see cref="LicenseCatalog.SameLicense"/> does.
    /// </summary>
    public static bool SameLicense(string a, string b) =>
        Alternatives(a).Any(x => Alternatives(b).Any(y => LicenseCatalog.SameLicense(x, y)));

    private static IEnumerable<string> Alternatives(string expression) =>
        expression.Replace("(", " ", StringComparison.Ordinal).Replace(")", " ", StringComparison.Ordinal)
            .Split([" OR ", " AND ", " or ", " and "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.Split(" WITH ", StringSplitOptions.TrimEntries)[0]);

    private static SourcedText? Summary(string language, RepoSnapshot repo, ProfileGenConfig config, PubliccodeFile? publiccode, CatalogInfoFile? catalogInfo, IReadOnlyDictionary<string, IReadOnlyList<string>> properties)
    {
        var own = SummaryIn(language, repo, config, publiccode, properties);
        if (own is not null)
        {
            return own;
        }
        // Nothing in this language: the other language's, else texts of no stated language; shown as a fallback.
        var other = Languages.Where(l => l != language).Select(l => SummaryIn(l, repo, config, publiccode, properties)).OfType<SourcedText>().FirstOrDefault();
        if (other is not null)
        {
            return other with { Fallback = true };
        }
        if (repo.Description is { } description && !string.IsNullOrWhiteSpace(description))
        {
            return new SourcedText(description.Trim(), GitHubDescription, true);
        }
        if (config.Catalogue.Precedence.Contains(CatalogueOptions.CatalogInfo) && catalogInfo?.Description is { Length: > 0 } backstage)
        {
            return new SourcedText(backstage, CatalogueOptions.CatalogInfo, true);
        }
        return repo.Readme?.Summary is { Length: > 0 } sentence ? new SourcedText(sentence, ReadmeSentence, true) : null;
    }

    // The sources that state a language: custom properties per language, publiccode description.<lang>,
    // then catalogue.summaries (the organization filling a gap its files leave), then README.<lang>.md.
    private static SourcedText? SummaryIn(string language, RepoSnapshot repo, ProfileGenConfig config, PubliccodeFile? publiccode, IReadOnlyDictionary<string, IReadOnlyList<string>> properties)
    {
        var propertyName = language == "fr" ? config.Catalogue.Properties.SummaryFr : config.Catalogue.Properties.SummaryEn;
        foreach (var source in config.Catalogue.Precedence)
        {
            if (source == CatalogueOptions.CustomProperty && Property(properties, propertyName) is { } text)
            {
                return new SourcedText(text, source, false);
            }
            if (source == CatalogueOptions.Publiccode && publiccode?.DescriptionIn(language)?.ShortDescription is { Length: > 0 } shortDescription)
            {
                return new SourcedText(shortDescription, source, false);
            }
        }
        if (Configured(repo.Name, language, config) is { } configured)
        {
            return new SourcedText(configured, ConfiguredSummary, false);
        }
        // A README written in that language (README.en.md) says what the project is in its first sentence.
        return repo.ReadmeSummaries?.GetValueOrDefault(language) is { Length: > 0 } sentence ? new SourcedText(sentence, ReadmeInLanguage, false) : null;
    }

    /// <summary>The repository's summary in a language from <c>catalogue.summaries</c>, if any.</summary>
    public static string? Configured(string repo, string language, ProfileGenConfig config) =>
        config.Catalogue.Summaries.TryGetValue(repo, out var byLanguage) && byLanguage.TryGetValue(language, out var text) && text.Trim() is { Length: > 0 } trimmed
            ? trimmed
            : null;

    /// <summary>Whether the reconciler can say more of a repository than its badges and description: catalogue files, custom properties or configured summaries.</summary>
    public static bool HasSources(RepoSnapshot repo, ProfileGenConfig config) =>
        repo.Publiccode is not null || repo.CatalogInfo is not null || repo.CustomProperties is { Count: > 0 } || repo.ReadmeSummaries is { Count: > 0 }
        || config.Catalogue.Summaries.ContainsKey(repo.Name);

    /// <summary>Languages that have a summary of their own (not a fallback).</summary>
    public static IReadOnlyList<string> LanguagesWritten(RepoCatalogue catalogue) =>
        catalogue.Summaries.Where(s => s.Value is { Fallback: false }).Select(s => s.Key).ToArray();

    private static string? Property(IReadOnlyDictionary<string, IReadOnlyList<string>> properties, string name) =>
        properties.TryGetValue(name, out var values) && values.Count > 0 && values[0].Trim() is { Length: > 0 } value ? string.Join(", ", values.Select(v => v.Trim())) : null;
}
