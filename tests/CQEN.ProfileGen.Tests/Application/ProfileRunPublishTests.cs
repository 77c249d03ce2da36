using CQEN.ProfileGen.Application;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Publishing;
using CQEN.ProfileGen.Rendering;
using CQEN.ProfileGen.Snapshots;
using CQEN.ProfileGen.Tests.Cli;

namespace CQEN.ProfileGen.Tests.Application;

/// <summary>The publish path of the application service, from the model to the pull request, against a gateway held in memory.</summary>
public class ProfileRunPublishTests
{
    private const string Readme = "profile/README.md";
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static async Task<(ProfileRun Run, OrgSnapshot Snapshot)> SampleAsync() =>
        (new ProfileRun(CQEN.ProfileGen.GitHub.GitHubConnector.Default(Clock), Clock), await new SnapshotFile(CliHarness.Sample("cqen-qdce.snapshot.json")).ReadAsync(null, CancellationToken.None));

    private static PublishOrder Order(ProfileGenConfig config, bool dryRun = false, IReadOnlyDictionary<string, TemplateSource>? regions = null) => new()
    {
        Config = config,
        Template = TemplateSource.Default(config.Culture),
        Regions = regions ?? new Dictionary<string, TemplateSource>(),
        Repo = ".github",
        Path = Readme,
        Branch = "profilegen/profile-readme",
        FactsPath = config.Publish.FactsPath,
        DryRun = dryRun,
        Labels = ["documentation"],
    };

    /// <summary>A region's template, in a file of its own as publish.regions names them.</summary>
    private static TemplateSource Region(string text)
    {
        var folder = Directory.CreateTempSubdirectory("profilegen-region-").FullName;
        File.WriteAllText(Path.Combine(folder, "count.sbn"), text);
        return TemplateSource.FromFile(Path.Combine(folder, "count.sbn"));
    }

    private static async Task<(PublishOutcome Outcome, PublishRequest Request)> PublishAsync(FakePublishGateway github, ProfileRun run, OrgSnapshot snapshot, PublishOrder order)
    {
        var pages = run.Pages(snapshot, order);
        var request = ProfileRun.Prepare(snapshot, order, pages, ProfileRun.Audit(snapshot, order.Config, pages[0].Model), CancellationToken.None);
        return (await ProfileRun.PublishAsync(github, request, CancellationToken.None), request);
    }

    [Fact]
    public async Task A_first_publish_commits_the_rendered_profile_its_cards_and_facts_once_and_opens_one_labelled_pull_request()
    {
        var (run, snapshot) = await SampleAsync();
        var github = new FakePublishGateway(snapshot.Org.Login, ".github", new Dictionary<string, string> { ["README.md"] = "# .github\n" });
        var config = new ProfileGenConfig();

        var (outcome, request) = await PublishAsync(github, run, snapshot, Order(config));

        var rendered = ProfileRun.Render(run.Model(snapshot, config), config, TemplateSource.Default(config.Culture), CancellationToken.None);
        Assert.Equal(PublishStatus.Created, outcome.Status);
        Assert.Equal(["commit", "move branch", "open", "labels"], github.Writes);
        Assert.Equal(rendered.Markdown, github.FileOn("profilegen/profile-readme", Readme));
        Assert.Null(github.FileOn("main", Readme));
        var pull = Assert.Single(github.Pulls);
        Assert.Equal(["documentation"], pull.Labels);
        Assert.Contains(PullRequestText.Marker, pull.Body, StringComparison.Ordinal);
        Assert.Equal(
            [.. rendered.Cards.Select(c => "profile/" + c.RelativePath).Append(config.Publish.FactsPath!).Append("README.md").Append(Readme).Order(StringComparer.Ordinal)],
            github.PathsOn("profilegen/profile-readme").Order(StringComparer.Ordinal).ToArray(),
            StringComparer.Ordinal);
        Assert.NotEmpty(rendered.Cards);
        Assert.Equal("profile/", request.CardsFolder);
    }

