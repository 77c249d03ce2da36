using System.Text;
using System.Text.Json.Nodes;
using CQEN.ProfileGen.GitHub;
using CQEN.ProfileGen.Snapshots;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>
/// With a cache folder, a repository whose default branch did not move is not read again: an
/// unchanged organization costs its list pages and its health batches only, and what a cached run renders is what a full
/// read renders, byte for byte. The cache belongs to the organization and the host, not to the
/// token; a damaged or foreign one is ignored with a notice.
/// </summary>
public sealed class IncrementalReadTests() : EndToEndTest(repos: 229, token: "ghs_incrementalToken000000000000000000001")
{
    private string Cache => Path.Combine(Dir, "cache");

    private Task<Cli.CliResult> Render(string output, bool cached = true) =>
        cached ? Run("render", "--reader", "graphql", "--cache-dir", Cache, "--output", Path.Combine(Dir, output))
            : Run("render", "--reader", "graphql", "--output", Path.Combine(Dir, output));

    private byte[] Output(string name) => File.ReadAllBytes(Path.Combine(Dir, name));

    private int ListPages => GitHub.Log.All.Count(r => r.Body?.Contains("query OrgRepos", StringComparison.Ordinal) == true);

    private int FileBatches => GitHub.Log.All.Count(r => r.Body?.Contains("query Files", StringComparison.Ordinal) == true);

    private string[] ReposInFileBatches => GitHub.Log.All.Where(r => r.Body?.Contains("query Files", StringComparison.Ordinal) == true)
        .SelectMany(r => JsonNode.Parse(r.Body!)!["variables"]!.AsObject().Where(v => v.Key.StartsWith('n')).Select(v => (string)v.Value!)).ToArray();

    private static int Pages(int repositories) => (repositories + GraphQlOrgReader.FirstPageSize - 1) / GraphQlOrgReader.FirstPageSize;

    // The health pass's batches: CI states and releases change without a push, so they are never cached.
    private static int HealthBatches(int repositories) => (repositories + GraphQlHealth.PerBatch - 1) / GraphQlHealth.PerBatch;

    private void Push(string repo, string path, string text) =>
        GitHub.State.Repo(Org, repo).Commit("main", new Dictionary<string, string> { [path] = text }, "Update " + path);

    [Fact]
    public async Task An_unchanged_rerun_asks_the_list_pages_only_and_renders_the_same_bytes()
    {
        Assert.Equal(0, (await Render("first.md")).ExitCode);
        Assert.True(FileBatches > 0);
        GitHub.Log.Clear();

        var rerun = await Render("rerun.md");

        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Equal(Pages(230), GitHub.Log.All.Count); // health too is kept: nothing was pushed, and CI had settled
        Assert.Equal(Pages(230), ListPages);
        Assert.Equal(Output("first.md"), Output("rerun.md"));
    }

    [Fact]
    public async Task Health_kept_from_the_last_run_is_asked_again_while_ci_is_pending_and_turns_red_on_the_page()
    {
        lock (GitHub.State.Gate)
        {
            GitHub.State.Repo(Org, "projet-00004").SetCi("PENDING");
        }
        Assert.Equal(0, (await Render("first.md")).ExitCode);
        lock (GitHub.State.Gate)
        {
            // The checks finish on the same commit: nothing is pushed.
            GitHub.State.Repo(Org, "projet-00004").SetCi("FAILURE");
        }
        GitHub.Log.Clear();

        var rerun = await Render("rerun.md");
        var requests = GitHub.Log.All.Count;
        var full = await Render("full.md", cached: false);

        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Equal(Pages(230) + HealthBatches(1), requests); // the list, and the one repository whose CI was pending
        Assert.Equal(0, full.ExitCode);
        Assert.Equal(Output("full.md"), Output("rerun.md"));
    }

