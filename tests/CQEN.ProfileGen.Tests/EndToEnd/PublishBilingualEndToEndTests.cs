using System.Text.Json;
using CQEN.ProfileGen.Snapshots;
using CQEN.ProfileGen.Tests.Catalogue;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>
/// cultures: [fr-CA, en] against the stand-in: publish commits profile/README.md (French) and
/// profile/README.en.md (English), their cards and the facts in one commit of one pull request,
/// each repository's summary in the file's language; the dry run shows both diffs; an unchanged
/// rerun writes nothing. The organization's catalogue files come from a snapshot (--snapshot), so
/// each case can shape them freely; CatalogueFromGitHubEndToEndTests reads the same organization from GitHub.
/// </summary>
public sealed class PublishBilingualEndToEndTests() : EndToEndTest(repos: 3, token: "ghs_test-bilingual0000000000-0000000000000001")
{
    private const string Branch = "profilegen/profile-readme";
    private const string French = "profile/README.md";
    private const string English = "profile/README.en.md";

    private string Snapshot(OrgSnapshot? snapshot = null)
    {
        var data = snapshot ?? CatalogueOrg.Snapshot;
        var path = Path.Combine(Dir, "catalogue.json");
        File.WriteAllText(path, SnapshotJson.Serialize(data with { Org = data.Org with { Login = Org, Url = $"https://github.com/{Org}" } }));
        return path;
    }

    private void Configure(string yaml = "") => File.WriteAllText(Path.Combine(Dir, "profilegen.yml"), "cultures: [fr-CA, en]\n" + yaml);

    private SortedDictionary<string, string> TreeAt(string gitRef)
    {
        lock (GitHub.State.Gate)
        {
            return new(Profile.Git.Trees[Profile.Git.Commits[Profile.Git.Resolve(gitRef) ?? gitRef].Tree], StringComparer.Ordinal);
        }
    }

    [Theory]
    [InlineData("graphql")]
    [InlineData("rest")]
    public async Task Both_files_are_one_commit_of_one_pull_request_each_summary_in_its_file_s_language_and_a_rerun_writes_nothing(string reader)
    {
        Configure();
        var snapshot = Snapshot();

        var first = await Run("publish", "--reader", reader, "--snapshot", snapshot);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Single(Profile.Pulls);
        Assert.Equal(1, GitHub.Log.CommitsCreated);
        var french = Profile.TextAt(Branch, French)!;
        var english = Profile.TextAt(Branch, English)!;
        Assert.StartsWith("**Français** · [English](README.en.md)\n", french, StringComparison.Ordinal);
        Assert.StartsWith("[Français](README.md) · **English**\n", english, StringComparison.Ordinal);
        Assert.Contains("| Un outil qui met tout le monde d'accord. |", french, StringComparison.Ordinal);
        Assert.Contains("| A tool everyone agrees on. |", english, StringComparison.Ordinal);
        Assert.DoesNotContain("A tool everyone agrees on.", french, StringComparison.Ordinal);
        Assert.Contains("| Summary from the properties. |", english, StringComparison.Ordinal);
        Assert.Contains("| GitHub description of contredit. *(fr)* |", english, StringComparison.Ordinal);
        Assert.Contains("## Our repositories", english, StringComparison.Ordinal);
        Assert.Contains("## Nos dépôts", french, StringComparison.Ordinal);
        // Each file's cards, in its language, in the same commit; the facts record them all as the tool's.
        var tree = TreeAt(Branch);
        Assert.Contains("profile/cards/summary-light.svg", tree.Keys);
        Assert.Contains("profile/cards/en/summary-light.svg", tree.Keys);
        Assert.Contains("repositories", Profile.TextAt(Branch, "profile/cards/en/summary-light.svg")!, StringComparison.Ordinal);
        using var facts = JsonDocument.Parse(Profile.TextAt(Branch, "profile/.profilegen/facts.json")!);
        Assert.Contains(English, facts.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()));

