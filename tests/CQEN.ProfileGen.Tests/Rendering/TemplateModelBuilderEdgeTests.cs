using CQEN.ProfileGen.Badges;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Rendering;
using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Tests.Rendering;

/// <summary>
/// The model's less travelled paths: where a long description is cut, how licences are named,
/// the group titles of each language, and the tie-breaks that keep output stable.
/// </summary>
public class TemplateModelBuilderEdgeTests
{
    private static RepoSnapshot Repo(string name, Func<RepoSnapshot, RepoSnapshot>? change = null)
    {
        var repo = new RepoSnapshot { Name = name, FullName = "o/" + name, Url = "https://github.com/o/" + name };
        return change is null ? repo : change(repo);
    }

    private static RepoSnapshot WithLifecycle(RepoSnapshot r, string message, string? color = "339999") =>
        r with { Badges = [new ShieldsBadge { ImageUrl = "https://img.shields.io/badge/x", Label = "Cycle de vie", Message = message, Color = color }] };

    private static ProfileModel Build(ProfileGenConfig config, params RepoSnapshot[] repos) =>
        TemplateModelBuilder.Build(new OrgSnapshot { Org = new OrgProfile { Login = "o", Url = "https://github.com/o" }, Repos = repos }, config, DateTimeOffset.UnixEpoch);

    public class Summaries
    {
        [Fact]
        public void A_description_is_trimmed()
        {
            Assert.Equal(("Un outil.", "description"), TemplateModelBuilder.Summary(Repo("r", r => r with { Description = "  Un outil.  " })));
        }

        [Fact]
        public void A_long_description_is_cut_after_its_last_whole_word_within_the_limit()
        {
            // Spaces at 80 (half the limit) and at 161 (just past it): the cut is at 80.
            var text = new string('a', 80) + " " + new string('b', 80) + " " + new string('c', 50);

            Assert.Equal(new string('a', 80) + "…", TemplateModelBuilder.Summary(Repo("r", r => r with { Description = text })).Text);
        }

        [Fact]
        public void A_description_of_exactly_the_limit_is_kept_whole()
        {
            var exact = new string('a', ReadmeSummary.MaxLength);

            Assert.Equal(exact, TemplateModelBuilder.Summary(Repo("r", r => r with { Description = exact })).Text);
        }

        [Fact]
        public void A_long_description_with_no_space_in_its_second_half_is_cut_at_the_limit()
        {
            var text = "ab " + new string('x', 200);

            Assert.Equal(text[..(ReadmeSummary.MaxLength - 1)] + "…", TemplateModelBuilder.Summary(Repo("r", r => r with { Description = text })).Text);
        }

        [Fact]
        public void A_blank_description_gives_way_to_the_readme_and_an_empty_readme_summary_is_none()
        {
            var readme = new ReadmeHeader { Path = "README.md", Text = "", Summary = "Une phrase." };

            Assert.Equal(("Une phrase.", "readme"), TemplateModelBuilder.Summary(Repo("r", r => r with { Description = " ", Readme = readme })));
            Assert.Equal((null, null), TemplateModelBuilder.Summary(Repo("r", r => r with { Readme = readme with { Summary = "" } })));
        }
    }

    public class Licences
    {
        [Fact]
        public void An_identified_licence_is_named_from_the_catalogue_with_its_file()
        {
            var license = new RepoLicense { SpdxId = "LiLiQ-P-1.1", Name = "Other", Path = "LICENCE.md", Url = "https://github.com/o/r/blob/main/LICENCE.md", Source = "file-text" };

            var model = Build(new ProfileGenConfig(), Repo("r", r => r with { License = license })).Repos[0].License;

            Assert.Equal(new LicenseModel("LiLiQ-P-1.1", "Licence Libre du Québec – Permissive (LiLiQ-P) v1.1", "LiLiQ-P", "https://github.com/o/r/blob/main/LICENCE.md", "LICENCE.md", "file-text"), model);
        }

        [Fact]
        public void A_licence_the_catalogue_does_not_know_keeps_github_s_name_else_its_id()
        {
            var model = Build(new ProfileGenConfig(),
                Repo("a", r => r with { License = new RepoLicense { SpdxId = "X-Unknown-1.0", Name = "Une licence" } }),
                Repo("b", r => r with { License = new RepoLicense { SpdxId = "Y-Unknown-1.1" } }));

            Assert.Equal(("Une licence", "X-Unknown-1.0"), (model.Repos[0].License!.Name, model.Repos[0].License!.ShortName));
            Assert.Equal(("Y-Unknown-1.1", "Y-Unknown-1.1"), (model.Repos[1].License!.Name, model.Repos[1].License!.ShortName));
        }

