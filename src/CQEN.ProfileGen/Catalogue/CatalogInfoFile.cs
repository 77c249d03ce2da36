using YamlDotNet.RepresentationModel;

namespace CQEN.ProfileGen.Catalogue;

/// <summary>
/// What the catalogue reads of a Backstage <c>catalog-info.yaml</c>: the Component entity's
/// <c>spec.lifecycle</c>, <c>spec.owner</c> and <c>metadata.description</c>. The file may hold
/// several documents of several kinds; the first Component is the repository's.
/// </summary>
internal sealed record CatalogInfoFile
{
    public const string FileName = "catalog-info.yaml";

    public string? Lifecycle { get; init; }
    public int? LifecycleLine { get; init; }
    public string? Owner { get; init; }
    public string? Description { get; init; }

    /// <summary>The Component read, or null when the file holds none; the problems found either way.</summary>
    public static (CatalogInfoFile? File, IReadOnlyList<CatalogueProblem> Problems) Parse(string text)
    {
        var yaml = new CatalogueYaml(FileName);
        var documents = yaml.Documents(text);
        if (yaml.Problems.Count > 0)
        {
            return (null, yaml.Problems);
        }
        var component = documents.OfType<YamlMappingNode>()
            .FirstOrDefault(d => CatalogueYaml.Child(d, "kind") is YamlScalarNode { Value: { } kind } && kind.Equals("Component", StringComparison.OrdinalIgnoreCase));
        if (component is null)
        {
            if (!documents.OfType<YamlMappingNode>().Any())
            {
                yaml.NotAMapping(documents.Count > 0 ? documents[0] : null);
            }
            return (null, yaml.Problems);
        }
        var spec = yaml.Mapping(component, "spec", "spec");
        var metadata = yaml.Mapping(component, "metadata", "metadata");
        var (lifecycle, lifecycleNode) = yaml.Text(spec, "lifecycle", "spec.lifecycle");
        return (new CatalogInfoFile
        {
            Lifecycle = lifecycle?.Trim() is { Length: > 0 } l ? l : null,
            LifecycleLine = lifecycleNode is null ? null : CatalogueYaml.Line(lifecycleNode),
            Owner = yaml.Text(spec, "owner", "spec.owner").Value,
            Description = yaml.Text(metadata, "description", "metadata.description").Value?.Trim(),
        }, yaml.Problems);
    }
}
