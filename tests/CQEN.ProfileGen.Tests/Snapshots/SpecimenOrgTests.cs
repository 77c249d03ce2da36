using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Rendering;
using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Tests.Snapshots;

/// <summary>
/// The made-up organization `validate` renders a template against when there is no snapshot:
/// every field filled, and every group the configuration can form present, so a template's
/// loops and branches all run.
/// </summary>
public class SpecimenOrgTests
{
    private static readonly ProfileGenConfig Configured = new()
    {
        Grouping = new GroupingOptions { Order = ["Production", "expérimentation"] },
        LifecycleRules = [new LifecycleRule { Topic = "pilot", Message = "Pilote" }],
    };

    [Fact]
    public void The_login_is_the_one_given_else_the_configured_organization_else_example_org()
    {
        Assert.Equal("given", SpecimenOrg.Create(new ProfileGenConfig { Org = "configured" }, "given").Org.Login);
        Assert.Equal("configured", SpecimenOrg.Create(new ProfileGenConfig { Org = "configured" }).Org.Login);
        Assert.Equal("example-org", SpecimenOrg.Create(new ProfileGenConfig()).Org.Login);
    }

    [Fact]
    public void Each_lifecycle_the_configuration_names_has_a_repository_then_the_common_stages_once_each()
    {
        var specimen = SpecimenOrg.Create(Configured);

        var lifecycles = specimen.Repos.Where(r => r.Name.StartsWith("example-0", StringComparison.Ordinal))
            .Select(r => (r.Name, Lifecycle: r.Badges[0].Message));
        Assert.Equal([("example-01", "Production"), ("example-02", "expérimentation"), ("example-03", "Pilote"), ("example-04", "Phase Bêta")], lifecycles);
    }

    [Fact]
    public void Besides_them_one_repository_has_nothing_one_is_archived_and_one_is_a_fork()
    {
        var specimen = SpecimenOrg.Create(Configured);

        Assert.Equal(["example-01", "example-02", "example-03", "example-04", "example-plain", "example-archived", "example-fork"], specimen.Repos.Select(r => r.Name));
        var plain = specimen.Repos.Single(r => r.Name == "example-plain");
        Assert.Equal((0, 0), (plain.Badges.Count, plain.Topics.Count));
        Assert.Null(plain.Language);
        Assert.Null(plain.Description);
        Assert.Null(plain.Homepage);
        Assert.Null(plain.License);
        Assert.Null(plain.Readme);
        Assert.Null(plain.PushedAt);
        Assert.False(plain.Pinned);
        var archived = specimen.Repos.Single(r => r.Name == "example-archived");
        Assert.True(archived.Archived);
        Assert.False(archived.Fork);
        Assert.False(archived.Pinned);
        Assert.Equal("Production", archived.Badges[0].Message);
        var fork = specimen.Repos.Single(r => r.Name == "example-fork");
        Assert.True(fork.Fork);
        Assert.False(fork.Archived);
        Assert.False(fork.Pinned);
        Assert.Equal(specimen.Repos.Count, specimen.Org.PublicRepos);
    }

    [Fact]
    public void Every_field_of_a_lifecycle_repository_and_of_the_organization_is_filled()
    {
        var specimen = SpecimenOrg.Create(Configured, "org");
        var repo = specimen.Repos[0];

        Assert.Equal("org/example-01", repo.FullName);
        Assert.Equal("https://github.com/org/example-01", repo.Url);
        Assert.Equal("Description of example-01", repo.Description);
        Assert.Equal("https://example.org/example-01", repo.Homepage);
        Assert.Equal("C#", repo.Language);
        Assert.Equal(["example", "pilot"], repo.Topics);
        Assert.True(repo.Pinned);
        Assert.Equal("main", repo.DefaultBranch);
        Assert.True(repo.CreatedAt < repo.PushedAt);
        Assert.Equal("LiLiQ-P-1.1", repo.License!.SpdxId);
        Assert.Equal("https://github.com/org/example-01/blob/main/LICENSE", repo.License.Url);
        Assert.Equal("https://github.com/org/example-01/blob/main/README.md", repo.Readme!.Url);
        Assert.True(repo.Readme.HasEnteteMarkers);
        Assert.Equal(["Cycle de vie", "Licence"], repo.Badges.Select(b => b.Label));
        Assert.All(repo.Badges, b => Assert.False(string.IsNullOrEmpty(b.LinkUrl)));
        var org = specimen.Org;
        Assert.All(new[] { org.Name, org.Description, org.Blog, org.Location, org.Email, org.AvatarUrl }, v => Assert.False(string.IsNullOrEmpty(v)));
        Assert.Equal("https://github.com/org", org.Url);
        Assert.True(org.IsVerified);
    }

    [Fact]
    public void Repositories_have_the_first_visibility_the_filters_keep()
    {
        var specimen = SpecimenOrg.Create(new ProfileGenConfig { Filters = new RepoFilter { Visibility = ["internal", "public"] } });

        Assert.All(specimen.Repos, r => Assert.Equal("internal", r.Visibility));
    }

    [Fact]
    public void Without_a_visibility_to_keep_repositories_are_public() =>
        Assert.All(SpecimenOrg.Create(new ProfileGenConfig { Filters = new RepoFilter { Visibility = [] } }).Repos, r => Assert.Equal("public", r.Visibility));

    [Fact]
    public void Its_licence_readme_and_badges_have_every_text_a_template_can_show()
    {
        var repo = SpecimenOrg.Create(Configured).Repos[0];

        string?[] texts =
        [
            repo.License!.SpdxId, repo.License.Name, repo.License.Key, repo.License.Path, repo.License.Url, repo.License.Source,
            repo.Readme!.Path, repo.Readme.Url, repo.Readme.Text,
            .. repo.Badges.SelectMany(b => new[] { b.Alt, b.ImageUrl, b.LinkUrl, b.Label, b.Message, b.Color }),
        ];
        Assert.All(texts, t => Assert.False(string.IsNullOrEmpty(t)));
    }

    [Fact]
    public void The_organization_was_created_before_it_was_read() =>
        Assert.True(SpecimenOrg.Create(Configured).Org.CreatedAt < SpecimenOrg.Create(Configured).ReadAt);

    [Fact]
    public void Rendered_with_its_configuration_it_forms_every_group_and_the_other_group()
    {
        var model = TemplateModelBuilder.Build(SpecimenOrg.Create(Configured), Configured, DateTimeOffset.UnixEpoch);

        Assert.Equal(["Production", "expérimentation", "Phase Bêta", "Pilote", "Autres"], model.Groups.Select(g => g.Title));
        Assert.Equal(4, model.PinnedRepos.Count);
    }
}
