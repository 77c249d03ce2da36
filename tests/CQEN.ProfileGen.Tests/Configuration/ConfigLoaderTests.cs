using System.Text.Json.Nodes;
using CQEN.ProfileGen.Configuration;

namespace CQEN.ProfileGen.Tests.Configuration;

public class ConfigLoaderTests
{
    private static ProfileGenConfig Parse(string yaml) => ConfigLoader.Parse(yaml, "profilegen.yml", AppContext.BaseDirectory);

    private static string ErrorOf(string yaml) => Assert.Throws<InputException>(() => Parse(yaml)).Message;

    public class ValidFiles
    {
        [Fact]
        public void An_empty_file_gives_the_defaults()
        {
            var config = Parse("");
            Assert.Equal(new ProfileGenConfig().Culture, config.Culture);
            Assert.Equal(["public"], config.Filters.Visibility);
            Assert.Equal(".github", config.Publish.TargetRepo);
            Assert.Equal("profilegen/profile-readme", config.Publish.Branch);
        }

        [Fact]
        public void Every_section_is_read()
        {
            var config = Parse("""
                org: CQEN-QDCE
                culture: en
                sort: pushed
                filters:
                  visibility: [public, internal]
                  include_archived: true
                  exclude_names: ["tmp-*"]
                  topics: [ssi]
                grouping: { by: language, order: [C#], other_title: Misc, hide: [COBOL], collapse: [Perl, Tcl] }
                lifecycle_rules:
                  - { topic: experimental, message: Expérimentation }
                license_overrides: { exp-anig: LiLiQ-R-1.1 }
                publish: { target_repo: .github-private, labels: [docs], regions: { repos: repos.sbn } }
                """);
            Assert.Equal("CQEN-QDCE", config.Org);
            Assert.Equal(ProfileCulture.English, config.Culture);
            Assert.Equal(RepoSort.Pushed, config.Sort);
            Assert.Equal(["public", "internal"], config.Filters.Visibility);
            Assert.True(config.Filters.IncludeArchived);
            Assert.Equal(["tmp-*"], config.Filters.ExcludeNames);
            Assert.Equal(GroupBy.Language, config.Grouping.By);
            Assert.Equal("Misc", config.Grouping.OtherTitle);
            Assert.Equal(["COBOL"], config.Grouping.Hide);
            Assert.Equal(["Perl", "Tcl"], config.Grouping.Collapse);
            Assert.Equal("Expérimentation", Assert.Single(config.LifecycleRules).Message);
            Assert.Equal("Cycle de vie", config.LifecycleRules[0].Label);
            Assert.Equal("LiLiQ-R-1.1", config.LicenseOverrides["exp-anig"]);
            Assert.Equal(".github-private", config.Publish.TargetRepo);
            Assert.Equal(Path.Combine(AppContext.BaseDirectory, "repos.sbn"), config.Publish.Regions["repos"]);
        }

        [Fact]
        public void The_bundled_cqen_configuration_is_valid()
        {
            var config = ConfigLoader.Load(Path.Combine(AppContext.BaseDirectory, "samples", "cqen-qdce.profilegen.yml"));
            Assert.Equal("CQEN-QDCE", config.Org);
            Assert.StartsWith("Le Centre québécois", config.Profile.Intro);
            Assert.Equal(3, config.Profile.Links.Count);
        }
    }

    public class BadFiles
    {
        [Fact]
        public void An_unknown_key_is_named_with_its_line_and_column()
        {
            Assert.Equal("profilegen.yml:2:3: unknown key 'include_archive' (known keys: visibility, include_archived, include_forks, include_names, exclude_names, topics, exclude_topics, include_profile_repos)",
                ErrorOf("filters:\n  include_archive: true\n"));
        }

        [Fact]
        public void A_wrong_type_is_named_with_its_line_and_column()
        {
            Assert.Equal("profilegen.yml:2:21: 'include_archived' must be true or false", ErrorOf("filters:\n  include_archived: yes please\n"));
            Assert.Equal("profilegen.yml:1:23: 'visibility' must be a list", ErrorOf("filters: {visibility: public}"));
        }

        [Fact]
        public void A_value_outside_the_allowed_set_lists_the_allowed_values()
        {
            Assert.Equal("profilegen.yml:1:10: 'culture' must be one of fr-CA, en (got 'de')", ErrorOf("culture: de"));
        }

        [Fact]
        public void Broken_yaml_is_reported_where_it_breaks()
        {
            Assert.Matches(@"^profilegen\.yml:2:\d+: invalid YAML: ", ErrorOf("org: x\n  bad: [\n"));
        }

