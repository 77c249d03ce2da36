using System.Text.Json.Nodes;
using CQEN.ProfileGen.Configuration;

namespace CQEN.ProfileGen.Tests.Configuration;

/// <summary>
/// What a run does when profilegen.yml says nothing: the defaults editors show from the schema
/// are the ones the tool applies, and the ones the schema does not state are as documented.
/// </summary>
public class ConfigDefaultsTests
{
    private static readonly JsonNode Schema = JsonNode.Parse(ConfigSchema.Text)!;

    private static string? SchemaDefault(params string[] path)
    {
        var node = Schema;
        foreach (var part in path)
        {
            node = node["properties"]![part]!;
        }
        return node["default"]?.GetValue<string>();
    }

    private static string[] SchemaChoices(params string[] path)
    {
        var node = Schema;
        foreach (var part in path)
        {
            node = node["properties"]![part]!;
        }
        return [.. node["enum"]!.AsArray().Select(v => v!.GetValue<string>())];
    }

    [Fact]
    public void The_choices_the_schema_offers_editors_are_the_ones_the_tool_knows()
    {
        Assert.Equal(Choices.Cultures.Keys.Order(StringComparer.Ordinal), SchemaChoices("culture").Order(StringComparer.Ordinal));
        Assert.Equal(Choices.Sorts.Keys.Order(StringComparer.Ordinal), SchemaChoices("sort").Order(StringComparer.Ordinal));
        Assert.Equal(Choices.Groupings.Keys.Order(StringComparer.Ordinal), SchemaChoices("grouping", "by").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_defaults_the_schema_shows_editors_are_the_tool_s()
    {
        var config = new ProfileGenConfig();

        Assert.Equal(SchemaDefault("culture"), config.Culture.Word());
        Assert.Equal(SchemaDefault("sort"), config.Sort.Word());
        Assert.Equal(SchemaDefault("grouping", "by"), config.Grouping.By.Word());
        Assert.Equal(SchemaDefault("publish", "target_repo"), config.Publish.TargetRepo);
        Assert.Equal(SchemaDefault("publish", "target_path"), config.Publish.TargetPath);
        Assert.Equal(SchemaDefault("publish", "branch"), config.Publish.Branch);
        var rule = new LifecycleRule { Topic = "t", Message = "m" };
        var ruleSchema = Schema["properties"]!["lifecycle_rules"]!["items"]!["properties"]!;
        Assert.Equal(ruleSchema["label"]!["default"]!.GetValue<string>(), rule.Label);
        Assert.Equal(ruleSchema["color"]!["default"]!.GetValue<string>(), rule.Color);
    }

    [Fact]
    public void The_defaults_are_French_by_name_grouped_by_lifecycle_into_profile_README()
    {
        var config = new ProfileGenConfig();

        Assert.Equal(ProfileCulture.French, config.Culture);
        Assert.Equal(RepoSort.Name, config.Sort);
        Assert.Equal(GroupBy.Lifecycle, config.Grouping.By);
        Assert.Equal("profile/README.md", config.Publish.TargetPath);
        Assert.Equal("339999", new LifecycleRule { Topic = "t", Message = "m" }.Color);
    }

    [Fact]
    public void A_header_badge_says_img_in_blue_with_no_label_unless_told()
    {
        var badge = new ProfileBadge();

        Assert.Equal("img", badge.Alt);
        Assert.Equal("", badge.Label);
        Assert.Equal("blue", badge.Color);
    }
}
