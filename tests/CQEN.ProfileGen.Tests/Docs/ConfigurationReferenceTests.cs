using System.Text.Json.Nodes;
using CQEN.ProfileGen.Configuration;

namespace CQEN.ProfileGen.Tests.Docs;

/// <summary>docs/configuration.md documents exactly the keys of the configuration's one definition, its JSON schema.</summary>
public sealed class ConfigurationReferenceTests
{
    [Fact]
    public void Every_key_of_the_schema_has_a_row_in_the_configuration_reference()
    {
        var missing = SchemaKeys(ConfigSchema.Text).Except(Documented()).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "keys of profilegen.schema.json with no row in docs/configuration.md:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_key_the_configuration_reference_documents_is_in_the_schema()
    {
        var unknown = Documented().Except(SchemaKeys(ConfigSchema.Text)).Order(StringComparer.Ordinal).ToList();

        Assert.True(unknown.Count == 0, "rows of docs/configuration.md for keys profilegen.schema.json does not have:\n" + string.Join("\n", unknown));
    }

    [Fact]
    public void The_keys_of_a_schema_are_its_properties_at_every_depth_items_of_lists_included()
    {
        const string schema = """
            {"$defs": {"strings": {"type": "array", "items": {"type": "string"}}},
             "properties": {
               "org": {"type": "string"},
               "names": {"$ref": "#/$defs/strings"},
               "rules": {"type": "array", "items": {"type": "object", "properties": {"topic": {"type": "string"}}}},
               "overrides": {"type": "object", "additionalProperties": {"type": "string"}},
               "publish": {"type": "object", "properties": {"branch": {"type": "string"}}}}}
            """;

        Assert.Equal(["names", "org", "overrides", "publish", "publish.branch", "rules", "rules[].topic"], SchemaKeys(schema).Order(StringComparer.Ordinal));
    }

    private static HashSet<string> Documented() => DocsPage.FirstColumnNames(DocsPage.Read("docs/configuration.md"), "key");

    internal static HashSet<string> SchemaKeys(string schemaText)
    {
        var root = JsonNode.Parse(schemaText)!;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        void Walk(JsonNode? node, string prefix)
        {
            node = Resolve(root, node);
            if (node?["properties"] is JsonObject properties)
            {
                foreach (var (name, child) in properties)
                {
                    keys.Add(prefix + name);
                    Walk(child, prefix + name + ".");
                }
            }
            if (Resolve(root, node?["items"]) is JsonObject items && items["properties"] is not null)
            {
                Walk(items, prefix.TrimEnd('.') + "[].");
            }
        }
        Walk(root, "");
        return keys;
    }

    private static JsonNode? Resolve(JsonNode root, JsonNode? node) =>
        node?["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/$defs/", StringComparison.Ordinal)
            ? root["$defs"]![reference["#/$defs/".Length..]]
            : node;
}
