using CQEN.ProfileGen.Badges;
using CQEN.ProfileGen.Catalogue;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Licenses;
using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Rendering;

/// <summary>Snapshot + configuration + the time → the template model. Pure and deterministic.</summary>
internal static class TemplateModelBuilder
{
    public static readonly string[] ProfileRepoNames = [".github", ".github-private"];

    public static ProfileModel Build(OrgSnapshot snapshot, ProfileGenConfig config, DateTimeOffset now)
    {
        var defaults = Health.CommunityInheritance.Defaults(snapshot);
        // One model per repository, made in one go: at 50,000 repositories each copy a `with`
        // makes is 12 MB of garbage, and equal licence and lifecycle values are kept once.
        var shared = new SharedValues();
        var all = snapshot.Repos.Select(r => ToModel(r, config, Health.RepoHealth.Of(r, snapshot, config, defaults), shared)).ToArray();
        var kept = Sort(all.Where(r => RepoSelection.Keep(r, config.Filters)), config.Sort).ToArray();
        var orgModel = new OrgModel(snapshot.Org.Login, snapshot.Org.Name, snapshot.Org.Description, snapshot.Org.Url, snapshot.Org.Blog, snapshot.Org.Location, snapshot.Org.Email, snapshot.Org.AvatarUrl, snapshot.Org.IsVerified, snapshot.Org.PublicRepos);
        var groups = Group(kept, config, orgModel);
        // A hidden group's repositories are off the page altogether, counts included.
        if (config.Grouping.Hide.Count > 0)
        {
            var shown = groups.SelectMany(g => g.All).ToHashSet();
            kept = kept.Where(shown.Contains).ToArray();
        }
        var profileRepo = all.FirstOrDefault(r => string.Equals(r.Name, ProfileRepoNames[0], StringComparison.OrdinalIgnoreCase));
        return new ProfileModel
        {
            Org = orgModel,
            Repos = kept,
            Groups = groups,
            CollapsedGroups = groups.Where(g => g.Collapsed).ToArray(),
            GroupedBy = config.Grouping.By.Word(),
            PinnedRepos = kept.Where(r => r.Pinned).ToArray(),
            Featured = Featured(kept, config),
            ProfileRepo = profileRepo,
            Profile = config.Profile,
            Language = config.Culture,
            GeneratedAt = now,
            // The cards describe the organization as read (its months end with the reading), so
            // rendering a kept snapshot again gives the same pictures whatever the clock says.
            Health = HealthView.Of(kept, config),
            Cards = Cards.ProfileCards.Make(Cards.OrgFigures.Of(all, config, snapshot.ReadAt == default ? now : snapshot.ReadAt), config.Culture, config.Cards, Cards.HealthFigures.Of(kept, config)),
        };
    }

    /// <summary>One repository as templates see it, whether or not the filters keep it (the facts file records them all).</summary>
    public static RepoModel Repo(RepoSnapshot r, ProfileGenConfig config) => ToModel(r, config, health: null, shared: null);

    /// <summary>One repository with its health, which needs the organization (its .github defaults, the time of the reading).</summary>
    public static RepoModel Repo(RepoSnapshot r, OrgSnapshot snapshot, ProfileGenConfig config) =>
        ToModel(r, config, Health.RepoHealth.Of(r, snapshot, config), shared: null);

    // A name the page does not list (unknown, filtered out or hidden) is left out here; the audit names it.
    private static RepoModel[] Featured(IReadOnlyList<RepoModel> kept, ProfileGenConfig config)
    {
        if (config.Featured.Count == 0)
        {
            return kept.Where(r => r.Pinned).ToArray();
        }
        var byName = new Dictionary<string, RepoModel>(StringComparer.OrdinalIgnoreCase);
        foreach (var repo in kept)
        {
            byName.TryAdd(repo.Name, repo);
        }
        return config.Featured.Select(n => byName.GetValueOrDefault(n.Trim())).OfType<RepoModel>().Distinct().ToArray();
    }

