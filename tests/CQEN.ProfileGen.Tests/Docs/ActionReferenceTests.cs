using YamlDotNet.RepresentationModel;

namespace CQEN.ProfileGen.Tests.Docs;

/// <summary>docs/action.md documents exactly the inputs and outputs action.yml declares.</summary>
public sealed class ActionReferenceTests
{
    [Theory]
    [InlineData("inputs", "input")]
    [InlineData("outputs", "output")]
    public void Every_declared_name_is_documented_and_every_documented_name_is_declared(string section, string header)
    {
        var declared = Declared(DocsPage.Read("action.yml"), section);
        var documented = DocsPage.FirstColumnNames(DocsPage.Read("docs/action.md"), header);

        Assert.True(declared.Count > 0, $"action.yml declares no {section}");
        Assert.True(declared.SetEquals(documented),
            $"action.yml {section} not in docs/action.md: {string.Join(", ", declared.Except(documented))}; documented but not declared: {string.Join(", ", documented.Except(declared))}");
    }

    [Fact]
    public void The_declared_names_are_the_keys_under_the_section()
    {
        const string yaml = "name: x\ninputs:\n  config:\n    description: a\n  dry-run:\n    default: 'false'\noutputs:\n  status:\n    value: x\n";

        Assert.Equal(["config", "dry-run"], Declared(yaml, "inputs").Order(StringComparer.Ordinal));
        Assert.Equal(["status"], Declared(yaml, "outputs"));
    }

    internal static HashSet<string> Declared(string actionYaml, string section)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(actionYaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        return root.Children.TryGetValue(new YamlScalarNode(section), out var names) && names is YamlMappingNode map
            ? [.. map.Children.Keys.Cast<YamlScalarNode>().Select(k => k.Value!)]
            : [];
    }
}
