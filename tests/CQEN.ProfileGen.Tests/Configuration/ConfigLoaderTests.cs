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
}