    private static RepoModel ToModel(RepoSnapshot r, ProfileGenConfig config, Health.RepoHealthModel? health, SharedValues? shared)
    {
        // The catalogue is consulted only where it has something to say, so a profile without
        // catalogue files reads exactly as before.
        var catalogue = CatalogueReconciler.HasSources(r, config) ? CatalogueReconciler.Reconcile(r, config) : null;
        var page = config.Culture.Language();
        var first = config.Languages[0].Language();
        var languages = CatalogueReconciler.Languages;
        var inEach = new SummaryModel?[languages.Count];
        for (var i = 0; i < inEach.Length; i++)
        {
            inEach[i] = SummaryIn(languages[i], r, catalogue, first);
        }
        var pageIndex = StringList.IndexOf(languages, page);
        var summary = pageIndex >= 0 ? inEach[pageIndex] : SummaryIn(page, r, catalogue, first);
        var license = License(r, config);
        var lifecycle = Lifecycle(r, config);
        if (catalogue is null)
        {
            lifecycle ??= StatusBadgeLifecycle(r, config);
        }
        else
        {
            lifecycle = CatalogueLifecycle(r, catalogue, config) ?? lifecycle ?? StatusBadgeLifecycle(r, config);
            license = CatalogueLicense(r, catalogue) ?? license;
        }
        return new RepoModel
        {
            Name = r.Name,
            FullName = r.FullName,
            Description = r.Description,
            Url = r.Url,
            Homepage = r.Homepage,
            Language = r.Language,
            Topics = r.Topics,
            Stars = r.Stars,
            Forks = r.Forks,
            PushedAt = r.PushedAt,
            CreatedAt = r.CreatedAt,
            UpdatedAt = r.UpdatedAt,
            Archived = r.Archived,
            Fork = r.Fork,
            IsTemplate = r.IsTemplate,
            Visibility = r.Visibility,
            DefaultBranch = r.DefaultBranch,
            License = shared is null ? license : shared.Of(license),
            Lifecycle = shared is null ? lifecycle : shared.Of(lifecycle),
            Badges = r.Badges,
            Pinned = r.Pinned,
            Summary = summary?.Text,
            SummarySource = summary?.Source,
            SummaryUntranslated = summary?.Fallback ?? false,
            SummaryLanguage = summary is null ? null : summary.Fallback ? summary.Language : page,
            Summaries = Present(inEach),
            Health = health,
        };
    }

    private static SummaryModel[] Present(SummaryModel?[] summaries)
    {
        var present = new SummaryModel[summaries.Count(s => s is not null)];
        var next = 0;
        foreach (var summary in summaries)
        {
            if (summary is not null)
            {
                present[next++] = summary;
            }
        }
        return present;
    }

    /// <summary>
    /// Equal licence and lifecycle values kept once for the whole model (they are immutable
    /// records): most repositories of an organization share a handful of each.
    /// </summary>
    private sealed class SharedValues
    {
        private readonly Dictionary<LicenseModel, LicenseModel> _licenses = [];
        private readonly Dictionary<LifecycleModel, LifecycleModel> _lifecycles = [];

        public LicenseModel? Of(LicenseModel? value) => value is null ? null : Shared(_licenses, value);

        public LifecycleModel? Of(LifecycleModel? value) => value is null ? null : Shared(_lifecycles, value);

        private static T Shared<T>(Dictionary<T, T> pool, T value)
            where T : notnull
        {
            if (pool.TryGetValue(value, out var kept))
            {
                return kept;
            }
            pool.Add(value, value);
            return value;
        }
    }

    // A badge the organization's vocabulary does not read as its own (repostatus.org's), when
    // no other source gives the lifecycle and catalogue.precedence reads badges.
    private static LifecycleModel? StatusBadgeLifecycle(RepoSnapshot r, ProfileGenConfig config)
    {
        if (!config.Catalogue.Precedence.Contains(CatalogueOptions.ReadmeBadge) || Catalogue.StatusBadges.Find(r, config.Lifecycle) is not { Family: "repostatus" })
        {
            return null;
        }
        var claim = CatalogueReconciler.Reconcile(r with { Publiccode = null, CatalogInfo = null, CustomProperties = null }, config).LifecycleClaims
            .FirstOrDefault(c => c.Source == CatalogueOptions.ReadmeBadge && c.Stage is not null);
        return claim is null ? null : new LifecycleModel(LifecycleLabel(null, config), OrganizationWord(claim, config), "", "badge");
    }

    // The organization's word for a phase a standard names (its vocabulary), else the phase's name in the page's language.
    private static string OrganizationWord(LifecycleClaim claim, ProfileGenConfig config)
    {
        var vocabulary = config.Lifecycle;
        var folded = vocabulary.Value(claim.Written);
        if (folded.Kind is FoldKind.Exact or FoldKind.Alias or FoldKind.Spelling)
        {
            return folded.Canonical;
        }
        return vocabulary.Values.FirstOrDefault(v => claim.Stage is { } stage && LifecycleVocabulary.StageOf(vocabulary.Value(v).Canonical) == stage)
            ?? (claim.Stage is { } named ? StageName(named, config.Culture) : claim.Written);
    }

