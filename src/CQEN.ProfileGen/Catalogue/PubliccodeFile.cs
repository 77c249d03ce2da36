using YamlDotNet.RepresentationModel;

namespace CQEN.ProfileGen.Catalogue;

/// <summary>
/// What the catalogue reads of a repository's <c>publiccode.yml</c> (publiccodeyml/publiccode.yml,
/// docs/standard/schema.core.rst). Reading is tolerant: the standard moves faster than its
/// schemas, so a field of the wrong type or an unknown value is a problem and the rest is read.
/// </summary>
internal sealed record PubliccodeFile
{
    public const string FileName = "publiccode.yml";

    /// <summary>developmentStatus words, in the standard's order.</summary>
    public static readonly IReadOnlyList<string> DevelopmentStatuses = ["concept", "development", "beta", "stable", "obsolete"];

    /// <summary>maintenance.type words.</summary>
    public static readonly IReadOnlyList<string> MaintenanceTypes = ["internal", "contract", "community", "none"];

    public string? Version { get; init; }
    public string? Name { get; init; }
    public string? Url { get; init; }
    public string? Logo { get; init; }

    /// <summary>One of <see cref="DevelopmentStatuses"/>, or null when absent or unknown.</summary>
    public string? DevelopmentStatus { get; init; }
    public int? DevelopmentStatusLine { get; init; }

    /// <summary>One of <see cref="MaintenanceTypes"/>, or null when absent or unknown.</summary>
    public string? MaintenanceType { get; init; }
    public int? MaintenanceTypeLine { get; init; }

    /// <summary>legal.license, an SPDX expression as written.</summary>
    public string? License { get; init; }
    public int? LicenseLine { get; init; }

    /// <summary>description.&lt;BCP 47 tag&gt;, as written ("fr", "fr-CA", "en").</summary>
    public IReadOnlyDictionary<string, PubliccodeDescription> Descriptions { get; init; } = new Dictionary<string, PubliccodeDescription>();

    /// <summary>The description in <paramref name="language"/> ("fr", "en"): the bare tag first, then any regional one ("fr-CA").</summary>
    public PubliccodeDescription? DescriptionIn(string language) =>
        Descriptions.TryGetValue(language, out var exact) ? exact
        : Descriptions.Where(d => d.Key.StartsWith(language + "-", StringComparison.OrdinalIgnoreCase)).OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => d.Value).FirstOrDefault();

    /// <summary>The file read, or null when it is not a YAML mapping; the problems found either way.</summary>
    public static (PubliccodeFile? File, IReadOnlyList<CatalogueProblem> Problems) Parse(string text)
    {
        var yaml = new CatalogueYaml(FileName);
        var documents = yaml.Documents(text);
        if (yaml.Problems.Count > 0)
        {
            return (null, yaml.Problems);
        }
        if (documents.Count != 1 || documents[0] is not YamlMappingNode root)
        {
            yaml.NotAMapping(documents.Count > 0 ? documents[0] : null);
            return (null, yaml.Problems);
        }
        var (version, versionNode) = yaml.QuotedText(root, "publiccodeYmlVersion", "publiccodeYmlVersion");
        if (versionNode is null)
        {
            yaml.Missing(root, "publiccodeYmlVersion");
        }
        var (status, statusNode) = yaml.Text(root, "developmentStatus", "developmentStatus");
        if (status is not null && !DevelopmentStatuses.Contains(status, StringComparer.Ordinal))
        {
            yaml.Unknown(statusNode!, "developmentStatus", status, DevelopmentStatuses);
            status = null;
        }
        var maintenance = yaml.Mapping(root, "maintenance", "maintenance");
        var (type, typeNode) = yaml.Text(maintenance, "type", "maintenance.type");
        if (type is not null && !MaintenanceTypes.Contains(type, StringComparer.Ordinal))
        {
            yaml.Unknown(typeNode!, "maintenance.type", type, MaintenanceTypes);
            type = null;
        }
        var legal = yaml.Mapping(root, "legal", "legal");
        var (license, licenseNode) = yaml.Text(legal, "license", "legal.license");
        var descriptions = new Dictionary<string, PubliccodeDescription>(StringComparer.OrdinalIgnoreCase);
        if (yaml.Mapping(root, "description", "description") is { } description)
        {
            foreach (var (key, value) in description.Children)
            {
                if (key is not YamlScalarNode { Value: { Length: > 0 } language })
                {
                    continue;
                }
                if (value is not YamlMappingNode)
                {
                    yaml.Wrong(value, $"description.{language}", "mapping");
                    continue;
                }
                var (shortText, _) = yaml.Text(value, "shortDescription", $"description.{language}.shortDescription");
                var (longText, _) = yaml.Text(value, "longDescription", $"description.{language}.longDescription");
                descriptions.TryAdd(language, new PubliccodeDescription(shortText?.Trim(), longText, CatalogueYaml.Line(key)));
            }
        }
        var file = new PubliccodeFile
        {
            Version = version,
            Name = yaml.Text(root, "name", "name").Value,
            Url = yaml.Text(root, "url", "url").Value,
            Logo = yaml.Text(root, "logo", "logo").Value,
            DevelopmentStatus = status,
            DevelopmentStatusLine = statusNode is null ? null : CatalogueYaml.Line(statusNode),
            MaintenanceType = type,
            MaintenanceTypeLine = typeNode is null ? null : CatalogueYaml.Line(typeNode),
            License = license?.Trim(),
            LicenseLine = licenseNode is null ? null : CatalogueYaml.Line(licenseNode),
            Descriptions = descriptions,
        };
        return (file, yaml.Problems);
    }
}

/// <summary>One language's description in publiccode.yml.</summary>
internal sealed record PubliccodeDescription(string? ShortDescription, string? LongDescription, int Line);
