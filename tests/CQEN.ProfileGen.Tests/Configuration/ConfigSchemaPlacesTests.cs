using CQEN.ProfileGen.Configuration;

namespace CQEN.ProfileGen.Tests.Configuration;

/// <summary>
/// Where `validate` points when a file breaks the schema: the deepest failing value, at the
/// YAML line and column it was written, however its key is spelled; and what YAML's plain
/// empty values mean to the schema.
/// </summary>
public class ConfigSchemaPlacesTests
{
    private static string ErrorOf(string yaml) => Assert.Throws<InputException>(() => ConfigSchema.Check(yaml, "profilegen.yml")).Message;

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n")]
    public void An_empty_file_follows_the_schema(string yaml) => ConfigSchema.Check(yaml, "profilegen.yml");

    [Fact]
    public void A_file_that_is_only_null_is_named_as_the_configuration() =>
        Assert.StartsWith("profilegen.yml:1:1: the configuration: ", ErrorOf("~\n"), StringComparison.Ordinal);

    [Fact]
    public void The_deepest_failure_is_the_one_reported() =>
        Assert.StartsWith("profilegen.yml:2:3: publish.labels: ", ErrorOf("publish:\n  labels: documentation\nunknown_key: 1\n"), StringComparison.Ordinal);

    [Fact]
    public void A_list_item_is_pointed_at_on_its_own_line() =>
        Assert.StartsWith("profilegen.yml:4:7: publish.labels.1: ", ErrorOf("publish:\n  labels:\n    - docs\n    - [a]\n"), StringComparison.Ordinal);

    [Theory]
    [InlineData("license_overrides:\n  a/b: [x]\n", "profilegen.yml:2:3: license_overrides.a~1b: ")]
    [InlineData("license_overrides:\n  a~b: [x]\n", "profilegen.yml:2:3: license_overrides.a~0b: ")]
    public void A_key_with_a_slash_or_a_tilde_is_found_at_its_line(string yaml, string expected) =>
        Assert.StartsWith(expected, ErrorOf(yaml), StringComparison.Ordinal);

    [Theory]
    [InlineData("profile:\n  intro: ~\n")]
    [InlineData("profile:\n  intro: null\n")]
    [InlineData("profile:\n  intro:\n")]
    public void A_plain_empty_value_is_null_not_text(string yaml) =>
        Assert.StartsWith("profilegen.yml:2:3: profile.intro: ", ErrorOf(yaml), StringComparison.Ordinal);

    [Theory]
    [InlineData("filters:\n  include_archived: true\n  include_forks: false\n")]
    [InlineData("limits:\n  per_group: 10\n")]
    [InlineData("org: \"CQEN-QDCE\"\n")]
    public void Plain_booleans_and_numbers_are_typed_and_quoted_text_is_text(string yaml) => ConfigSchema.Check(yaml, "profilegen.yml");

    [Theory]
    [InlineData("filters:\n  include_archived: 'true'\n", "profilegen.yml:2:3: filters.include_archived: ")]
    [InlineData("limits:\n  per_group: \"10\"\n", "profilegen.yml:2:3: limits.per_group: ")]
    public void A_quoted_boolean_or_number_is_text(string yaml, string expected) =>
        Assert.StartsWith(expected, ErrorOf(yaml), StringComparison.Ordinal);

    [Fact]
    public void A_quoted_null_is_text() => ConfigSchema.Check("profile:\n  intro: 'null'\n", "profilegen.yml");
}
