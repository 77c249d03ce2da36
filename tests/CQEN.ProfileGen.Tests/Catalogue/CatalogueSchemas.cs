using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CQEN.ProfileGen.Tests.Catalogue;

/// <summary>The vendored catalogue schemas (Schemas/ATTRIBUTION.md), and the checks each catalogue runs on what it receives.</summary>
internal static partial class CatalogueSchemas
{
    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Catalogue", "Schemas");

    private static string Text(string name) => File.ReadAllText(Path.Combine(Folder, name));

    /// <summary>Errors of a publiccode.yml against SchemaStore's schema, formats checked; empty when valid.</summary>
    public static string[] Publiccode(string yaml) =>
        Errors(JsonSchema.FromText(Text("publiccode.schema.json"), new BuildOptions { SchemaRegistry = new SchemaRegistry() }), YamlToJson(yaml));

    /// <summary>Errors of an agency code.json against gov-codejson's agency index, whose releases refer to schema 2.0.0 by a relative path.</summary>
    public static string[] CodeJsonIndex(string json)
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var release = JsonSchema.FromText(Text("codejson.schema.json"), options);
        options.SchemaRegistry.Register(new Uri("https://schemas.test/codejson/schema-2.0.0.json"), release);
        var index = JsonSchema.FromText(Text("codejson-agency-index.schema.json"), options, new Uri("https://schemas.test/codejson/agency-index/schema-2.0.0.json"));
        return Errors(index, JsonNode.Parse(json));
    }

    private static string[] Errors(JsonSchema schema, JsonNode? instance)
    {
        using var document = JsonDocument.Parse(instance?.ToJsonString() ?? "null");
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return results.IsValid ? [] : [.. results.Details!.Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))];
    }

    /// <summary>YAML → JSON as YAML 1.2's core schema reads it: plain true/false/null/numbers are not strings.</summary>
    public static JsonNode? YamlToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, Convert(kv.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(Convert)]),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" } => null,
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } s => JsonValue.Create(s.Value == "true"),
        YamlScalarNode { Style: ScalarStyle.Plain } s when double.TryParse(s.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    /// <summary>
    /// Errors of an ORE code file against ore-ero's Yamale schema (schemaCode.yaml), with Yamale's
    /// rules: every key required unless required=False, no key the schema does not name (strict),
    /// str() a YAML 1.1 string (PyYAML reads plain 1.0, 43232300 or on as numbers and booleans).
    /// </summary>
    public static string[] OreYamale(string yaml)
    {
        var schema = new YamlStream();
        schema.Load(new StringReader(Text("ore-schemaCode.yaml")));
        var root = ((YamlScalarNode)schema.Documents[0].RootNode).Value!; // include('code', strict=True)
        var includes = (YamlMappingNode)schema.Documents[1].RootNode;
        var data = new YamlStream();
        data.Load(new StringReader(yaml));
        var errors = new List<string>();
        Validate(root, data.Documents[0].RootNode, "", includes, errors);
        return [.. errors];
    }

    private static void Validate(string validator, YamlNode? value, string at, YamlMappingNode includes, List<string> errors)
    {
        var m = Validator().Match(validator.Trim());
        if (!m.Success)
        {
            throw new InvalidOperationException($"validator not understood: {validator}");
        }
        var args = m.Groups["args"].Value;
        switch (m.Groups["fn"].Value)
        {
            case "str":
                if (value is not YamlScalarNode s || s.Style == ScalarStyle.Plain && !IsYaml11String(s.Value))
                {
                    errors.Add($"{at}: not a str");
                }
                break;
            case "enum":
                var allowed = Quoted().Matches(args).Select(q => q.Groups[1].Value).ToArray();
                if (value is not YamlScalarNode { Value: { } v } || !allowed.Contains(v))
                {
                    errors.Add($"{at}: not one of {string.Join(", ", allowed)}");
                }
                break;
            case "include":
                ValidateMapping(includes.Children[new YamlScalarNode(Quoted().Match(args).Groups[1].Value)], value, at, includes, errors);
                break;
            case "list":
                var inner = ListItem().Match(args).Groups["inner"].Value;
                if (value is not YamlSequenceNode seq)
                {
                    errors.Add($"{at}: not a list");
                    break;
                }
                for (var i = 0; i < seq.Children.Count; i++)
                {
                    Validate(inner, seq.Children[i], $"{at}/{i}", includes, errors);
                }
                break;
            default:
                throw new InvalidOperationException($"validator not understood: {validator}");
        }
    }

    private static void ValidateMapping(YamlNode schema, YamlNode? value, string at, YamlMappingNode includes, List<string> errors)
    {
        var shape = (YamlMappingNode)schema;
        if (value is not YamlMappingNode map)
        {
            errors.Add($"{at}: not a mapping");
            return;
        }
        foreach (var key in map.Children.Keys.Cast<YamlScalarNode>().Where(k => !shape.Children.ContainsKey(k)))
        {
            errors.Add($"{at}/{key.Value}: not in the schema (strict)");
        }
        foreach (var (key, rule) in shape.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            map.Children.TryGetValue(key, out var child);
            var optional = rule is YamlScalarNode { Value: { } r } && r.Contains("required=False", StringComparison.Ordinal);
            if (child is null)
            {
                if (!optional)
                {
                    errors.Add($"{at}/{name}: required");
                }
                continue;
            }
            if (rule is YamlMappingNode nested)
            {
                ValidateMapping(nested, child, $"{at}/{name}", includes, errors);
            }
            else
            {
                Validate(((YamlScalarNode)rule).Value!, child, $"{at}/{name}", includes, errors);
            }
        }
    }

    // What PyYAML (YAML 1.1) reads as a string when written plain: its boolean words are yes/no, true/false, on/off (not y/n).
    private static bool IsYaml11String(string? value) =>
        value is { Length: > 0 } v && v is not ("~" or "null" or "Null" or "NULL")
        && !Yaml11Bool().IsMatch(v)
        && !double.TryParse(v.Replace("_", "", StringComparison.Ordinal), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

    [GeneratedRegex(@"^(?<fn>\w+)\((?<args>.*)\)$")]
    private static partial Regex Validator();

    [GeneratedRegex(@"'([^']*)'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^(?<inner>\w+\([^)]*\))")]
    private static partial Regex ListItem();

    [GeneratedRegex("^(yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$")]
    private static partial Regex Yaml11Bool();
}