    [Fact]
    public async Task A_repository_whose_head_moved_is_read_again_and_a_cached_run_renders_what_a_full_read_renders()
    {
        Assert.Equal(0, (await Render("first.md")).ExitCode);
        var moved = GitHub.State.Repo(Org, "projet-00003");
        Push("projet-00003", "README.md", moved.TextAt("main", "README.md")!.Replace("LiLiQ--P", "LiLiQ--R", StringComparison.Ordinal) + "\nUne phrase nouvelle.\n");
        GitHub.Log.Clear();

        var cached = await Render("cached.md");
        var requests = GitHub.Log.All.Count;
        var batched = ReposInFileBatches;
        var full = await Render("full.md", cached: false);
        var snapshot = await Run("snapshot", "--reader", "graphql", "--cache-dir", Cache);

        Assert.True(cached.ExitCode == 0, cached.Error);
        Assert.Equal(["projet-00003"], batched);
        Assert.Equal(Pages(230) + 1, requests); // its files, and its health (a push may change CI) in the same batch
        Assert.Equal(Output("full.md"), Output("cached.md"));
        var kept = SnapshotJson.Deserialize(Encoding.UTF8.GetBytes(snapshot.Out), "snapshot").Repos.Single(r => r.Name == "projet-00003");
        Assert.Contains("LiLiQ--R", kept.Readme!.Text, StringComparison.Ordinal);
        Assert.Equal("Une phrase nouvelle.", kept.Readme.Summary);
    }

    [Fact]
    public async Task The_cache_is_kept_for_the_organization_and_host_whatever_the_token()
    {
        Assert.Equal(0, (await Render("first.md")).ExitCode);
        const string Other = "ghs_incrementalToken000000000000000000002";
        GitHub.State.AddToken(Other);
        Cli.Variables["GITHUB_TOKEN"] = Other;
        GitHub.Log.Clear();

        Assert.Equal(0, (await Render("rerun.md")).ExitCode);

        Assert.Equal(0, FileBatches);
        Assert.Single(Directory.GetFiles(Cache, "repositories-*.json"));
        Assert.DoesNotContain(Other, File.ReadAllText(Directory.GetFiles(Cache, "repositories-*.json")[0]));
    }

    [Fact]
    public async Task A_licence_github_stops_naming_at_the_same_head_is_read_from_its_file_as_a_full_read_does()
    {
        var profile = GitHub.State.Repo(Org, ".github");
        var unknown = profile.License;
        profile.License = ("mit", "MIT License", "MIT");
        Assert.Equal(0, (await Run("snapshot", "--reader", "graphql", "--cache-dir", Cache)).ExitCode);
        profile.License = unknown;

        var cached = await Run("snapshot", "--reader", "graphql", "--cache-dir", Cache);
        var full = await Run("snapshot", "--reader", "graphql");

        var license = SnapshotJson.Deserialize(Encoding.UTF8.GetBytes(cached.Out), "cached").Repos.Single(r => r.Name == ".github").License!;
        Assert.Equal(("LiLiQ-P-1.1", "file-text"), (license.SpdxId, license.Source));
        Assert.Equal(full.Out, cached.Out);
    }

    [Theory]
    [InlineData("damaged")]
    [InlineData("foreign")]
    public async Task A_damaged_or_foreign_cache_is_ignored_with_a_notice_and_every_file_is_read(string kind)
    {
        Assert.Equal(0, (await Render("first.md")).ExitCode);
        var file = Assert.Single(Directory.GetFiles(Cache, "repositories-*.json"));
        File.WriteAllText(file, kind == "damaged"
            ? File.ReadAllText(file)[..100]
            : File.ReadAllText(file).Replace($" {Org}\"", " another-org\"", StringComparison.Ordinal));
        GitHub.Log.Clear();

        var rerun = await Render("rerun.md");

        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Contains(rerun.ErrorLines, l => l.StartsWith("profilegen: warning: the read cache ", StringComparison.Ordinal) && l.Contains("was ignored", StringComparison.Ordinal));
        Assert.Equal(WholeReadRequests(), GitHub.Log.All.Count);
        Assert.Equal(Output("first.md"), Output("rerun.md"));
    }