    // A phase's name, for a lifecycle a standard's word gives (publiccode "stable", repostatus
    // "wip") and the organization's vocabulary does not name; LifecycleVocabulary.StageOf reads each back.
    private static string StageName(LifecycleStage stage, ProfileCulture culture) => (stage, culture == ProfileCulture.English) switch
    {
        (LifecycleStage.Discovery, false) => "Découverte",
        (LifecycleStage.Discovery, true) => "Discovery",
        (LifecycleStage.Experimentation, false) => "Expérimentation",
        (LifecycleStage.Experimentation, true) => "Experimentation",
        (LifecycleStage.Development, false) => "Développement",
        (LifecycleStage.Development, true) => "Development",
        (LifecycleStage.Beta, false) => "Bêta",
        (LifecycleStage.Beta, true) => "Beta",
        (LifecycleStage.Production, _) => "Production",
        (LifecycleStage.Dormant, _) => "Dormant",
        (LifecycleStage.Abandoned, false) => "Abandonné",
        (LifecycleStage.Abandoned, true) => "Abandoned",
        (_, false) => "Archivé",
        (_, true) => "Archived",
    };

    private static string LifecycleLabel(ShieldsBadge? badge, ProfileGenConfig config) =>
        badge?.Label is { } l ? config.Lifecycle.Label(l).Canonical
            : config.Lifecycle.Labels.FirstOrDefault() ?? LifecycleVocabulary.BuiltInLabels[config.Culture == ProfileCulture.English ? 1 : 0];

    /// <summary>
    /// A repository's summary in a language: its own sources in that language (custom property,
    /// publiccode, catalogue.summaries), else its description or README sentence (taken to be in
    /// the profile's first language), else another language's; a text in another language is a fallback.
    /// </summary>
    private static SummaryModel? SummaryIn(string language, RepoSnapshot r, RepoCatalogue? catalogue, string first)
    {
        if (catalogue?.Summaries.GetValueOrDefault(language) is { Fallback: false } own)
        {
            return new SummaryModel(language, Cut(own.Text), own.Source, false);
        }
        if (Summary(r) is { Text: { } text, Source: { } source })
        {
            return new SummaryModel(first, text, source, language != first);
        }
        return CatalogueReconciler.Languages.Where(l => l != language)
            .Select(l => catalogue?.Summaries.GetValueOrDefault(l) is { Fallback: false } other ? new SummaryModel(l, Cut(other.Text), other.Source, true) : null)
            .OfType<SummaryModel>().FirstOrDefault();
    }

    // A catalogue source ranked above the README badge and the topic rules (catalogue.precedence)
    // gives the lifecycle, in the organization's words; the badge and the rules keep their own reading.
    private static LifecycleModel? CatalogueLifecycle(RepoSnapshot r, RepoCatalogue catalogue, ProfileGenConfig config)
    {
        if (catalogue.Lifecycle is not { Source: CatalogueOptions.CustomProperty or CatalogueOptions.Publiccode or CatalogueOptions.CatalogInfo } claim || catalogue.LifecycleValue is not { } value)
        {
            return null;
        }
        var badge = LifecycleBadgeOf(r, config.Lifecycle);
        // A custom property holds the organization's own word; the standards' words are read into its vocabulary.
        var message = claim.Source == CatalogueOptions.CustomProperty ? value : OrganizationWord(claim, config);
        return new LifecycleModel(LifecycleLabel(badge, config), message, badge?.Color ?? "", claim.Source);
    }

    // The licence file and license_overrides bind; where there is neither, a custom property or
    // publiccode's legal.license (an SPDX expression) names it.
    private static LicenseModel? CatalogueLicense(RepoSnapshot r, RepoCatalogue catalogue)
    {
        if (catalogue.License is not { Source: CatalogueOptions.CustomProperty or CatalogueOptions.Publiccode } claim)
        {
            return null;
        }
        var id = claim.Written.Trim();
        return new LicenseModel(id, LicenseCatalog.Name(id) ?? id, ShortName(id), r.License?.Url, claim.Path, claim.Source);
    }

    /// <summary>What a repository is, in one line: its description, else its README's first sentence.</summary>
    public static (string? Text, string? Source) Summary(RepoSnapshot r)
    {
        if (!string.IsNullOrWhiteSpace(r.Description))
        {
            return (Cut(r.Description), "description");
        }
        return r.Readme?.Summary is { Length: > 0 } s ? (s, "readme") : (null, null);
    }

