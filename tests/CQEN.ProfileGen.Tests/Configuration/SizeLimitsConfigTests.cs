using CQEN.ProfileGen.Configuration;

namespace CQEN.ProfileGen.Tests.Configuration;

public class SizeLimitsConfigTests
{
    private static ProfileGenConfig Parse(string yaml) => ConfigLoader.Parse(yaml, "profilegen.yml", AppContext.BaseDirectory);

    [Fact]
    public void Without_limits_a_group_lists_fifty_repositories_and_the_readme_may_reach_400_kb()
    {
        var limits = Parse("org: x\n").Limits;

        Assert.Equal((50, 400 * 1024), (limits.PerGroup, limits.MaxBytes));
    }

    [Fact]
    public void Both_limits_can_be_raised_or_lowered()
    {
        var limits = Parse("limits:\n  per_group: 5\n  max_bytes: 2000000\n").Limits;

        Assert.Equal((5, 2_000_000), (limits.PerGroup, limits.MaxBytes));
    }

    [Theory]
    [InlineData("limits:\n  per_group: 0\n", "profilegen.yml:2:14: 'per_group' must be a whole number from 1 to 2147483647 (got '0')")]
    [InlineData("limits:\n  max_bytes: -1\n", "profilegen.yml:2:14: 'max_bytes' must be a whole number from 1 to 2147483647 (got '-1')")]
    [InlineData("limits:\n  per_group: lots\n", "profilegen.yml:2:14: 'per_group' must be a whole number from 1 to 2147483647 (got 'lots')")]
    [InlineData("limits:\n  per_group: '50'\n", "profilegen.yml:2:14: 'per_group' must be a whole number from 1 to 2147483647 (got '50')")]
    [InlineData("limits:\n  per_groups: 5\n", "profilegen.yml:2:3: unknown key 'per_groups' (known keys: per_group, max_bytes)")]
    public void A_wrong_limit_is_refused_at_its_line_and_column(string yaml, string message)
    {
        var error = Assert.Throws<InputException>(() => Parse(yaml)).Message;

        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_schema_describes_the_same_defaults_and_bounds()
    {
        var schema = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Tests.Action.RepositoryCheckout.Root, "profilegen.schema.json")))!;
        var limits = schema["properties"]!["limits"]!["properties"]!;

        Assert.Equal(50, limits["per_group"]!["default"]!.GetValue<int>());
        Assert.Equal(SizeLimits.DefaultMaxBytes, limits["max_bytes"]!["default"]!.GetValue<int>());
        Assert.Equal(1, limits["per_group"]!["minimum"]!.GetValue<int>());
    }
}