        GitHub.Log.Clear();
        var again = await Run("publish", "--reader", reader, "--snapshot", snapshot, "--detailed-exitcode");
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Empty(GitHub.Log.Writes);
    }

    [Fact]
    public async Task The_dry_run_shows_both_files_diffs_and_writes_nothing()
    {
        Configure();

        var result = await Run("publish", "--dry-run", "--snapshot", Snapshot());

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("+++ b/profile/README.md\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("+++ b/profile/README.en.md\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("+| [accord](https://github.com/qc-org/accord) | A tool everyone agrees on. |", result.Out, StringComparison.Ordinal);
        Assert.Empty(GitHub.Log.Writes);
    }

    [Fact]
    public async Task A_summary_changed_in_english_only_rewrites_the_english_file_alone()
    {
        Configure();
        Assert.Equal(0, (await Run("publish", "--snapshot", Snapshot())).ExitCode);
        lock (GitHub.State.Gate)
        {
            MergeProposal();
        }
        var frenchBefore = Profile.TextAt("main", French);

        var result = await Run("publish", "--snapshot", Snapshot(), "--config", Write("cultures: [fr-CA, en]\ncatalogue:\n  summaries:\n    contredit:\n      en: A repository whose sources disagree.\n"));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(frenchBefore, Profile.TextAt(Branch, French));
        Assert.Contains("| A repository whose sources disagree. |", Profile.TextAt(Branch, English)!, StringComparison.Ordinal);
        var head = Profile.Git.Commits[Profile.Git.Resolve(Branch)!];
        Assert.Equal(Profile.Git.Resolve("main")!, head.Parents[0]);
    }

    [Fact]
    public async Task Back_to_one_culture_the_english_file_and_its_cards_are_removed_in_the_next_commit()
    {
        Configure();
        Assert.Equal(0, (await Run("publish", "--snapshot", Snapshot())).ExitCode);
        lock (GitHub.State.Gate)
        {
            MergeProposal();
        }
        File.WriteAllText(Path.Combine(Dir, "profilegen.yml"), "culture: fr-CA\n");

        var result = await Run("publish", "--snapshot", Snapshot());

        Assert.True(result.ExitCode == 0, result.Error);
        var tree = TreeAt(Branch);
        Assert.DoesNotContain(English, tree.Keys);
        Assert.DoesNotContain(tree.Keys, p => p.StartsWith("profile/cards/en/", StringComparison.Ordinal));
        Assert.DoesNotContain("[English]", Profile.TextAt(Branch, French)!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_repository_named_in_the_english_file_alone_is_refused_as_in_the_profile_and_nothing_is_written()
    {
        lock (GitHub.State.Gate)
        {
            Profile.Commit("main", new Dictionary<string, string>
            {
                [French] = "<!-- profilegen:begin repos -->\n<!-- profilegen:end repos -->\n",
                [English] = "<!-- profilegen:begin repos -->\n<!-- profilegen:end repos -->\n",
            }, "Hand-written profiles");
        }
        // Only the English file names the repositories.
        File.WriteAllText(Path.Combine(Dir, "repos.sbn"), "{{ if culture == 'en' }}{{ for repo in repos }}- {{ md_escape repo.name }}\n{{ end }}{{ end }}");
        Configure("filters:\n  visibility: [public, private]\npublish:\n  regions:\n    repos: repos.sbn\n");
        var data = CatalogueOrg.Snapshot;
        var snapshot = Snapshot(data with { Repos = [.. data.Repos.Select(r => r.Name == "accord" ? r with { Visibility = "private" } : r)] });
        GitHub.Log.Clear();

        var result = await Run("publish", "--snapshot", snapshot);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("private or internal repositories (accord)", result.Error, StringComparison.Ordinal);
        Assert.Empty(GitHub.Log.Writes);
    }

    [Fact]
    public async Task Render_writes_the_english_file_and_its_cards_beside_the_output_so_the_links_between_them_work()
    {
        Configure();
        var output = Directory.CreateDirectory(Path.Combine(Dir, "out")).FullName;

        var result = await Run("render", "--snapshot", Snapshot(), "--output", output);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.StartsWith("**Français** · [English](README.en.md)", File.ReadAllText(Path.Combine(output, "README.md")), StringComparison.Ordinal);
        Assert.StartsWith("[Français](README.md) · **English**", File.ReadAllText(Path.Combine(output, "README.en.md")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "cards", "summary-light.svg")));
        Assert.True(File.Exists(Path.Combine(output, "cards", "en", "summary-light.svg")));
    }

    [Fact]
    public async Task Render_to_standard_output_prints_each_file_after_a_line_naming_it()
    {
        Configure();

        var result = await Run("render", "--snapshot", Snapshot());

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.StartsWith("==> profile/README.md <==\n**Français** · [English](README.en.md)\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("\n==> profile/README.en.md <==\n[Français](README.md) · **English**\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_managed_regions_each_file_keeps_its_own_hand_written_text_and_gets_its_regions_filled()
    {
        lock (GitHub.State.Gate)
        {
            Profile.Commit("main", new Dictionary<string, string>
            {
                [French] = "# Bienvenue\n\n<!-- profilegen:begin repos -->\n<!-- profilegen:end repos -->\n\nÀ bientôt.\n",
                [English] = "# Welcome\n\n<!-- profilegen:begin repos -->\n<!-- profilegen:end repos -->\n\nSee you.\n",
            }, "Hand-written profiles");
        }
        File.WriteAllText(Path.Combine(Dir, "repos.sbn"), "{{ for repo in repos }}- {{ md_escape repo.name }}: {{ md_escape repo.summary }}\n{{ end }}");
        Configure("publish:\n  regions:\n    repos: repos.sbn\n");

        var result = await Run("publish", "--snapshot", Snapshot());

        Assert.True(result.ExitCode == 0, result.Error);
        var french = Profile.TextAt(Branch, French)!;
        var english = Profile.TextAt(Branch, English)!;
        Assert.StartsWith("# Bienvenue\n", french, StringComparison.Ordinal);
        Assert.EndsWith("À bientôt.\n", french, StringComparison.Ordinal);
        Assert.Contains("- accord: Un outil qui met tout le monde d'accord.\n", french, StringComparison.Ordinal);
        Assert.StartsWith("# Welcome\n", english, StringComparison.Ordinal);
        Assert.EndsWith("See you.\n", english, StringComparison.Ordinal);
        Assert.Contains("- accord: A tool everyone agrees on.\n", english, StringComparison.Ordinal);
        Assert.Equal(1, GitHub.Log.CommitsCreated);
    }

    private string Write(string yaml)
    {
        var path = Path.Combine(Dir, "other.yml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
