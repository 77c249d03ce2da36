using CQEN.ProfileGen.Configuration;

namespace CQEN.ProfileGen.Tests.Configuration;

/// <summary>
/// Every key the loader knows is read into its setting, every allowed value is accepted, and
/// every kind of mistake is reported as file:line:column with what to write instead.
/// </summary>
public class ConfigLoaderEveryKeyTests
{
    private static ProfileGenConfig Parse(string yaml) => ConfigLoader.Parse(yaml, "profilegen.yml", AppContext.BaseDirectory);

    private static string ErrorOf(string yaml) => Assert.Throws<InputException>(() => Parse(yaml)).Message;

    public class Keys
    {
        [Fact]
        public void Every_key_not_read_elsewhere_is_read_into_its_setting()
        {
            var config = Parse("""
                api_url: https://ghe.example/api/v3/
                template: profile.sbn
                filters:
                  include_forks: true
                  include_names: ["exp-*"]
                  exclude_topics: [hidden]
                  include_profile_repos: true
                grouping: { by: none, order: [A, B] }
                lifecycle_rules:
                  - { topic: t, message: M, label: Phase, color: red }
                profile:
                  badges:
                    - { alt: Licence, label: L, message: M, color: green, link: "https://example.org/l" }
                    - { license: true }
                  logo: { image: "https://example.org/logo.png", link: "http://example.org" }
                  intro: Bonjour
                  links_intro: Liens
                  links: [ { title: Site, url: "https://example.org" } ]
                publish:
                  target_path: docs/README.md
                  branch: pg/readme
                  base: develop
                  title: Titre
                  reviewers: [alice]
                  allow_private_in_public: true
                  facts_path: docs/.profilegen/facts.json
                lifecycle:
                  labels: [Cycle de vie]
                  values: [Bêta]
                  aliases: { Beta: Bêta }
                audit:
                  rules: { description-missing: off }
                """);

            Assert.Equal("https://ghe.example/api/v3/", config.ApiUrl);
            Assert.Equal(Path.Combine(AppContext.BaseDirectory, "profile.sbn"), config.Template);
            Assert.True(config.Filters.IncludeForks);
            Assert.Equal(["exp-*"], config.Filters.IncludeNames);
            Assert.Equal(["hidden"], config.Filters.ExcludeTopics);
            Assert.True(config.Filters.IncludeProfileRepos);
            Assert.Equal(GroupBy.None, config.Grouping.By);
            Assert.Equal(["A", "B"], config.Grouping.Order);
            Assert.Equal(new LifecycleRule { Topic = "t", Message = "M", Label = "Phase", Color = "red" }, Assert.Single(config.LifecycleRules));
            Assert.Equal(new ProfileBadge { Alt = "Licence", Label = "L", Message = "M", Color = "green", Link = "https://example.org/l" }, config.Profile.Badges[0]);
            Assert.True(config.Profile.Badges[1].License);
            Assert.Equal(new ProfileImage("logo", "https://example.org/logo.png", "http://example.org"), config.Profile.Logo);
            Assert.Equal("Bonjour", config.Profile.Intro);
            Assert.Equal("Liens", config.Profile.LinksIntro);
            Assert.Equal(new ProfileLink("Site", "https://example.org"), Assert.Single(config.Profile.Links));
            Assert.Equal("docs/README.md", config.Publish.TargetPath);
            Assert.Equal("pg/readme", config.Publish.Branch);
            Assert.Equal("develop", config.Publish.Base);
            Assert.Equal("Titre", config.Publish.Title);
            Assert.Equal(["alice"], config.Publish.Reviewers);
            Assert.True(config.Publish.AllowPrivateInPublic);
            Assert.Equal("docs/.profilegen/facts.json", config.Publish.FactsPath);
            Assert.Equal(["Cycle de vie"], config.Lifecycle.Labels);
            Assert.Equal(["Bêta"], config.Lifecycle.Values);
            Assert.Equal("Bêta", config.Lifecycle.Aliases["Beta"]);
            Assert.Equal("off", config.Audit.Rules["description-missing"]);
        }

        [Theory]
        [InlineData("sort: name", "name")]
        [InlineData("sort: pushed", "pushed")]
        [InlineData("sort: stars", "stars")]
        public void Every_sort_order_is_accepted(string yaml, string sort) => Assert.Equal(sort, Parse(yaml).Sort.Word());

