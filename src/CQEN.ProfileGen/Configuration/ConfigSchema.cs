using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CQEN.ProfileGen.Configuration;

/// <summary>
/// The JSON Schema of profilegen.yml (profilegen.schema.json at the repository root, embedded
/// here), which editors use to complete and check the file and `validate` checks it against.
/// A violation is reported at the YAML node's file:line:col.
/// </summary>
internal static class ConfigSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(Text));

    /// <summary>The audit rules a configuration may name (<c>audit.rules</c>), in the schema's order.</summary>
    public static IReadOnlyList<string> AuditRuleIds => RuleIds.Value;

    private static readonly Lazy<IReadOnlyList<string>> RuleIds = new(() =>
        [.. JsonNode.Parse(Text)!["properties"]!["audit"]!["properties"]!["rules"]!["propertyNames"]!["enum"]!.AsArray().Select(id => (string)id!)]);

    /// <summary>The schema's text, as embedded in the tool.</summary>
    public static string Text
    {
        get
        {
            // Embedded by the project file; a test compares it with the file at the repository root.
            using var stream = typeof(ConfigSchema).Assembly.GetManifestResourceStream("profilegen.schema.json")!;
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    /// <exception cref="InputException">The file does not follow the schema: the first place that does not, as file:line:col.</exception>
    public static void Check(string yamlText, string displayPath)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yamlText)); // already loaded once by ConfigLoader: its errors are reported there
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return;
        }
        Check(stream.Documents[0].RootNode, displayPath);
    }

    /// <exception cref="InputException">The document does not follow the schema: the first place that does not, as file:line:col.</exception>
    public static void Check(YamlNode root, string displayPath)
    {
        var places = new Dictionary<string, Mark>(StringComparer.Ordinal);
        var json = ToJson(root, "", places);
        using var document = JsonDocument.Parse(json?.ToJsonString() ?? "null");
        var results = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return;
        }
        // The list output: the root fails through details that carry the errors; the deepest one is the most precise.
        var failure = results.Details!.Where(d => d.Errors is { Count: > 0 }).OrderByDescending(d => d.InstanceLocation.ToString().Length).First();
        var pointer = failure.InstanceLocation.ToString();
        var at = places[pointer]; // every place the schema can name is a node ToJson recorded
        var what = pointer.Length == 0 ? "the configuration" : pointer.TrimStart('/').Replace('/', '.');
        throw new InputException($"{displayPath}:{at.Line}:{at.Column}: {what}: {string.Join("; ", failure.Errors!.Values)} (profilegen.schema.json)");
    }

    // YAML → JSON, remembering where each JSON pointer's node starts. Scalars stay strings
    // unless YAML's plain style makes them a boolean or a number, as YAML 1.2's core schema does.
    private static JsonNode? ToJson(YamlNode node, string pointer, Dictionary<string, Mark> places)
    {
        places[pointer] = node.Start;
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (key, value) in map.Children)
                {
                    var name = ((YamlScalarNode)key).Value!; // an empty key is read as ""
                    var child = pointer + "/" + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
                    obj[name] = ToJson(value, child, places);
                    places[child] = key.Start; // a wrong key or value: point at the key's line
                }
                return obj;
            case YamlSequenceNode seq:
                return new JsonArray([.. seq.Children.Select((item, i) => ToJson(item, $"{pointer}/{i}", places))]);
            case YamlScalarNode scalar when scalar.Style == ScalarStyle.Plain:
                return scalar.Value switch
                {
                    null or "" or "~" or "null" => null,
                    "true" or "false" => JsonValue.Create(bool.Parse(scalar.Value)),
                    var v when long.TryParse(v, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
                    var v => JsonValue.Create(v),
                };
            case YamlScalarNode scalar:
                return JsonValue.Create(scalar.Value); // quoted: text, "" when empty
            default:
                throw new System.Diagnostics.UnreachableException(); // YamlStream resolves aliases to the nodes they name
        }
    }
}
