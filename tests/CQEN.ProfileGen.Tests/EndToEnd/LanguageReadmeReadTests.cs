using System.Text.Json.Nodes;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>
/// The READMEs written in one language (#27): <c>README.fr.md</c> and <c>README.en.md</c> (any case,
/// or a region-tagged name such as <c>README.fr-CA.md</c>) read from GitHub like the catalogue files,
/// only where the root shows them, in the batched file pass (GraphQL) or after the root's listing
/// (REST), kept in the read cache; each one's first sentence is that language's summary.
/// </summary>
public sealed class LanguageReadmeReadTests() : EndToEndTest(repos: 12, token: "ghs_languageReadme00000000000000000000001")
{
    private const string French = "# Projet\n\n[![Badge](https://img.shields.io/badge/a-b-green)](https://example.org)\n\nUn outil qui range les dossiers du ministère. Il fait plus encore.\n";
    private const string English = "# Project\n\nA tool that tidies the ministry's folders. It does more.\n";
    private const string FrenchSentence = "Un outil qui range les dossiers du ministère.";
    private const string EnglishSentence = "A tool that tidies the ministry's folders.";

    protected override void Arrange(GitHubState state)
    {
        state.Repo(Org, "projet-00001").Commit("main", new Dictionary<string, string> { ["README.fr.md"] = French, ["README.en.md"] = English }, "Add the READMEs per language");
        state.Repo(Org, "projet-00002").Commit("main", new Dictionary<string, string>
        {
            ["README.fr-CA.md"] = French.Replace("dossiers", "boîtes", StringComparison.Ordinal),
            ["readme.EN-us.md"] = English.Replace("folders", "boxes", StringComparison.Ordinal),
        }, "Add region-tagged READMEs");
        // The bare language tag before a region-tagged one; a symbolic link is passed over (the test adds it).
        state.Repo(Org, "projet-00003").Commit("main", new Dictionary<string, string>
        {
            ["README.en-GB.md"] = "A British sentence. More.\n",
            ["README.en.md"] = English.Replace("folders", "files", StringComparison.Ordinal),
            ["README.fr.md"] = "README.md",
        }, "Add an English README, a British one and a link");
    }

    private void LinkFrenchReadme() => GitHub.Symlinks.Add($"{Org}/projet-00003:README.fr.md");

    private static JsonObject RepoIn(string snapshot, string name) =>
        JsonNode.Parse(snapshot)!["repos"]!.AsArray().Select(r => r!.AsObject()).Single(r => (string?)r["name"] == name);

