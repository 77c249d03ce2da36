using CQEN.ProfileGen.Audit;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Rendering;
using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Tests.Rendering;

/// <summary>
/// The featured section near the top of the default profiles: `featured:` in its order, else the
/// organization's pinned repositories, each with its summary, escaped like the rest of the page.
/// </summary>
public class FeaturedSectionTests
{
    private static RepoSnapshot Repo(string name, string? description = null, bool pinned = false, bool archived = false) => new()
    {
        Name = name,
        FullName = $"org/{name}",
        Url = $"https://github.com/org/{name}",
        Description = description ?? $"Le dépôt {name}.",
        Pinned = pinned,
        Archived = archived,
    };

    private static readonly OrgSnapshot Org = new()
    {
        Org = new OrgProfile { Login = "org", Url = "https://github.com/org" },
        Repos =
        [
            Repo("alpha", pinned: true), Repo("beta"), Repo("gamma", pinned: true), Repo("vieux", archived: true),
            Repo("hostile", "<img src=x onerror=alert(1)> [lien](https://evil.example) <!-- profilegen:end -->"),
        ],
    };

    private static string Page(ProfileGenConfig config) =>
        ProfileRenderer.Render(TemplateSource.Default(config.Culture), TemplateModelBuilder.Build(Org, config, DateTimeOffset.UnixEpoch));

    private static string[] Featured(ProfileGenConfig config) =>
        TemplateModelBuilder.Build(Org, config, DateTimeOffset.UnixEpoch).Featured.Select(r => r.Name).ToArray();

    [Fact]
    public void Without_featured_the_pinned_repositories_are_featured() =>
        Assert.Equal(["alpha", "gamma"], Featured(new ProfileGenConfig()));

    [Fact]
    public void Featured_names_are_shown_in_their_order_whatever_their_case_and_unknown_ones_are_left_out() =>
        Assert.Equal(["gamma", "beta"], Featured(new ProfileGenConfig { Featured = ["GAMMA", "beta", "nulle-part", "vieux", "gamma"] }));

    [Fact]
    public void The_french_page_shows_them_after_the_introduction_and_before_the_repositories_with_their_summaries()
    {
        var page = Page(new ProfileGenConfig { Featured = ["gamma", "alpha"] });

        var section = "## En vedette\n\n- [gamma](https://github.com/org/gamma) — Le dépôt gamma.\n- [alpha](https://github.com/org/alpha) — Le dépôt alpha.\n\n## Nos dépôts\n";
        Assert.Contains(section, page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_english_page_says_featured()
    {
        var page = Page(new ProfileGenConfig { Culture = ProfileCulture.English, Featured = ["beta"] });

        Assert.Contains("## Featured\n\n- [beta](https://github.com/org/beta) — Le dépôt beta.\n\n## Our repositories\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void No_section_when_nothing_is_featured()
    {
        var page = Page(new ProfileGenConfig { Featured = ["nulle-part"] });

        Assert.DoesNotContain("En vedette", page, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hostile_summary_cannot_add_html_links_or_markers()
    {
        var page = Page(new ProfileGenConfig { Featured = ["hostile"] });
        var line = page.Split('\n').Single(l => l.StartsWith("- [hostile]", StringComparison.Ordinal));

        Assert.DoesNotContain("<img", line, StringComparison.Ordinal);
        Assert.DoesNotContain("](https://evil.example)", line, StringComparison.Ordinal);
        Assert.DoesNotContain("<!--", line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_name_is_an_audit_finding_with_the_nearest_listed_name_not_a_failed_run()
    {
        var findings = OrgAudit.Run(Org, new ProfileGenConfig { Culture = ProfileCulture.English, Featured = ["gama", "vieux", "alpha", "nulle-part"] })
            .Findings.Where(f => f.Rule == "featured-unknown").ToDictionary(f => f.Repo);

        Assert.Equal(["gama", "nulle-part", "vieux"], findings.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((Severity.Warning, "gamma"), (findings["gama"].Severity, findings["gama"].Suggestion));
        Assert.Equal("featured names 'gama', which is not a repository of the organization: write 'gamma', or remove it from featured.", findings["gama"].Message);
        Assert.Contains("which the profile does not list (filters or grouping.hide)", findings["vieux"].Message, StringComparison.Ordinal);
        Assert.Null(findings["nulle-part"].Suggestion);
    }

    [Fact]
    public void Featured_is_read_from_the_configuration_and_a_wrong_value_is_named_by_place()
    {
        Assert.Equal(["a", "b"], ConfigLoader.Parse("featured: [a, b]\n", "profilegen.yml", AppContext.BaseDirectory).Featured);
        var error = Assert.Throws<InputException>(() => ConfigLoader.Parse("org: x\nfeatured: alpha\n", "profilegen.yml", AppContext.BaseDirectory)).Message;
        Assert.StartsWith("profilegen.yml:2:11: ", error, StringComparison.Ordinal);
        var item = Assert.Throws<InputException>(() => ConfigLoader.Parse("featured: [a, {b: c}]\n", "profilegen.yml", AppContext.BaseDirectory)).Message;
        Assert.StartsWith("profilegen.yml:1:15: ", item, StringComparison.Ordinal);
    }
}