        [Theory]
        [InlineData("lifecycle")]
        [InlineData("language")]
        [InlineData("license")]
        [InlineData("none")]
        public void Every_grouping_is_accepted(string by) => Assert.Equal(by, Parse($"grouping: {{ by: {by} }}").Grouping.By.Word());

        [Fact]
        public void Every_visibility_is_accepted() =>
            Assert.Equal(["public", "private", "internal"], Parse("filters: { visibility: [public, private, internal] }").Filters.Visibility);

        [Fact]
        public void A_logo_without_alt_text_is_called_logo() =>
            Assert.Equal("logo", Parse("profile: { logo: { image: 'https://example.org/l.png' } }").Profile.Logo!.Alt);

        [Fact]
        public void Aliases_may_lead_anywhere_when_no_vocabulary_is_declared() =>
            Assert.Equal("Bêta", Parse("lifecycle: { aliases: { Beta: Bêta } }").Lifecycle.Aliases["Beta"]);

        [Fact]
        public void A_document_with_only_a_start_marker_gives_the_defaults() =>
            Assert.Equal(new ProfileGenConfig().Sort, Parse("---\n").Sort);

        [Fact]
        public void Quoted_null_is_text_not_an_empty_value() =>
            Assert.Equal("null", Parse("org: 'null'").Org);
    }

    public class Mistakes
    {
        [Theory]
        [InlineData("- a", "profilegen.yml:1:1: the configuration must be a mapping (key: value)")]
        [InlineData("filters: 3", "profilegen.yml:1:10: filters must be a mapping (key: value)")]
        [InlineData("grouping: 3", "profilegen.yml:1:11: grouping must be a mapping (key: value)")]
        [InlineData("lifecycle_rules: [3]", "profilegen.yml:1:19: a lifecycle rule must be a mapping (key: value)")]
        [InlineData("profile: 3", "profilegen.yml:1:10: profile must be a mapping (key: value)")]
        [InlineData("profile: { badges: [3] }", "profilegen.yml:1:21: a badge must be a mapping (key: value)")]
        [InlineData("profile: { logo: 3 }", "profilegen.yml:1:18: logo must be a mapping (key: value)")]
        [InlineData("profile: { links: [3] }", "profilegen.yml:1:20: a link must be a mapping (key: value)")]
        [InlineData("publish: 3", "profilegen.yml:1:10: publish must be a mapping (key: value)")]
        [InlineData("lifecycle: 3", "profilegen.yml:1:12: lifecycle must be a mapping (key: value)")]
        [InlineData("audit: 3", "profilegen.yml:1:8: audit must be a mapping (key: value)")]
        [InlineData("audit: { rules: 3 }", "profilegen.yml:1:17: audit.rules must be a mapping (key: value)")]
        [InlineData("license_overrides: 3", "profilegen.yml:1:20: 'license_overrides' must be a mapping (key: value)")]
        public void A_section_that_is_not_a_mapping_is_named(string yaml, string message) => Assert.Equal(message, ErrorOf(yaml));

        [Theory]
        [InlineData("orgs: x", "profilegen.yml:1:1: unknown key 'orgs' (known keys: org, api_url, template, culture, cultures, sort, filters, featured, grouping, lifecycle_rules, license_overrides, profile, publish, lifecycle, audit, limits, cards, health, catalogue)")]
        [InlineData("grouping: { order_by: x }", "profilegen.yml:1:13: unknown key 'order_by' (known keys: by, order, other_title, hide, collapse)")]
        [InlineData("lifecycle_rules: [ { topics: x } ]", "profilegen.yml:1:22: unknown key 'topics' (known keys: topic, label, message, color)")]
        [InlineData("profile: { title: x }", "profilegen.yml:1:12: unknown key 'title' (known keys: badges, logo, intro, intro_file, links_intro, links)")]
        [InlineData("profile: { badges: [ { text: x } ] }", "profilegen.yml:1:24: unknown key 'text' (known keys: alt, label, message, color, link, license)")]
        [InlineData("profile: { logo: { src: x } }", "profilegen.yml:1:20: unknown key 'src' (known keys: alt, image, link)")]
        [InlineData("profile: { links: [ { href: x } ] }", "profilegen.yml:1:23: unknown key 'href' (known keys: title, url)")]
        [InlineData("publish: { repo: x }", "profilegen.yml:1:12: unknown key 'repo' (known keys: target_repo, target_path, branch, base, title, labels, reviewers, regions, allow_private_in_public, facts_path, culture_paths)")]
        public void An_unknown_key_lists_the_keys_of_its_section(string yaml, string message) => Assert.Equal(message, ErrorOf(yaml));

