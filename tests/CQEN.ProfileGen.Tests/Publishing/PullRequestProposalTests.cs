using ApprovalTests;
using ApprovalTests.Reporters;
using ApprovalTests.Writers;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Publishing;
using CQEN.ProfileGen.Rendering;
using CQEN.ProfileGen.Snapshots;
using CQEN.ProfileGen.Tests.Rendering;

namespace CQEN.ProfileGen.Tests.Publishing;

/// <summary>
/// The pull request body a reviewer judges: a first fill summarised per group with links into the
/// proposed file, an update saying per repository what changed since the previous proposal and
/// since the base — for the 230-repository organization of issue 23, with its starter configuration.
/// </summary>
[UseReporter(typeof(QuietReporter))]
public sealed class PullRequestProposalTests : IDisposable
{
    private const string FileUrl = "https://github.com/org/.github/blob/profilegen/profile-readme/profile/README.md";
    private readonly string _dir = Directory.CreateTempSubdirectory("profilegen-proposal-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private ProfileGenConfig StarterConfiguration()
    {
        var init = new Cli.CliHarness { CurrentDirectory = _dir }.RunAsync("init", "--org", "org").GetAwaiter().GetResult();
        Assert.Equal(0, init.ExitCode);
        return ConfigLoader.Load(Path.Combine(_dir, "profilegen.yml"));
    }

    private sealed record Rendered(ProfileModel Model, string Page, ProfileFacts Facts);

    private static Rendered Render(OrgSnapshot snapshot, ProfileGenConfig config)
    {
        // As publish renders it: without cards until the publish commit can carry them.
        var model = TemplateModelBuilder.Build(snapshot, config with { Cards = config.Cards with { Enabled = false } }, DateTimeOffset.UnixEpoch);
        return new(model, ProfileRenderer.Render(TemplateSource.Default(config.Culture), model), ProfileFacts.Of(snapshot, config, model));
    }

    private static ProposalFacts Proposal(Rendered now, ProfileFacts? onBase, ProfileFacts? previous) => new()
    {
        Facts = now.Facts,
        BaseFacts = onBase,
        PreviousFacts = previous,
        BaseName = "main",
        Groups = [.. now.Model.Groups.Select(g => (g.Title, g.Total))],
        Path = "profile/README.md",
        FileUrl = FileUrl,
    };

    private static OrgSnapshot With(OrgSnapshot snapshot, string name, Func<RepoSnapshot, RepoSnapshot> change) =>
        snapshot with { Repos = [.. snapshot.Repos.Select(r => r.Name == name ? change(r) : r)] };

    private static RepoSnapshot Lifecycle(RepoSnapshot r, string phase) =>
        r with { Badges = [.. r.Badges.Select(b => b with { Message = phase })] };

    [Fact]
    public void The_first_fill_s_body_for_230_repositories_is_as_approved()
    {
        var config = StarterConfiguration();
        var now = Render(StarterProfileTests.Organization(), config);

        var body = PullRequestText.Body("https://github.com/org", null, now.Page, UnifiedDiff.Between(null, now.Page, "profile/README.md"), config.Culture, proposal: Proposal(now, onBase: null, previous: null));

        Approvals.Verify(new ApprovalTextWriter(body, "md"));
    }

    [Fact]
    public void The_first_fill_links_each_group_to_the_heading_github_gives_it_in_the_proposed_file()
    {
        var config = StarterConfiguration();
        var now = Render(StarterProfileTests.Organization(), config);

        var body = PullRequestText.Body("https://github.com/org", null, now.Page, UnifiedDiff.Between(null, now.Page, "profile/README.md"), config.Culture, proposal: Proposal(now, null, null));

        Assert.Contains($"| [Phase Découverte]({FileUrl}#phase-d%C3%A9couverte-81) | 81 |", body, StringComparison.Ordinal);
        Assert.Contains($"| [Abandonné]({FileUrl}#abandonn%C3%A9-36) | 36 |", body, StringComparison.Ordinal);
        Assert.Contains("| **Total** | **230** |", body, StringComparison.Ordinal);
        Assert.DoesNotContain("depot-", body, StringComparison.Ordinal); // a summary, not 200 names
    }

    [Fact]
    public void After_three_data_changes_the_update_names_each_change_since_the_previous_proposal_and_since_main()
    {
        var config = StarterConfiguration();
        var merged = StarterProfileTests.Organization();
        var onMain = Render(merged, config);
        // Two changes proposed last week, a third this week.
        var lastWeek = With(With(merged, "depot-040", r => r with { Archived = true }), "depot-100", r => Lifecycle(r, "Production"));
        var thisWeek = With(lastWeek, "depot-150", r => r with { Description = "Une toute nouvelle description." });
        var previous = Render(lastWeek, config);
        var now = Render(thisWeek, config);

        var body = PullRequestText.Body("https://github.com/org", onMain.Page, now.Page, UnifiedDiff.Between(onMain.Page, now.Page, "profile/README.md"), config.Culture,
            proposal: Proposal(now, onMain.Facts, previous.Facts));

        var sinceProposal = body[body.IndexOf("### Depuis la proposition précédente (1)", StringComparison.Ordinal)..body.IndexOf("### Depuis main (3)", StringComparison.Ordinal)];
        var sinceMain = body[body.IndexOf("### Depuis main (3)", StringComparison.Ordinal)..];
        Assert.Contains("- [depot-150](https://github.com/org/depot-150) : description : « Le dépôt depot-150, qui fait une chose utile pour l'organisation. » → « Une toute nouvelle description. »", sinceProposal, StringComparison.Ordinal);
        Assert.DoesNotContain("depot-040", sinceProposal, StringComparison.Ordinal);
        Assert.Contains("- [depot-040](https://github.com/org/depot-040) : archivé; n'est plus présenté par le profil", sinceMain, StringComparison.Ordinal);
        Assert.Contains("- [depot-100](https://github.com/org/depot-100) : cycle de vie : Phase Découverte → Production", sinceMain, StringComparison.Ordinal);
        Assert.Contains("- [depot-150](https://github.com/org/depot-150) : description : ", sinceMain, StringComparison.Ordinal);
        Approvals.Verify(new ApprovalTextWriter(body, "md"));
    }

    [Fact]
    public void A_change_to_every_repository_keeps_the_body_under_github_s_limit_with_every_count_exact()
    {
        var config = StarterConfiguration();
        var before = StarterProfileTests.Organization();
        var after = before with { Repos = [.. before.Repos.Select(r => r with { Description = new string('x', 300) + " <b>" + r.Name, Language = "Go" })] };
        var was = Render(before, config);
        var now = Render(after, config);

        var body = PullRequestText.Body("https://github.com/org", was.Page, now.Page, UnifiedDiff.Between(was.Page, now.Page, "profile/README.md"), config.Culture,
            proposal: Proposal(now, was.Facts, was.Facts));

        Assert.True(body.Length <= PullRequestText.MaxBodyLength, $"{body.Length} characters");
        Assert.Contains("### Depuis main (230)", body, StringComparison.Ordinal);
        Assert.Contains("- … et 180 autres", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", body, StringComparison.Ordinal);
    }

    [Fact]
    public void An_update_with_nothing_new_since_the_previous_proposal_says_so()
    {
        var config = StarterConfiguration();
        var merged = StarterProfileTests.Organization();
        var onMain = Render(merged, config);
        var now = Render(With(merged, "depot-040", r => r with { Archived = true }), config);

        var body = PullRequestText.Body("https://github.com/org", onMain.Page, now.Page, UnifiedDiff.Between(onMain.Page, now.Page, "profile/README.md"), ProfileCulture.English,
            proposal: Proposal(now, onMain.Facts, now.Facts));

        Assert.Contains("### Since the previous proposal (0)\n\nNo repository changed.\n", body, StringComparison.Ordinal);
        Assert.Contains("### Since main (1)\n\n- [depot-040](https://github.com/org/depot-040): archived; no longer listed by the profile\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Heading_anchors_follow_github_s_rule_escapes_entities_repeats_and_fences_included()
    {
        var anchors = PullRequestText.HeadingAnchors("# Profil\n## Phase Bêta (12)\n```\n# not a heading\n```\n### R\\&amp;D \\(x\\)\n## Phase Bêta (12)\n");

        Assert.Equal([("Profil", "profil"), ("Phase Bêta (12)", "phase-bêta-12"), ("R&D (x)", "rd-x"), ("Phase Bêta (12)", "phase-bêta-12-1")], anchors);
    }
}