    // At most ReadmeSummary.MaxLength characters, cut at a word where one is near.
    private static string Cut(string text)
    {
        var d = text.Trim();
        if (d.Length > Snapshots.ReadmeSummary.MaxLength)
        {
            var cut = d.LastIndexOf(' ', Snapshots.ReadmeSummary.MaxLength - 1);
            d = d[..(cut >= Snapshots.ReadmeSummary.MaxLength / 2 ? cut : Snapshots.ReadmeSummary.MaxLength - 1)].TrimEnd() + "…";
        }
        return d;
    }

    private static LicenseModel? License(RepoSnapshot r, ProfileGenConfig config)
    {
        if (config.LicenseOverrides.TryGetValue(r.Name, out var overridden))
        {
            return new LicenseModel(overridden, LicenseCatalog.Name(overridden) ?? overridden, ShortName(overridden),
                r.License?.Url, r.License?.Path, "config");
        }
        if (r.License is not { } l || l.SpdxId is "NOASSERTION" or "")
        {
            return null;
        }
        return new LicenseModel(l.SpdxId, LicenseCatalog.Name(l.SpdxId) ?? l.Name ?? l.SpdxId, ShortName(l.SpdxId), l.Url, l.Path, l.Source);
    }

    // Badge texts people recognise: the LiLiQ family is known without its version.
    private static string ShortName(string spdxId) =>
        spdxId.StartsWith("LiLiQ-", StringComparison.Ordinal) && spdxId.EndsWith("-1.1", StringComparison.Ordinal)
            ? spdxId[..^4]
            : spdxId;

    // Label and message are read through the vocabulary: variants (lifecycle.aliases, case,
    // accents) become the canonical spelling, so one lifecycle is one group.
    private static LifecycleModel? Lifecycle(RepoSnapshot r, ProfileGenConfig config)
    {
        var vocabulary = config.Lifecycle;
        if (LifecycleBadgeOf(r, vocabulary) is { Label: { } label, Message: { } message } badge)
        {
            return new LifecycleModel(vocabulary.Label(label).Canonical, vocabulary.Value(message).Canonical, badge.Color ?? "", "badge");
        }
        foreach (var rule in config.LifecycleRules)
        {
            if (r.Topics.Contains(rule.Topic, StringComparer.OrdinalIgnoreCase))
            {
                return new LifecycleModel(vocabulary.Label(rule.Label).Canonical, vocabulary.Value(rule.Message).Canonical, rule.Color, "topic");
            }
        }
        return null;
    }

    /// <summary>The first badge whose label names a lifecycle (built-in, declared, or an alias of one).</summary>
    public static ShieldsBadge? LifecycleBadgeOf(RepoSnapshot r, LifecycleVocabulary vocabulary)
    {
        for (var i = 0; i < r.Badges.Count; i++)
        {
            if (vocabulary.IsLifecycleLabel(r.Badges[i].Label))
            {
                return r.Badges[i];
            }
        }
        return null;
    }

    /// <summary>The configured order (sort: name, pushed or stars), names breaking ties; also the template function's.</summary>
    internal static IEnumerable<RepoModel> Sort(IEnumerable<RepoModel> repos, RepoSort sort) => sort switch
    {
        RepoSort.Pushed => repos.OrderByDescending(r => r.PushedAt).ThenBy(r => r.Name, RepoOrder.Names),
        RepoSort.Stars => repos.OrderByDescending(r => r.Stars).ThenBy(r => r.Name, RepoOrder.Names),
        _ => repos.OrderBy(r => r.Name, RepoOrder.Names),
    };