        [Fact]
        public void A_duplicate_key_is_an_error()
        {
            Assert.StartsWith("profilegen.yml:2:1: ", ErrorOf("org: a\norg: b\n"));
            Assert.Contains("uplicate key", ErrorOf("org: a\norg: b\n"));
        }

        [Fact]
        public void Links_must_be_http_urls()
        {
            Assert.Equal("profilegen.yml:1:38: 'url' must be an http(s) URL (got 'javascript:alert(1)')",
                ErrorOf("profile: { links: [ { title: x, url: 'javascript:alert(1)' } ] }"));
        }

        [Fact]
        public void Errors_are_one_line()
        {
            foreach (var yaml in new[] { "filters: 3", "grouping: { by: color }", "lifecycle_rules: [ { topic: x } ]", "org: [a]", "{", "publish: { regions: [a] }" })
            {
                var message = ErrorOf(yaml);
                Assert.DoesNotContain('\n', message);
                Assert.StartsWith("profilegen.yml:", message);
            }
        }
    }

    /// <summary>The `lifecycle` and `audit` sections of profilegen.yml.</summary>
    public class AuditAndLifecycleSections
    {
        [Fact]
        public void Both_sections_are_read()
        {
            var config = Parse("""
                lifecycle:
                  labels: [Cycle de vie]
                  values: [Phase Découverte, Expérimentation]
                  aliases: { Lifecycle: Cycle de vie, Experimental: Expérimentation }
                audit:
                  rules:
                    description-missing: off
                    lifecycle-variant: warning
                """);
            Assert.Equal(["Cycle de vie"], config.Lifecycle.Labels);
            Assert.Equal(["Phase Découverte", "Expérimentation"], config.Lifecycle.Values);
            Assert.Equal("Expérimentation", config.Lifecycle.Aliases["Experimental"]);
            Assert.Equal("off", config.Audit.Rules["description-missing"]);
            Assert.Equal("warning", config.Audit.Rules["lifecycle-variant"]);
        }

        [Theory]
        [InlineData("audit:\n  rules:\n    licence-missing: off\n", "profilegen.yml:3:5: unknown audit rule 'licence-missing' (rules: license-badge-mismatch,")]
        [InlineData("audit:\n  rules:\n    license-missing: fatal\n", "profilegen.yml:3:22: 'license-missing' must be one of off, error, warning, notice (got 'fatal')")]
        [InlineData("audit:\n  rule: {}\n", "profilegen.yml:2:3: unknown key 'rule' (known keys: rules)")]
        [InlineData("lifecycle:\n  value: [x]\n", "profilegen.yml:2:3: unknown key 'value' (known keys: labels, values, aliases)")]
        [InlineData("lifecycle:\n  values: Beta\n", "profilegen.yml:2:11: 'values' must be a list")]
        [InlineData("lifecycle:\n  values: [Bêta]\n  aliases:\n    Beta: Beta\n", "profilegen.yml:4:11: the alias 'Beta' leads to 'Beta', which is not in lifecycle.labels or lifecycle.values")]
        public void Mistakes_are_reported_with_file_line_and_column(string yaml, string expected) =>
            Assert.StartsWith(expected, ErrorOf(yaml));

        [Fact]
        public void The_vocabulary_folds_case_accents_and_aliases_and_suggests_the_nearest_value()
        {
            var v = new LifecycleVocabulary { Values = ["Phase Découverte", "Phase Bêta"], Aliases = new Dictionary<string, string> { ["découverte"] = "Phase Découverte" } };
            Assert.Equal(new Folded("Phase Découverte", "Phase Découverte", FoldKind.Exact), v.Value("Phase Découverte"));
            Assert.Equal(new Folded("phase decouverte", "Phase Découverte", FoldKind.Spelling), v.Value("phase decouverte"));
            Assert.Equal(new Folded("Découverte", "Phase Découverte", FoldKind.Alias), v.Value("Découverte"));
            Assert.Equal(new Folded("Phase Beta2", "Phase Beta2", FoldKind.Unknown, "Phase Bêta"), v.Value("Phase Beta2"));
            Assert.Equal(FoldKind.Undeclared, new LifecycleVocabulary().Value("Anything").Kind);
        }
    }

    public class Limits
    {
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

    /// <summary>
    /// What a run does when profilegen.yml says nothing: the defaults editors show from the schema
    /// are the ones the tool applies, and the ones the schema does not state are as documented.
    /// </summary>
    public class Defaults
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
}