    private static Dictionary<string, string>? SummariesOf(string snapshot, string name) =>
        RepoIn(snapshot, name)["readme_summaries"]?.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!);

    private IEnumerable<JsonObject> FileBatchVariables => GitHub.Log.All.Where(r => r.Body?.Contains("query Files", StringComparison.Ordinal) == true)
        .Select(r => JsonNode.Parse(r.Body!)!["variables"]!.AsObject());

    [Theory]
    [InlineData("graphql")]
    [InlineData("rest")]
    public async Task Each_language_s_readme_gives_its_first_sentence_bare_tag_first_region_tags_and_any_case_read_links_passed_over(string reader)
    {
        LinkFrenchReadme();

        var result = await Run("snapshot", "--reader", reader);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(new Dictionary<string, string> { ["fr"] = FrenchSentence, ["en"] = EnglishSentence }, SummariesOf(result.Out, "projet-00001"));
        Assert.Equal(new Dictionary<string, string> { ["fr"] = "Un outil qui range les boîtes du ministère.", ["en"] = "A tool that tidies the ministry's boxes." }, SummariesOf(result.Out, "projet-00002"));
        Assert.Equal(new Dictionary<string, string> { ["en"] = "A tool that tidies the ministry's files." }, SummariesOf(result.Out, "projet-00003"));
        Assert.Null(SummariesOf(result.Out, "projet-00004")); // none at its root
    }

    [Fact]
    public async Task The_graphql_reader_asks_for_language_readmes_only_where_the_root_shows_one_in_the_same_file_batch()
    {
        LinkFrenchReadme();

        var result = await Run("snapshot", "--reader", "graphql");

        Assert.True(result.ExitCode == 0, result.Error);
        var asked = FileBatchVariables.SelectMany(v => v.Where(p => p.Key.StartsWith("fr", StringComparison.Ordinal) || p.Key.StartsWith("en", StringComparison.Ordinal)).Select(p => (string)p.Value!))
            .Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["HEAD:README.en.md", "HEAD:README.en.md", "HEAD:README.fr-CA.md", "HEAD:README.fr.md", "HEAD:readme.EN-us.md"], asked);
        Assert.Equal(WholeReadRequests(), GitHub.Log.All.Count); // no request more than without them
    }

    [Theory]
    [InlineData("graphql")]
    [InlineData("rest")]
    public async Task Language_readme_summaries_are_kept_in_the_read_cache_and_read_again_only_after_a_push(string reader)
    {
        var cache = Path.Combine(Dir, "cache");
        Assert.Equal(0, (await Run("snapshot", "--reader", reader, "--cache-dir", cache)).ExitCode);
        lock (GitHub.State.Gate)
        {
            GitHub.State.Repo(Org, "projet-00001").Commit("main", new Dictionary<string, string> { ["README.en.md"] = "A new first sentence. Then more.\n" }, "Reword");
        }
        GitHub.Log.Clear();

        var rerun = await Run("snapshot", "--reader", reader, "--cache-dir", cache);

        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Equal("A new first sentence.", SummariesOf(rerun.Out, "projet-00001")!["en"]);
        Assert.Equal("Un outil qui range les boîtes du ministère.", SummariesOf(rerun.Out, "projet-00002")!["fr"]); // from the cache
        if (reader == "graphql")
        {
            Assert.Equal(["projet-00001"], FileBatchVariables.SelectMany(v => v.Where(p => p.Key.StartsWith('n')).Select(p => (string)p.Value!)).Distinct());
        }
        else
        {
            Assert.DoesNotContain(GitHub.Log.All, r => r.Path.Contains("/projet-00002/contents", StringComparison.Ordinal));
            Assert.Contains(GitHub.Log.All, r => r.Path.Contains("/projet-00001/contents", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("graphql")]
    [InlineData("rest")]
    public async Task A_language_readme_over_512_KB_still_gives_its_first_sentence_and_the_run_goes_on(string reader)
    {
        lock (GitHub.State.Gate)
        {
            GitHub.State.Repo(Org, "projet-00004").Commit("main", new Dictionary<string, string>
            {
                ["README.en.md"] = English + string.Concat(Enumerable.Repeat("A changelog line, long and without end.\n", 600 * 1024 / 40)),
            }, "A long English README");
        }

        var result = await Run("snapshot", "--reader", reader);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(new Dictionary<string, string> { ["en"] = EnglishSentence }, SummariesOf(result.Out, "projet-00004"));
    }

    [Fact]
    public async Task A_bilingual_render_shows_the_english_readme_s_sentence_in_the_english_file_only()
    {
        File.WriteAllText(Path.Combine(Dir, "profilegen.yml"), "cultures: [fr-CA, en]\n");
        lock (GitHub.State.Gate)
        {
            GitHub.State.Repo(Org, "projet-00005").Commit("main", new Dictionary<string, string> { ["README.en.md"] = "A catalogue of open data sets. More.\n" }, "Add an English README");
        }
        var output = Path.Combine(Dir, "out", "README.md");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);

        var result = await Run("render", "--reader", "graphql", "--output", output);

        Assert.True(result.ExitCode == 0, result.Error);
        var english = File.ReadAllText(Path.Combine(Dir, "out", "README.en.md"));
        var french = File.ReadAllText(output);
        Assert.Contains("| A catalogue of open data sets. |", english, StringComparison.Ordinal);
        Assert.DoesNotContain("A catalogue of open data sets.", french, StringComparison.Ordinal);
    }
}