        [Fact]
        public void An_override_the_catalogue_does_not_know_is_named_by_its_id_and_keeps_the_file()
        {
            var config = new ProfileGenConfig { LicenseOverrides = new Dictionary<string, string> { ["r"] = "Maison-1.1" } };

            var model = Build(config, Repo("r", r => r with { License = new RepoLicense { SpdxId = "MIT", Path = "LICENSE" } })).Repos[0].License;

            Assert.Equal(new LicenseModel("Maison-1.1", "Maison-1.1", "Maison-1.1", null, "LICENSE", "config"), model);
        }

        [Fact]
        public void An_override_the_catalogue_knows_is_named_from_the_catalogue()
        {
            var config = new ProfileGenConfig { LicenseOverrides = new Dictionary<string, string> { ["r"] = "LiLiQ-R-1.1" } };

            var name = Build(config, Repo("r")).Repos[0].License!.Name;

            Assert.Equal("Licence Libre du Québec – Réciprocité (LiLiQ-R) v1.1", name);
        }

        [Fact]
        public void An_empty_licence_id_is_no_licence() =>
            Assert.Null(Build(new ProfileGenConfig(), Repo("r", r => r with { License = new RepoLicense { SpdxId = "" } })).Repos[0].License);

        [Theory]
        [InlineData("LiLiQ-R+-1.1", "LiLiQ-R+")]
        [InlineData("LiLiQ-P-1.0", "LiLiQ-P-1.0")]
        [InlineData("MPL-1.1", "MPL-1.1")]
        public void Only_the_LiLiQ_family_at_1_1_drops_its_version(string spdx, string shortName) =>
            Assert.Equal(shortName, Build(new ProfileGenConfig(), Repo("r", r => r with { License = new RepoLicense { SpdxId = spdx } })).Repos[0].License!.ShortName);
    }

    public class Lifecycles
    {
        [Fact]
        public void A_badge_s_colour_is_the_lifecycle_s() =>
            Assert.Equal("ff8800", Build(new ProfileGenConfig(), Repo("r", r => WithLifecycle(r, "Bêta", color: "ff8800"))).Repos[0].Lifecycle!.Color);

        [Fact]
        public void A_badge_without_a_colour_gives_an_empty_colour() =>
            Assert.Equal("", Build(new ProfileGenConfig(), Repo("r", r => WithLifecycle(r, "Bêta", color: null))).Repos[0].Lifecycle!.Color);

        [Fact]
        public void A_topic_rule_gives_its_label_and_colour()
        {
            var config = new ProfileGenConfig { LifecycleRules = [new LifecycleRule { Topic = "pilot", Message = "Pilote", Label = "Phase", Color = "ff0000" }] };

            Assert.Equal(new LifecycleModel("Phase", "Pilote", "ff0000", "topic"), Build(config, Repo("r", r => r with { Topics = ["pilot"] })).Repos[0].Lifecycle);
        }
    }

    public class Groups
    {
        [Theory]
        [InlineData("fr-CA", "Dépôts")]
        [InlineData("en", "Repositories")]
        public void Without_grouping_every_repository_is_in_one_group_titled_in_the_run_s_language(string culture, string title)
        {
            var model = Build(new ProfileGenConfig { Culture = Choices.Cultures[culture], Grouping = new GroupingOptions { By = GroupBy.None } }, Repo("a"), Repo("b"));

            var group = Assert.Single(model.Groups);
            Assert.Equal(("all", title, 2), (group.Key, group.Title, group.Repos.Count));
        }

        [Fact]
        public void Without_grouping_and_without_repositories_there_is_no_group() =>
            Assert.Empty(Build(new ProfileGenConfig { Grouping = new GroupingOptions { By = GroupBy.None } }).Groups);

        [Fact]
        public void The_other_group_is_titled_in_English_for_an_English_profile()
        {
            var model = Build(new ProfileGenConfig { Culture = ProfileCulture.English }, Repo("a"));

            Assert.Equal(("", "Other"), (model.Groups[0].Key, model.Groups[0].Title));
        }