        [Theory]
        [InlineData("lifecycle_rules: [ { topic: x } ]", "profilegen.yml:1:20: a lifecycle rule needs both 'topic' and 'message'")]
        [InlineData("lifecycle_rules: [ { message: x } ]", "profilegen.yml:1:20: a lifecycle rule needs both 'topic' and 'message'")]
        [InlineData("profile: { badges: [ { label: x } ] }", "profilegen.yml:1:22: a badge needs a 'message' (or 'license: true' to show the profile repository's licence)")]
        [InlineData("profile: { logo: { alt: x } }", "profilegen.yml:1:18: logo needs an 'image'")]
        [InlineData("profile: { links: [ { title: x } ] }", "profilegen.yml:1:21: a link needs both 'title' and 'url'")]
        [InlineData("profile: { links: [ { url: 'https://example.org' } ] }", "profilegen.yml:1:21: a link needs both 'title' and 'url'")]
        public void A_part_missing_a_required_key_says_which(string yaml, string message) => Assert.Equal(message, ErrorOf(yaml));

        [Theory]
        [InlineData("org: [a]", "profilegen.yml:1:6: 'org' must be a text value")]
        [InlineData("org: ~", "profilegen.yml:1:6: 'org' must not be empty")]
        [InlineData("org: null", "profilegen.yml:1:6: 'org' must not be empty")]
        [InlineData("org:", "profilegen.yml:1:5: 'org' must not be empty")]
        public void A_value_that_is_not_text_or_is_empty_is_refused(string yaml, string message) => Assert.Equal(message, ErrorOf(yaml));

        [Fact]
        public void A_key_that_is_not_a_plain_name_is_refused() =>
            Assert.Equal("profilegen.yml:1:3: keys must be plain names", ErrorOf("? [a]\n: b\n"));

        [Fact]
        public void An_intro_file_that_cannot_be_read_is_named_with_its_path()
        {
            var missing = Path.Combine(AppContext.BaseDirectory, "no-such-intro.md");

            Assert.StartsWith($"profilegen.yml:1:24: cannot read 'intro_file' file {missing}: ", ErrorOf("profile: { intro_file: no-such-intro.md }"), StringComparison.Ordinal);
        }

        [Fact]
        public void A_configuration_file_that_cannot_be_read_says_it_is_the_configuration()
        {
            var missing = Path.Combine(AppContext.BaseDirectory, "no-such-profilegen.yml");

            var error = Assert.Throws<InputException>(() => ConfigLoader.Load(missing));

            Assert.StartsWith($"{missing}: cannot read the configuration file (", error.Message, StringComparison.Ordinal);
        }
    }

    public class Depth
    {
        private static string Nested(int levels) => "a: " + new string('[', levels - 1) + new string(']', levels - 1) + "\n";

        [Fact]
        public void A_file_nested_deeper_than_the_limit_is_refused_where_it_goes_too_deep()
        {
            Assert.Equal($"profilegen.yml:1:{4 + ConfigLoader.MaxDepth - 1}: nested more than {ConfigLoader.MaxDepth} levels deep; a profilegen.yml needs a few",
                ErrorOf(Nested(ConfigLoader.MaxDepth + 1)));
        }

        [Fact]
        public void A_file_nested_exactly_to_the_limit_is_read() =>
            Assert.StartsWith("profilegen.yml:1:1: unknown key 'a'", ErrorOf(Nested(ConfigLoader.MaxDepth)), StringComparison.Ordinal);

        [Fact]
        public void Many_sections_side_by_side_are_not_depth()
        {
            var rules = string.Concat(Enumerable.Range(0, 2 * ConfigLoader.MaxDepth).Select(i => $"  - {{ topic: t{i}, message: m }}\n"));

            Assert.Equal(2 * ConfigLoader.MaxDepth, Parse("lifecycle_rules:\n" + rules).LifecycleRules.Count);
        }
    }
}