    private static IReadOnlyList<GroupModel> Group(IReadOnlyList<RepoModel> repos, ProfileGenConfig config, OrgModel org)
    {
        var by = config.Grouping.By;
        var other = config.Grouping.OtherTitle ?? Wording.For(config.Culture).OtherGroup;
        if (by == GroupBy.None)
        {
            return repos.Count == 0 ? [] : [Capped("all", Wording.For(config.Culture).AllRepositories, repos, config, RepositoriesPage(org))];
        }
        Func<RepoModel, string?> keyOf = by switch
        {
            GroupBy.Language => r => r.Language,
            GroupBy.License => r => r.License?.ShortName,
            _ => r => r.Lifecycle?.Message,
        };
        // Case variants of one value ("Phase Découverte", "Phase découverte") are one group;
        // its title is the most frequent spelling, ties broken ordinally, so output is stable.
        var groups = repos
            .GroupBy(r => keyOf(r)?.Trim() ?? "", StringComparer.OrdinalIgnoreCase) // no upper-case copy per repository
            .Select(g =>
            {
                var title = g.Key.Length == 0
                    ? other
                    : g.Select(r => keyOf(r)!.Trim()).GroupBy(t => t, StringComparer.Ordinal)
                        .OrderByDescending(t => t.Count()).ThenBy(t => t.Key, StringComparer.Ordinal).First().Key;
                // Only a language is a search GitHub can run; the other groups (lifecycles from
                // badges, licences GitHub may not know, "other") link to the repositories page.
                var search = by == GroupBy.Language && g.Key.Length > 0;
                var more = search ? Search(org, $"language:\"{title.Replace("\"", "", StringComparison.Ordinal)}\"{Qualifiers(config.Filters)}") : RepositoriesPage(org);
                return Capped(g.Key.Length == 0 ? "" : title, title, g.ToArray(), config, more) with { MoreUrlExact = search && SearchIsExact(config.Filters) };
            })
            .ToArray();
        var grouping = config.Grouping;
        var order = grouping.Order;
        int Rank(GroupModel g)
        {
            var i = order.Select((o, idx) => (o, idx)).FirstOrDefault(x => string.Equals(x.o, g.Title, StringComparison.OrdinalIgnoreCase), (o: "", idx: -1)).idx;
            return i >= 0 ? i : order.Count;
        }
        // Lifecycles read in the order of a repository's life (discovery … production), not by title.
        // "Other" (no lifecycle) after every phase still under way, before the retired ones.
        int Stage(GroupModel g) => by != GroupBy.Lifecycle ? 0 : g.Key.Length > 0 ? config.Lifecycle.Rank(g.Title) : LifecycleVocabulary.RetiredRank - 1;
        bool Named(IReadOnlyList<string> titles, GroupModel g) =>
            titles.Any(t => LifecycleVocabulary.Loose(t) == LifecycleVocabulary.Loose(g.Title));
        bool Collapsed(GroupModel g) => grouping.Collapse is { } collapse
            ? Named(collapse, g)
            : by == GroupBy.Lifecycle && g.Key.Length > 0 && LifecycleVocabulary.StageOf(g.Title) is { } stage && LifecycleVocabulary.IsRetired(stage);
        return groups
            .Where(g => !Named(grouping.Hide, g))
            .Select(g => g with { Collapsed = Collapsed(g) })
            .OrderBy(g => g.Collapsed ? 1 : 0) // folded groups end the page, under one <details>
            .ThenBy(Rank)
            .ThenBy(Stage)
            .ThenBy(g => g.Key.Length == 0 ? 1 : 0) // "other" last among the unordered (by language or licence)
                                                    // Titles never tie: case variants of a value are one group, and "other" is set apart above.
            .ThenBy(g => g.Title, StringComparer.OrdinalIgnoreCase)
            .ToArray();
    }

    /// <summary>The group's first limits.per_group repositories (already in the configured order), and how many it has.</summary>
    private static GroupModel Capped(string key, string title, IReadOnlyList<RepoModel> repos, ProfileGenConfig config, string moreUrl)
    {
        var perGroup = config.Limits.PerGroup;
        return new(key, title, repos.Count > perGroup ? repos.Take(perGroup).ToArray() : repos, repos.Count, moreUrl)
        {
            All = repos,
            // The rest of a long group, by name in the page itself (a list that is exactly the
            // group), up to ten times per_group; past that, a link.
            Rest = repos.Count > perGroup ? repos.Skip(perGroup).Take((int)Math.Min(int.MaxValue, 10L * perGroup)).ToArray() : [],
        };
    }

    // What the search needs to list the same repositories the filters keep (GitHub's search
    // leaves forks out and archived repositories in, unless told).
    private static string Qualifiers(RepoFilter filters) =>
        (filters.IncludeArchived ? "" : " archived:false") + (filters.IncludeForks ? " fork:true" : "");

    // A search lists exactly the group only when no name or topic filter left repositories out.
    private static bool SearchIsExact(RepoFilter filters) =>
        filters.IncludeNames.Count == 0 && filters.ExcludeNames.Count == 0 && filters.Topics.Count == 0 && filters.ExcludeTopics.Count == 0;

    // GitHub's own pages, on the organization's host (github.com or a GitHub Enterprise server).
    private static string RepositoriesPage(OrgModel org) => $"{Host(org)}/orgs/{Uri.EscapeDataString(org.Login)}/repositories";

    private static string Search(OrgModel org, string qualifiers) =>
        $"{Host(org)}/search?q={Uri.EscapeDataString($"org:{org.Login} {qualifiers}")}&type=repositories";

    private static string Host(OrgModel org) =>
        Uri.TryCreate(org.Url, UriKind.Absolute, out var url) && url.Scheme is "https" or "http" ? url.GetLeftPart(UriPartial.Authority) : "https://github.com";
}
