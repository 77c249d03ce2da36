using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>
/// `publish` commits the profile, its cards and its facts together: one commit of one pull
/// request, on the GraphQL path (createCommitOnBranch with several additions and deletions) and
/// on the REST path (one tree of several entries, deletions as <c>sha: null</c>).
/// </summary>
public sealed class PublishCardsEndToEndTests() : EndToEndTest(repos: 30, token: "ghs_test-cardsToken000000000-0000000000000001")
{
    private const string Branch = "profilegen/profile-readme";
    private const string Facts = "profile/.profilegen/facts.json";
    private static readonly string[] Cards = ["summary", "lifecycle", "languages", "activity", "health"];

    private Task<CliResult> Publish(string reader, params string[] args) => Run("publish", ["--reader", reader, .. args]);

    private SortedDictionary<string, string> TreeAt(string gitRef)
    {
        lock (GitHub.State.Gate)
        {
            return new(Profile.Git.Trees[Profile.Git.Commits[Profile.Git.Resolve(gitRef) ?? gitRef].Tree], StringComparer.Ordinal);
        }
    }

    private static string[] CardFiles(IEnumerable<string> paths) => [.. paths.Where(p => p.StartsWith("profile/cards/", StringComparison.Ordinal))];

    [Theory]
    [InlineData("graphql")]
    [InlineData("rest")]
    public async Task The_profile_its_cards_and_its_facts_are_one_commit_of_one_pull_request_and_a_rerun_writes_nothing(string reader)
    {
        var first = await Publish(reader);
        Assert.True(first.ExitCode == 0, first.Error);

        var pull = Assert.Single(Profile.Pulls);
        Assert.Equal(1, GitHub.Log.CommitsCreated);
        var head = Profile.Git.Commits[Profile.Git.Resolve(Branch)!];
        Assert.Equal(Profile.Git.Resolve("main")!, head.Parents[0]);
        var readme = Profile.TextAt(Branch, "profile/README.md")!;
        var cards = CardFiles(TreeAt(Branch).Keys);
        // Every card the page shows is in the commit, and every card in the commit is shown (the
        // activity card has nothing to draw here: no push in the last twelve months of the run's clock).
        var shown = Cards.SelectMany(c => new[] { $"profile/cards/{c}-dark.svg", $"profile/cards/{c}-light.svg" })
            .Where(c => readme.Contains($"\"{c["profile/".Length..]}\"", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(8, shown.Length); // summary, lifecycle, languages and health, light and dark
        Assert.Equal(shown, cards);
        Assert.All(cards, card => XDocument.Parse(Profile.TextAt(Branch, card)!));
        using var facts = JsonDocument.Parse(Profile.TextAt(Branch, Facts)!);
        Assert.Equal(cards, facts.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()!));
        Assert.Equal("open", pull.State);

        GitHub.Log.Clear();
        var again = await Publish(reader, "--detailed-exitcode");
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Empty(GitHub.Log.Writes);
    }

    [Fact]
    public async Task The_bundled_sample_publishes_its_readme_and_every_card_it_shows_in_one_commit_and_a_rerun_writes_nothing()
    {
        // The sample's data (CQEN-QDCE's repositories), published to this stand-in's organization.
        var data = ProfileGen.Snapshots.SnapshotJson.Deserialize(File.ReadAllText(CliHarness.Sample("cqen-qdce.snapshot.json")), "sample");
        var sample = Path.Combine(Dir, "sample.json");
        File.WriteAllText(sample, ProfileGen.Snapshots.SnapshotJson.Serialize(data with { Org = data.Org with { Login = Org } }));

        var first = await Run("publish", "--snapshot", sample);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Single(Profile.Pulls);
        Assert.Equal(1, GitHub.Log.CommitsCreated);
        var readme = Profile.TextAt(Branch, "profile/README.md")!;
        var shown = Cards.SelectMany(c => new[] { $"profile/cards/{c}-dark.svg", $"profile/cards/{c}-light.svg" })
            .Where(c => readme.Contains($"\"{c["profile/".Length..]}\"", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(shown);
        Assert.Equal(shown, CardFiles(TreeAt(Branch).Keys));
        Assert.Contains("exp-anig", readme, StringComparison.Ordinal); // the sample's repositories, not the stand-in's

        GitHub.Log.Clear();
        var again = await Run("publish", "--snapshot", sample);
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Empty(GitHub.Log.Writes);
    }

    [Theory]
    [InlineData("graphql")]
    [InlineData("rest")]
    public async Task A_data_change_rewrites_only_the_cards_it_affects(string reader)
    {
        Assert.Equal(0, (await Publish(reader)).ExitCode);
        var before = TreeAt(Branch);
        lock (GitHub.State.Gate)
        {
            // Two repositories move from TypeScript to Rust: the languages change, not the lifecycles or the pushes.
            GitHub.State.Repo(Org, "projet-00001").Language = "Rust";
            GitHub.State.Repo(Org, "projet-00005").Language = "Rust";
        }

        var result = await Publish(reader);

        Assert.True(result.ExitCode == 0, result.Error);
        var after = TreeAt(Branch);
        var changed = after.Keys.Union(before.Keys).Where(p => before.GetValueOrDefault(p) != after.GetValueOrDefault(p)).Order(StringComparer.Ordinal).ToArray();
        Assert.Contains("profile/cards/languages-light.svg", changed);
        Assert.Contains("profile/cards/languages-dark.svg", changed);
        Assert.DoesNotContain(changed, p => p.Contains("lifecycle", StringComparison.Ordinal) || p.Contains("activity", StringComparison.Ordinal));
        Assert.Single(Profile.Pulls);
    }

    [Theory]
    [InlineData("graphql")]
    [InlineData("rest")]
    public async Task Cards_no_longer_made_are_deleted_in_the_same_commit_and_a_hand_added_file_in_their_folder_is_never_touched(string reader)
    {
        Assert.Equal(0, (await Publish(reader)).ExitCode);
        lock (GitHub.State.Gate)
        {
            MergeProposal();
            Profile.Commit("main", new Dictionary<string, string> { ["profile/cards/team-photo.svg"] = "<svg>équipe</svg>", ["profile/cards/notes.md"] = "à nous\n" }, "Our own pictures");
        }
        File.WriteAllText(Path.Combine(Dir, "profilegen.yml"), "cards:\n  enabled: false\n");

        var result = await Publish(reader);

        Assert.True(result.ExitCode == 0, result.Error);
        var branch = TreeAt(Branch);
        Assert.Equal(["profile/cards/notes.md", "profile/cards/team-photo.svg"], CardFiles(branch.Keys));
        Assert.Equal("<svg>équipe</svg>", Profile.TextAt(Branch, "profile/cards/team-photo.svg"));
        Assert.DoesNotContain(".svg", Profile.TextAt(Branch, "profile/README.md")!, StringComparison.Ordinal);
        using var facts = JsonDocument.Parse(Profile.TextAt(Branch, Facts)!);
        Assert.False(facts.RootElement.TryGetProperty("files", out _));
        // One commit on main carries the README, the facts and the deletions (the REST path adds the
        // branch's previous head as a second parent, so its move is a fast-forward).
        var head = Profile.Git.Commits[Profile.Git.Resolve(Branch)!];
        Assert.Equal(Profile.Git.Resolve("main")!, head.Parents[0]);
    }

    [Fact]
    public async Task Hostile_values_drawn_in_a_card_stay_text_in_the_committed_svg()
    {
        lock (GitHub.State.Gate)
        {
            GitHub.State.Repo(Org, "projet-00001").Language = "<script>";
            GitHub.State.Repo(Org, "projet-00005").Language = "&amp;\"'";
        }

        var result = await Publish("graphql");

        Assert.True(result.ExitCode == 0, result.Error);
        foreach (var variant in new[] { "light", "dark" })
        {
            var raw = Profile.TextAt(Branch, $"profile/cards/languages-{variant}.svg")!;
            var svg = XDocument.Parse(raw);
            var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToArray();
            Assert.Contains("<script>", texts);
            Assert.Contains("&amp;\"'", texts);
            Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName is "script" or "foreignObject");
            Assert.DoesNotContain("<script>", raw, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_members_profile_in_dot_github_private_gets_its_own_cards()
    {
        lock (GitHub.State.Gate)
        {
            GitHub.State.AddRepo(Org, ".github-private", r =>
            {
                r.Visibility = "private";
                r.Commit("main", new Dictionary<string, string> { ["profile/README.md"] = "# Membres\n" });
            });
            GitHub.State.Repo(Org, ".github-private").ActionsCanCreatePullRequests = true;
        }
        var before = TreeAt("main");

        var result = await Run("publish", "--target-repo", ".github-private");

        Assert.True(result.ExitCode == 0, result.Error);
        var members = GitHub.State.Repo(Org, ".github-private");
        var tree = members.Git.Trees[members.Git.Commits[members.Git.Resolve(Branch)!].Tree];
        Assert.Equal(8, CardFiles(tree.Keys).Length);
        Assert.Contains(Facts, tree.Keys);
        Assert.Equal(before, TreeAt("main"));
        Assert.Null(Profile.Git.Resolve(Branch));
    }

    [Fact]
    public async Task A_dry_run_prints_the_card_changes_after_the_diff_with_their_size_and_writes_nothing()
    {
        var result = await Publish("graphql", "--dry-run");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Empty(GitHub.Log.Writes);
        Assert.StartsWith("--- a/profile/README.md", result.Out, StringComparison.Ordinal);
        var cardLines = result.ErrorLines.Where(l => l.StartsWith("profilegen: carte profile/cards/", StringComparison.Ordinal)).ToArray();
        Assert.Equal(8, cardLines.Length);
        Assert.All(cardLines, l => Assert.Matches(@"^profilegen: carte profile/cards/[a-z]+-(light|dark)\.svg : ajoutée \([\d\u00A0\u202F ]+ octets\)$", l));
    }

    [Fact]
    public async Task A_facts_file_edited_by_hand_on_main_is_refused_in_one_line_and_nothing_is_written()
    {
        Assert.Equal(0, (await Publish("graphql")).ExitCode);
        lock (GitHub.State.Gate)
        {
            MergeProposal();
            var facts = Profile.TextAt("main", Facts)!;
            Profile.Commit("main", new Dictionary<string, string> { [Facts] = facts.Replace("\"Projet numéro 3\"", "\"Autre chose\"", StringComparison.Ordinal) }, "Hand edit");
            GitHub.State.Repo(Org, "projet-00001").Language = "Rust";
        }
        GitHub.Log.Clear();

        var result = await Publish("graphql");

        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.ErrorLines, l => l.StartsWith("profilegen: error: ", StringComparison.Ordinal));
        Assert.StartsWith("profilegen: error: org/.github:profile/.profilegen/facts.json on main: changed since profilegen wrote it", error, StringComparison.Ordinal);
        Assert.Empty(GitHub.Log.Writes);
    }
}
