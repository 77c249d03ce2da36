using System.Globalization;
using System.Text;

namespace CQEN.ProfileGen.Configuration;

/// <summary>
/// The words an organization uses for lifecycles (<c>lifecycle.labels</c>, <c>lifecycle.values</c>)
/// and the variants folded into them (<c>lifecycle.aliases</c>, plus differences of case and
/// accents), so "Phase découverte" and "Phase Découverte" make one group, not two.
/// </summary>
internal sealed record LifecycleVocabulary
{
    /// <summary>Badge labels that always mean a lifecycle, declared or not.</summary>
    public static readonly IReadOnlyList<string> BuiltInLabels = ["Cycle de vie", "Lifecycle"];

    public IReadOnlyList<string> Labels { get; init; } = [];
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>Variant → canonical label or value.</summary>
    public IReadOnlyDictionary<string, string> Aliases { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether a badge label names a lifecycle: a built-in label, a declared one, or an alias of one.</summary>
    public bool IsLifecycleLabel(string? label)
    {
        if (label is null || label.Trim().Length == 0)
        {
            return false;
        }
        // Asked of every badge of every repository: plain loops, no closure or iterator per call.
        var loose = Loose(label);
        if (AnyLoose(BuiltInLabels, loose) || AnyLoose(Labels, loose))
        {
            return true;
        }
        foreach (var (variant, canonical) in Aliases)
        {
            if (Loose(variant) == loose && StringList.Contains(Labels, canonical))
            {
                return true;
            }
        }
        return false;
    }

    private static bool AnyLoose(IReadOnlyList<string> words, string loose)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (Loose(words[i]) == loose)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Where a lifecycle value sits in the life of a repository, for the page's order: by its stage
    /// (<see cref="StageOf"/>: discovery … production, then dormant, abandoned, archived), then by
    /// its place in <c>lifecycle.values</c>. A word that names no known stage takes its declared
    /// place after production (the organization's own words, in its own order), undeclared last
    /// among the phases under way.
    /// </summary>
    public int Rank(string value)
    {
        var loose = Loose(value);
        var declared = Values.Select(Loose).ToList().IndexOf(loose);
        var place = declared >= 0 ? declared : Values.Count;
        return StageOf(value) switch
        {
            { } stage when IsRetired(stage) => RetiredRank + (int)stage * 1000 + place,
            { } stage => (int)stage * 1000 + place,
            null => ((int)LifecycleStage.Production + 1) * 1000 + place,
        };
    }

    /// <summary>The rank from which phases are retired (<see cref="Rank"/>); every phase under way ranks below it.</summary>
    public const int RetiredRank = 1_000_000;

    /// <summary>The stage a lifecycle word names, in French or English (r-lib, repostatus.org, publiccode, code.json words too); null when it names none.</summary>
    public static LifecycleStage? StageOf(string value)
    {
        var words = Loose(value).Split([' ', '-', '/', '(', ')', '.', ',', ':'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var (stage, known) in StageWords)
        {
            if (words.Any(known.Contains))
            {
                return stage;
            }
        }
        return null;
    }

    /// <summary>Stages a repository has left for good or for now: shown last, folded, by default.</summary>
    public static bool IsRetired(LifecycleStage stage) => stage >= LifecycleStage.Dormant;

    // Retired words first: "no longer active" must not read as active. Loose spellings (no accents, lower case).
    private static readonly (LifecycleStage Stage, string[] Words)[] StageWords =
    [
        (LifecycleStage.Archived, ["archive", "archived", "archivee", "archives"]),
        (LifecycleStage.Abandoned, ["abandonne", "abandonnee", "abandoned", "deprecated", "deprecie", "obsolete", "retired", "retire", "retiree", "unsupported", "defunct", "eol", "sunset"]),
        (LifecycleStage.Dormant, ["dormant", "inactive", "inactif", "suspended", "suspendu", "pause", "unmaintained", "superseded", "remplace"]),
        (LifecycleStage.Discovery, ["decouverte", "discovery", "concept", "ideation", "exploration", "idee"]),
        (LifecycleStage.Experimentation, ["experimentation", "experimental", "experimentale", "experiment", "alpha", "prototype", "poc", "wip"]),
        (LifecycleStage.Development, ["developpement", "development", "maturing", "incubation", "construction"]),
        (LifecycleStage.Beta, ["beta", "pilote", "pilot", "preview", "apercu"]),
        (LifecycleStage.Production, ["production", "stable", "maintained", "maintenu", "active", "actif", "mature", "ga"]),
    ];

    public Folded Label(string label) => Fold(label, Labels);

    public Folded Value(string value) => Fold(value, Values);

    private Folded Fold(string text, IReadOnlyList<string> declared)
    {
        var t = text.Trim();
        if (StringList.Contains(declared, t))
        {
            return new Folded(t, t, FoldKind.Exact);
        }
        var loose = Loose(t);
        // The first matching alias in ordinal order of its variant, found without sorting them all each time.
        string? aliasVariant = null;
        string? aliasCanonical = null;
        foreach (var (variant, canonical) in Aliases)
        {
            if (Loose(variant) == loose && (declared.Count == 0 || StringList.Contains(declared, canonical))
                && (aliasVariant is null || string.CompareOrdinal(variant, aliasVariant) < 0))
            {
                (aliasVariant, aliasCanonical) = (variant, canonical);
            }
        }
        if (aliasCanonical is not null)
        {
            return new Folded(t, aliasCanonical, aliasCanonical == t ? FoldKind.Exact : FoldKind.Alias);
        }
        for (var i = 0; i < declared.Count; i++)
        {
            if (Loose(declared[i]) == loose)
            {
                return new Folded(t, declared[i], FoldKind.Spelling);
            }
        }
        if (declared.Count == 0)
        {
            return new Folded(t, t, FoldKind.Undeclared);
        }
        var nearest = declared.OrderBy(d => NearestName.Distance(Loose(d), loose)).ThenBy(d => d, StringComparer.Ordinal).First();
        return new Folded(t, t, FoldKind.Unknown, nearest);
    }

    /// <summary>Case, accents, underscores and runs of spaces do not make a different word.</summary>
    public static string Loose(string s)
    {
        // Every badge of every repository is compared with every label, value and alias: the same
        // few words, folded once each (at 50,000 repositories folding them again was 50 MB of
        // garbage). An organization's badges have a handful of spellings; past the cap, a word is folded each time.
        if (LooseForms.TryGetValue(s, out var known))
        {
            return known;
        }
        var loose = LooseUncached(s);
        if (LooseForms.Count < LooseFormsCap)
        {
            LooseForms.TryAdd(s, loose);
        }
        return loose;
    }

    private const int LooseFormsCap = 4096;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> LooseForms = new(StringComparer.Ordinal);

    private static string LooseUncached(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsWhiteSpace(c) || c == '_')
            {
                space = sb.Length > 0;
                continue;
            }
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}

/// <summary>The stages of a repository's life, in the order a profile reads them.</summary>
internal enum LifecycleStage
{
    Discovery,
    Experimentation,
    Development,
    Beta,
    Production,
    Dormant = 10,
    Abandoned,
    Archived,
}

/// <summary>How a written label or value relates to the vocabulary.</summary>
internal enum FoldKind
{
    /// <summary>Written exactly as declared.</summary>
    Exact,

    /// <summary>A variant listed in <c>lifecycle.aliases</c>.</summary>
    Alias,

    /// <summary>A declared word written with other case, accents or spacing.</summary>
    Spelling,

    /// <summary>Not in the declared vocabulary; <see cref="Folded.Nearest"/> is the closest declared word.</summary>
    Unknown,

    /// <summary>No vocabulary is declared for it: taken as written.</summary>
    Undeclared,
}

/// <summary>A label or value as written, and the canonical form it is read as.</summary>
internal sealed record Folded(string Written, string Canonical, FoldKind Kind, string? Nearest = null);