    [Fact]
    public async Task A_read_estimated_longer_than_the_run_s_time_is_warned_of_and_a_short_one_is_not()
    {
        GitHub.Costs = new CostModel();
        var quick = await Render("quick.md", cached: false);
        Cli.Variables["PROFILEGEN_TIMEOUT_MINUTES"] = "0.0001";

        var slow = await Render("slow.md", cached: false);

        Assert.DoesNotContain(quick.ErrorLines, l => l.Contains("should take about", StringComparison.Ordinal));
        Assert.Contains(slow.ErrorLines, l => l.StartsWith("profilegen: warning: reading the 230 repositories of 'org' should take about", StringComparison.Ordinal)
            && l.Contains($"{Pages(230)} pages", StringComparison.Ordinal) && l.Contains("timeout-minutes", StringComparison.Ordinal));
        Assert.Equal(Output("quick.md"), Output("slow.md"));
    }
}

/// <summary>
/// The README read is the one GitHub shows (REAL-GITHUB.md R15): .github's, then the root's, then
/// docs'; a symbolic link is not taken as the README's text; both readers agree.
/// </summary>
public sealed class ReadmeLookupTests() : EndToEndTest(repos: 4, token: "ghs_readmeLookupToken00000000000000000001")
{
    private async Task<RepoSnapshot> SnapshotOf(string repo, string reader = "graphql")
    {
        var result = await Run("snapshot", "--reader", reader);
        Assert.True(result.ExitCode == 0, result.Error);
        return SnapshotJson.Deserialize(Encoding.UTF8.GetBytes(result.Out), reader).Repos.Single(r => r.Name == repo);
    }

    private void Files(string repo, Dictionary<string, string> files) => GitHub.State.Repo(Org, repo).Commit("main", files, "Files", replaceAll: true);

    private const string Header = "<!-- ENTETE -->\n[![Licence](https://img.shields.io/badge/Licence-{0}-blue)](LICENSE)\n<!-- FIN ENTETE -->\n\n# {1}\n\nLe README de {1}.\n";

    private static string Readme(string licence, string where) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Header, licence, where);

    [Fact]
    public async Task A_readme_in_dot_github_is_read_before_the_root_one_and_both_readers_agree()
    {
        Files("projet-00001", new() { ["README.md"] = Readme("MIT", "racine"), [".github/README.md"] = Readme("LiLiQ--P", "github"), [".github/CODEOWNERS"] = "* @org\n" });

        var graphql = await SnapshotOf("projet-00001");
        var rest = await SnapshotOf("projet-00001", "rest");

        Assert.Equal(".github/README.md", graphql.Readme!.Path);
        Assert.Equal("https://github.com/org/projet-00001/blob/main/.github/README.md", graphql.Readme.Url);
        Assert.Contains("LiLiQ--P", graphql.Readme.Text, StringComparison.Ordinal);
        Assert.Equal(rest.Readme, graphql.Readme);
        Assert.Equal(rest.Badges, graphql.Badges);
    }

    [Fact]
    public async Task A_readme_only_in_docs_is_read_and_one_in_docs_beside_a_root_one_is_not()
    {
        Files("projet-00001", new() { ["docs/README.md"] = Readme("MIT", "docs"), ["docs/guide.md"] = "# Guide\n" });
        Files("projet-00002", new() { ["README.md"] = Readme("MIT", "racine"), ["docs/README.md"] = Readme("LiLiQ--R", "docs") });

        var onlyDocs = await SnapshotOf("projet-00001");
        var both = await SnapshotOf("projet-00002");
        var restOnlyDocs = await SnapshotOf("projet-00001", "rest");

        Assert.Equal("docs/README.md", onlyDocs.Readme!.Path);
        Assert.Equal("README.md", both.Readme!.Path);
        Assert.Equal(restOnlyDocs.Readme, onlyDocs.Readme);
    }

    [Fact]
    public async Task A_symlinked_readme_is_not_taken_as_text_and_the_next_readme_github_shows_is_read()
    {
        Files("projet-00001", new() { ["README.md"] = "docs/README.md", ["docs/README.md"] = Readme("LiLiQ--P", "docs") });
        GitHub.Symlinks.Add("org/projet-00001:README.md");

        var repo = await SnapshotOf("projet-00001");

        Assert.Equal("docs/README.md", repo.Readme!.Path);
        Assert.NotEqual("docs/README.md", repo.Readme.Text.Trim());
        Assert.Contains(repo.Badges, b => b.Message == "LiLiQ-P");
    }
}