    [Fact]
    public async Task A_second_run_over_the_same_data_writes_nothing_and_says_unchanged()
    {
        var (run, snapshot) = await SampleAsync();
        var github = new FakePublishGateway(snapshot.Org.Login, ".github", new Dictionary<string, string>());
        await PublishAsync(github, run, snapshot, Order(new ProfileGenConfig()));
        github.Writes.Clear();

        var (outcome, _) = await PublishAsync(github, run, snapshot, Order(new ProfileGenConfig()));

        Assert.Equal(PublishStatus.Unchanged, outcome.Status);
        Assert.False(outcome.Changed);
        Assert.Empty(github.Writes);
    }

    [Fact]
    public async Task A_dry_run_writes_nothing_and_returns_the_diff_and_the_plan_it_would_carry_out()
    {
        var (run, snapshot) = await SampleAsync();
        var github = new FakePublishGateway(snapshot.Org.Login, ".github", new Dictionary<string, string> { [Readme] = "# Ancien profil\n" });

        var (outcome, _) = await PublishAsync(github, run, snapshot, Order(new ProfileGenConfig(), dryRun: true));

        Assert.Equal(PublishStatus.WouldCreate, outcome.Status);
        Assert.Empty(github.Writes);
        Assert.Contains("-# Ancien profil", outcome.Diff.Text, StringComparison.Ordinal);
        Assert.NotEmpty(outcome.Plan);
        Assert.Empty(github.Pulls);
    }

    [Fact]
    public async Task Managed_regions_are_filled_in_the_file_the_base_holds_and_the_hand_written_text_is_kept()
    {
        var (run, snapshot) = await SampleAsync();
        var hand = "# Notre organisation\n\nÉcrit à la main.\n\n<!-- profilegen:begin count -->\nvieux\n<!-- profilegen:end count -->\n\nFin écrite à la main.\n";
        var github = new FakePublishGateway(snapshot.Org.Login, ".github", new Dictionary<string, string> { [Readme] = hand });
        var regions = new Dictionary<string, TemplateSource> { ["count"] = Region("{{ repos | array.size }} dépôts\n") };

        var (outcome, _) = await PublishAsync(github, run, snapshot, Order(new ProfileGenConfig(), regions: regions));

        Assert.Equal(PublishStatus.Created, outcome.Status);
        var published = github.FileOn("profilegen/profile-readme", Readme)!;
        Assert.StartsWith("# Notre organisation\n\nÉcrit à la main.\n\n<!-- profilegen:begin count -->\n", published, StringComparison.Ordinal);
        Assert.Contains($"\n{run.Model(snapshot, new ProfileGenConfig()).Repos.Count} dépôts\n<!-- profilegen:end count -->\n\nFin écrite à la main.\n", published, StringComparison.Ordinal);
        Assert.DoesNotContain("vieux", published, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regions_asked_of_a_file_the_base_does_not_hold_are_refused_with_nothing_written()
    {
        var (run, snapshot) = await SampleAsync();
        var github = new FakePublishGateway(snapshot.Org.Login, ".github", new Dictionary<string, string>());
        var regions = new Dictionary<string, TemplateSource> { ["count"] = Region("{{ repos | array.size }}\n") };

        var error = await Assert.ThrowsAsync<InputException>(() => PublishAsync(github, run, snapshot, Order(new ProfileGenConfig(), regions: regions)));

        Assert.Equal($"{snapshot.Org.Login}/.github:{Readme}: the file does not exist, so it has no managed regions to fill (publish a whole file, without regions, first)", error.Message);
        Assert.Empty(github.Writes);
    }

    [Fact]
    public async Task A_push_made_between_the_read_and_the_write_is_seen_on_the_next_cycle_and_never_erased()
    {
        var (run, snapshot) = await SampleAsync();
        var github = new FakePublishGateway(snapshot.Org.Login, ".github", new Dictionary<string, string>()) { PushBeforeNextMove = true };

        var (outcome, _) = await PublishAsync(github, run, snapshot, Order(new ProfileGenConfig()));

        // The person's commit now holds the branch: the run read again, and stopped rather than take it back.
        Assert.Equal("a person's push\n", github.FileOn("profilegen/profile-readme", "human.txt"));
        Assert.Equal(PublishStatus.Blocked, outcome.Status);
        Assert.Contains("profilegen/profile-readme", outcome.Problem, StringComparison.Ordinal);
        Assert.Equal(["commit"], github.Writes); // the one attempt whose branch move GitHub refused; no pull request over the person's commit
        Assert.Empty(github.Pulls);
    }
}