        [Fact]
        public void Groups_by_language_and_by_licence_use_their_value_as_key_and_title()
        {
            var repos = new[]
            {
                Repo("a", r => r with { Language = "C#", License = new RepoLicense { SpdxId = "LiLiQ-P-1.1" } }),
                Repo("b", r => r with { Language = "Go" }),
            };

            Assert.Equal([("C#", "C#"), ("Go", "Go")], Build(new ProfileGenConfig { Grouping = new GroupingOptions { By = GroupBy.Language } }, repos).Groups.Select(g => (g.Key, g.Title)));
            Assert.Equal([("LiLiQ-P", "LiLiQ-P"), ("", "Autres")], Build(new ProfileGenConfig { Grouping = new GroupingOptions { By = GroupBy.License } }, repos).Groups.Select(g => (g.Key, g.Title)));
        }

        [Fact]
        public void A_value_of_only_spaces_is_in_the_other_group() =>
            Assert.Equal([""], Build(new ProfileGenConfig { Grouping = new GroupingOptions { By = GroupBy.Language } }, Repo("a", r => r with { Language = "  " })).Groups.Select(g => g.Key));

        [Fact]
        public void A_tie_between_spellings_goes_to_the_first_in_ordinal_order()
        {
            var model = Build(new ProfileGenConfig(), Repo("a", r => WithLifecycle(r, "phase bêta")), Repo("b", r => WithLifecycle(r, "Phase Bêta")));

            Assert.Equal("Phase Bêta", Assert.Single(model.Groups).Title);
        }

        [Fact]
        public void The_configured_order_ignores_case_and_unordered_groups_follow_alphabetically_ignoring_case()
        {
            var config = new ProfileGenConfig { Grouping = new GroupingOptions { Order = ["production", "Bêta"] } };

            var model = Build(config, Repo("a", r => WithLifecycle(r, "zeta")), Repo("b", r => WithLifecycle(r, "Alpha")), Repo("c", r => WithLifecycle(r, "Bêta")),
                Repo("d", r => WithLifecycle(r, "Production")), Repo("e"));

            Assert.Equal(["Production", "Bêta", "Alpha", "zeta", "Autres"], model.Groups.Select(g => g.Title));
        }

        [Fact]
        public void A_group_ordered_by_configuration_comes_before_the_other_group_even_when_it_is_the_other_group()
        {
            var config = new ProfileGenConfig { Grouping = new GroupingOptions { Order = ["Autres", "Bêta"] } };

            var model = Build(config, Repo("a"), Repo("b", r => WithLifecycle(r, "Bêta")), Repo("c", r => WithLifecycle(r, "Alpha")));

            Assert.Equal(["Autres", "Bêta", "Alpha"], model.Groups.Select(g => g.Title));
        }
    }

    public class Order
    {
        [Fact]
        public void Names_are_sorted_ignoring_case_then_ordinally()
        {
            var model = Build(new ProfileGenConfig(), Repo("beta"), Repo("Alpha"), Repo("alpha"), Repo("Beta"));

            Assert.Equal(["Alpha", "alpha", "Beta", "beta"], model.Repos.Select(r => r.Name));
        }

        [Theory]
        [InlineData("pushed")]
        [InlineData("stars")]
        public void Ties_in_activity_or_stars_are_broken_by_name(string sort)
        {
            var model = Build(new ProfileGenConfig { Sort = Choices.Sorts[sort] }, Repo("b"), Repo("a"), Repo("B"));

            Assert.Equal(["a", "B", "b"], model.Repos.Select(r => r.Name));
        }

        [Fact]
        public void The_profile_repository_is_found_whatever_its_case_even_when_not_listed()
        {
            var model = Build(new ProfileGenConfig(), Repo(".GitHub"), Repo("a"));

            Assert.Equal(".GitHub", model.ProfileRepo?.Name);
            Assert.Equal(["a"], model.Repos.Select(r => r.Name));
        }

        [Fact]
        public void Pinned_repositories_are_those_listed_and_pinned()
        {
            var model = Build(new ProfileGenConfig(), Repo("a", r => r with { Pinned = true }), Repo("b"), Repo("c", r => r with { Pinned = true, Archived = true }));

            Assert.Equal(["a"], model.PinnedRepos.Select(r => r.Name));
        }
    }
}
