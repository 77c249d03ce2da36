using CQEN.ProfileGen.Badges;
using CQEN.ProfileGen.Configuration;
using Scriban.Runtime;

namespace CQEN.ProfileGen.Rendering;

// The template model. Scriban sees these with snake_case names (pushed_at, spdx_id…);
// each field is documented in docs/template-model.md (a test holds them together), and renaming one is a breaking change.

internal sealed record ProfileModel
{
    public required OrgModel Org { get; init; }

    /// <summary>The repositories kept by the filters, in the configured order.</summary>
    public required IReadOnlyList<RepoModel> Repos { get; init; }

    /// <summary>The same repositories, grouped (by lifecycle by default), groups in display order.</summary>
    public required IReadOnlyList<GroupModel> Groups { get; init; }

    /// <summary>The groups folded at the end of the page (grouping.collapse; by default the retired phases), also the last of <see cref="Groups"/>.</summary>
    public IReadOnlyList<GroupModel> CollapsedGroups { get; init; } = [];

    /// <summary>What the groups are made by: "lifecycle", "language", "license" or "none" (grouping.by).</summary>
    public string GroupedBy { get; init; } = "lifecycle";
    public required IReadOnlyList<RepoModel> PinnedRepos { get; init; }

    /// <summary>The repositories shown first: <c>featured:</c> in its order, else the pinned ones.</summary>
    public IReadOnlyList<RepoModel> Featured { get; init; } = [];

    /// <summary>The repository holding the profile (.github), even though filters leave it out of <see cref="Repos"/>.</summary>
    public RepoModel? ProfileRepo { get; init; }
    public required ProfileText Profile { get; init; }
    /// <summary>The profile's language, for the tool's own functions; templates see <see cref="Culture"/>.</summary>
    [ScriptMemberIgnore]
    public required ProfileCulture Language { get; init; }

    /// <summary>"fr-CA" or "en", as the configuration writes it.</summary>
    public string Culture => Language.Word();

    /// <summary>Every file of the profile, one per culture (<c>cultures:</c>), for a link between them; empty when the profile has one language.</summary>
    public IReadOnlyList<LanguageModel> Languages { get; init; } = [];

    /// <summary>When the run happened. Using it makes the file change on every run.</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The SVG cards (cards.summary, cards.lifecycle…, and the <c>card "name"</c> function); none unless set.</summary>
    public Cards.CardSet Cards { get; init; } = CQEN.ProfileGen.Rendering.Cards.ProfileCards.Off;

    /// <summary>The health view of the listed repositories (<c>health.shown</c>, counts, the repositories with health).</summary>
    public HealthView Health { get; init; } = HealthView.None;
}

internal sealed record OrgModel(
    string Login, string? Name, string? Description, string Url, string? Blog, string? Location,
    string? Email, string? AvatarUrl, bool IsVerified, int PublicRepos);

internal sealed record RepoModel
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
    public DateTimeOffset? PushedAt { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public bool Archived { get; init; }
    public bool Fork { get; init; }
    public bool IsTemplate { get; init; }
    public required string Visibility { get; init; }
    public string? DefaultBranch { get; init; }
    public LicenseModel? License { get; init; }
    public LifecycleModel? Lifecycle { get; init; }
    public IReadOnlyList<ShieldsBadge> Badges { get; init; } = [];
    public bool Pinned { get; init; }

    /// <summary>The description, else the README's first sentence after its header; plain untrusted text, at most 160 characters.</summary>
    public string? Summary { get; init; }

    /// <summary>
    /// "description", "readme", or null when there is no summary; from the catalogue, "publiccode",
    /// "custom-property" or "config" (catalogue.summaries), a text in the page's language.
    /// </summary>
    public string? SummarySource { get; init; }

    /// <summary>True when <see cref="Summary"/> is not in the page's language (a visible fallback: the default templates add <see cref="SummaryLanguage"/>).</summary>
    public bool SummaryUntranslated { get; init; }

    /// <summary>The language of <see cref="Summary"/> ("fr", "en"); GitHub's description and the README are taken to be in the profile's first culture.</summary>
    public string? SummaryLanguage { get; init; }

    /// <summary>The summary in each language ("fr", then "en"), each with its source, and whether it is a fallback from another language.</summary>
    public IReadOnlyList<SummaryModel> Summaries { get; init; } = [];

    /// <summary>Community files with their source, CI, latest release, activity; null when the snapshot has no health.</summary>
    public Health.RepoHealthModel? Health { get; init; }
}

internal sealed record LicenseModel(string SpdxId, string Name, string ShortName, string? Url, string? Path, string Source);

/// <summary>Source: "badge" (the README's lifecycle badge), "topic" (a configured rule), or a catalogue source ranked above the badge ("custom-property", "publiccode", "catalog-info").</summary>
internal sealed record LifecycleModel(string Label, string Message, string Color, string Source);

/// <summary>A repository's summary in one language: its text, its source, and whether it is written in another language (a fallback).</summary>
internal sealed record SummaryModel(string Language, string Text, string Source, bool Fallback);

/// <summary>One file of the profile: its culture, the language's own name, a link to it from the page being rendered, and whether it is that page.</summary>
internal sealed record LanguageModel(string Culture, string Name, string Link, bool Current);

/// <summary>
/// A group of repositories: <see cref="Repos"/> are the first <see cref="Shown"/> of
/// <see cref="Total"/> (limits.per_group, in the configured order); <see cref="MoreUrl"/> lists
/// the group on GitHub.
/// </summary>
internal sealed record GroupModel(string Key, string Title, IReadOnlyList<RepoModel> Repos, int Total, string? MoreUrl = null)
{
    public int Shown => Repos.Count;

    /// <summary>How many repositories of the group are not listed.</summary>
    public int More => Total - Repos.Count;

    /// <summary>The repositories after <see cref="Repos"/>, for a list by name in the page (at most ten times limits.per_group).</summary>
    public IReadOnlyList<RepoModel> Rest { get; init; } = [];

    /// <summary>Whether <see cref="MoreUrl"/> lists exactly this group (a search); else it is the organization's repositories page.</summary>
    public bool MoreUrlExact { get; init; }

    /// <summary>Whether the group is folded at the end of the page (grouping.collapse).</summary>
    public bool Collapsed { get; init; }

    /// <summary>Every repository of the group, listed or not (for the tool, not templates: a page lists <see cref="Repos"/>).</summary>
    [ScriptMemberIgnore]
    public IReadOnlyList<RepoModel> All { get; init; } = [];
}
