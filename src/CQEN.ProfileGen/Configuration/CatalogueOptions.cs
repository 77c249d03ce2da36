namespace CQEN.ProfileGen.Configuration;

/// <summary>
/// How the catalogue sources of a repository (custom properties, publiccode.yml,
/// catalog-info.yaml, README badges, topic rules) are reconciled into one lifecycle, licence and
/// summary (<c>catalogue:</c>).
/// </summary>
internal sealed record CatalogueOptions
{
    public const string CustomProperty = "custom-property";
    public const string Publiccode = "publiccode";
    public const string CatalogInfo = "catalog-info";
    public const string ReadmeBadge = "readme-badge";
    public const string TopicRule = "topic-rule";

    /// <summary>Every source <c>catalogue.precedence</c> may name.</summary>
    public static readonly IReadOnlyList<string> Sources = [CustomProperty, Publiccode, CatalogInfo, ReadmeBadge, TopicRule];

    /// <summary>
    /// Which source wins, first first. Backstage's three lifecycle words are coarse
    /// ("experimental" spans every phase before production), so catalog-info comes after the badge.
    /// A source left out is never read.
    /// </summary>
    public IReadOnlyList<string> Precedence { get; init; } = [CustomProperty, Publiccode, ReadmeBadge, CatalogInfo, TopicRule];

    /// <summary>
    /// Whether profilegen.yml names the custom-property source itself (in <c>catalogue.precedence</c>,
    /// or with <c>catalogue.properties</c>): only then are custom properties read, because reading
    /// them costs requests on every run, unchanged weeks included.
    /// </summary>
    public bool CustomPropertiesNamed { get; init; }

    /// <summary>Names of the organization's custom properties that carry each fact.</summary>
    public CatalogueProperties Properties { get; init; } = new();

    /// <summary>
    /// <c>catalogue.summaries</c>: repository name (any case) → language ("fr", "en") → its summary,
    /// for a repository whose own files say nothing in that language (they come after the precedence's sources).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Summaries { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, string>>();
}

/// <summary>The custom property names read (<c>catalogue.properties</c>); GitHub compares them exactly.</summary>
internal sealed record CatalogueProperties
{
    public string Lifecycle { get; init; } = "lifecycle";
    public string License { get; init; } = "license";
    public string Owner { get; init; } = "owner";
    public string SummaryFr { get; init; } = "summary-fr";
    public string SummaryEn { get; init; } = "summary-en";
}
