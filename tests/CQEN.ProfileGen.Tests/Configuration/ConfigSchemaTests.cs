using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Tests.Cli;

namespace CQEN.ProfileGen.Tests.Configuration;

/// <summary>profilegen.schema.json describes what the loader accepts: every sample and the file `init` writes follow it.</summary>
public sealed class ConfigSchemaTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("profilegen-schema-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void The_bundled_sample_follows_the_schema() =>
        ConfigSchema.Check(File.ReadAllText(CliHarness.Sample("cqen-qdce.profilegen.yml")), "sample");

    [Theory]
    [InlineData("fr-CA", false)]
    [InlineData("en", true)]
    public async Task The_configuration_init_writes_follows_the_schema_and_names_it_for_editors(string culture, bool handWritten)
    {
        if (handWritten)
        {
            Directory.CreateDirectory(Path.Combine(_dir, "profile"));
            File.WriteAllText(Path.Combine(_dir, "profile", "README.md"), "# Bienvenue\n");
        }
        var result = await new CliHarness { CurrentDirectory = _dir }.RunAsync("init", "--org", "CQEN-QDCE", "--culture", culture);
        Assert.True(result.ExitCode == 0, result.Error);
        var text = File.ReadAllText(Path.Combine(_dir, "profilegen.yml"));

        ConfigSchema.Check(text, "profilegen.yml");
        Assert.StartsWith("# yaml-language-server: $schema=https://raw.githubusercontent.com/CQEN-QDCE/profilegen/main/profilegen.schema.json\n", text);
    }

    [Fact]
    public void The_schema_at_the_repository_root_is_the_one_the_tool_embeds()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        Assert.Equal(File.ReadAllText(Path.Combine(root, "profilegen.schema.json")).ReplaceLineEndings("\n"), ConfigSchema.Text.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("org: bad/org\n", "profilegen.yml:1:1: org: ")]
    [InlineData("publish:\n  labels: documentation\n", "profilegen.yml:2:3: publish.labels: ")]
    [InlineData("audit:\n  rules:\n    no-such-rule: off\n", "profilegen.yml:3:5: ")]
    public void A_value_outside_the_schema_is_named_at_its_line_and_column(string yaml, string expected)
    {
        var error = Assert.Throws<InputException>(() => ConfigSchema.Check(yaml, "profilegen.yml"));

        Assert.StartsWith(expected, error.Message);
        Assert.EndsWith("(profilegen.schema.json)", error.Message);
    }

    [Fact]
    public void The_schema_names_exactly_the_rules_the_audit_has() =>
        Assert.Equal(ProfileGen.Audit.AuditRule.All.Select(r => r.Id).Order(StringComparer.Ordinal), ConfigSchema.AuditRuleIds.Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("render", true)]
    [InlineData("validate", false)]
    [InlineData("audit", true)]
    public async Task Every_verb_refuses_a_file_the_schema_refuses(string verb, bool offline)
    {
        // The loader alone took 2026 as a title; every verb now holds the file to the schema.
        File.WriteAllText(Path.Combine(_dir, "profilegen.yml"), "org: CQEN-QDCE\npublish:\n  title: 2026\n");

        string[] args = offline ? [verb, "--snapshot", CliHarness.Sample("cqen-qdce.snapshot.json")] : [verb];
        var result = await new CliHarness { CurrentDirectory = _dir }.RunAsync(args);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("profilegen.yml:3:3: publish.title: ", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void The_schema_checks_org_with_the_tool_s_one_login_rule() =>
        Assert.Equal(GitHubLogin.Pattern, (string?)System.Text.Json.Nodes.JsonNode.Parse(ConfigSchema.Text)!["properties"]!["org"]!["pattern"]);

    [Theory]
    [InlineData("a--b")]
    [InlineData("a-")]
    [InlineData("-a")]
    [InlineData("a_b")]
    [InlineData("abcdefghijklmnopqrstuvwxyz-0123456789-abc")]
    public async Task Validate_init_and_the_configuration_refuse_the_same_login(string login)
    {
        var byOption = await new CliHarness { CurrentDirectory = _dir }.RunAsync("validate", "--org", login);
        var byInit = await new CliHarness { CurrentDirectory = _dir }.RunAsync("init", "--org", login);
        File.WriteAllText(Path.Combine(_dir, "profilegen.yml"), $"org: '{login}'\n");
        var byFile = await new CliHarness { CurrentDirectory = _dir }.RunAsync("validate");

        Assert.All(new[] { byOption, byInit, byFile }, r => Assert.Equal(1, r.ExitCode));
        Assert.All(new[] { byOption, byInit, byFile }, r => Assert.Contains($"'{login}' is not a GitHub organization login", r.Error));
    }

    [Theory]
    [InlineData("CQEN-QDCE")]
    [InlineData("a")]
    [InlineData("a-b-c9")]
    public void A_login_GitHub_allows_is_allowed(string login) => Assert.True(GitHubLogin.IsValid(login));

    [Fact]
    public async Task Validate_checks_the_configuration_against_the_schema()
    {
        // The loader takes 2026 as a title; the schema, like an editor, wants text.
        File.WriteAllText(Path.Combine(_dir, "profilegen.yml"), "publish:\n  title: 2026\n");

        var result = await new CliHarness { CurrentDirectory = _dir }.RunAsync("validate");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("profilegen.yml:2:3: publish.title: ", Assert.Single(result.ErrorLines));
    }

    /// <summary>
    /// Where `validate` points when a file breaks the schema: the deepest failing value, at the
    /// YAML line and column it was written, however its key is spelled; and what YAML's plain
    /// empty values mean to the schema.
    /// </summary>
    public class Places
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
}
