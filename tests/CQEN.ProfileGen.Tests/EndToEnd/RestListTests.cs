using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CQEN.ProfileGen.GitHub;
using CQEN.ProfileGen.Snapshots;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>
/// When the GraphQL list would not fit the run's time (GitHub answers one GraphQL query at a time,
/// 8–10 s a light page of 100), the reader goes on from REST's numbered list pages, two in flight:
/// the profile is the same, an unchanged rerun still costs the list pages only, and a repository
/// pushed to (which a REST page tells by its pushed_at, not its head) is read again in one batch.
/// </summary>
public sealed class RestListTests() : EndToEndTest(repos: 229, token: "ghs_restListToken000000000000000000000001")
{
    private string Cache => Path.Combine(Dir, "cache");

    // A run given almost no time, without a read cache (which would stop it at once): its first
    // GraphQL page alone says the GraphQL list would not fit.
    private void Hurried() => Cli.Variables["PROFILEGEN_TIMEOUT_MINUTES"] = "0.0001";

    // The REST list whatever the run's time (a run with a read cache given almost no time would stop at once).
    private void ListedWithRest() => Cli.Variables["PROFILEGEN_LIST"] = "rest";

    private Task<Cli.CliResult> Render(string output, bool cached = true) =>
        cached ? Run("render", "--reader", "graphql", "--cache-dir", Cache, "--output", Path.Combine(Dir, output))
            : Run("render", "--reader", "graphql", "--output", Path.Combine(Dir, output));

    private byte[] Output(string name) => File.ReadAllBytes(Path.Combine(Dir, name));

    private int GraphQlListPages => GitHub.Log.All.Count(r => r.Body?.Contains("query OrgRepos", StringComparison.Ordinal) == true);

    private LoggedRequest[] RestListPages => [.. GitHub.Log.All.Where(r => r.Method == "GET" && r.Path.EndsWith($"/orgs/{Org}/repos", StringComparison.Ordinal))];

    private string[] ReposInFileBatches => [.. GitHub.Log.All.Where(r => r.Body?.Contains("query Files", StringComparison.Ordinal) == true)
        .SelectMany(r => JsonNode.Parse(r.Body!)!["variables"]!.AsObject().Where(v => v.Key.StartsWith('n')).Select(v => (string)v.Value!))];

    // 229 repositories and .github: one GraphQL page of 100, then REST pages 2 and 3.
    private const int ListRequests = 3;

    [Fact]
    public async Task A_list_too_slow_for_graphql_goes_on_with_rest_pages_and_renders_what_the_graphql_list_renders()
    {
        Assert.Equal(0, (await Render("graphql.md", cached: false)).ExitCode);
        Assert.Empty(RestListPages);
        GitHub.Log.Clear();
        Hurried();

        var rest = await Render("rest.md", cached: false);

        Assert.True(rest.ExitCode == 0, rest.Error);
        Assert.Equal(1, GraphQlListPages);
        Assert.Equal(["page=2", "page=3"], RestListPages.Select(r => r.Query.Split('&').Single(p => p.StartsWith("page=", StringComparison.Ordinal))).Order());
        Assert.All(RestListPages, r => Assert.Contains("sort=full_name", r.Query, StringComparison.Ordinal));
        Assert.Equal(Output("graphql.md"), Output("rest.md"));
    }

    [Fact]
    public async Task A_snapshot_listed_with_rest_pages_holds_what_the_graphql_list_gives()
    {
        var graphQl = await Run("snapshot", "--reader", "graphql");
        Hurried();

        var rest = await Run("snapshot", "--reader", "graphql");

        Assert.True(rest.ExitCode == 0, rest.Error);
        Assert.Equal(230, SnapshotJson.Deserialize(Encoding.UTF8.GetBytes(rest.Out), "rest").Repos.Count);
        Assert.Equal(graphQl.Out, rest.Out);
    }

    [Fact]
    public async Task An_unchanged_rerun_listed_with_rest_pages_asks_the_list_pages_only_and_renders_the_same_bytes()
    {
        ListedWithRest();
        Assert.Equal(0, (await Render("first.md")).ExitCode);
        GitHub.Log.Clear();

        var rerun = await Render("rerun.md");

        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Equal(ListRequests, GitHub.Log.All.Count);
        Assert.Equal(Output("first.md"), Output("rerun.md"));
    }

    [Fact]
    public async Task A_repository_pushed_to_is_known_by_its_pushed_at_and_read_again_in_one_batch_as_a_full_read_reads_it()
    {
        ListedWithRest();
        Assert.Equal(0, (await Render("first.md")).ExitCode);
        var moved = GitHub.State.Repo(Org, "projet-00150");
        moved.Commit("main", new Dictionary<string, string> { ["README.md"] = moved.TextAt("main", "README.md")!.Replace("LiLiQ--P", "LiLiQ--R", StringComparison.Ordinal) + "\nUne phrase nouvelle.\n" }, "Update README.md");
        GitHub.Log.Clear();

        var cached = await Render("cached.md");
        var requests = GitHub.Log.All.Count;
        var batched = ReposInFileBatches;
        Cli.Variables.Remove("PROFILEGEN_LIST");
        var full = await Render("full.md", cached: false);

        Assert.True(cached.ExitCode == 0, cached.Error);
        Assert.Equal(["projet-00150"], batched);
        Assert.Equal(ListRequests + 1, requests); // its files and its health in one batch: #22's target
        Assert.Equal(Output("full.md"), Output("cached.md"));
        Assert.Contains("LiLiQ-R", File.ReadAllText(Path.Combine(Dir, "cached.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_catalogue_file_of_a_repository_listed_by_rest_is_read_once_its_root_shows_it()
    {
        ListedWithRest();
        GitHub.State.Repo(Org, "projet-00150").Commit("main", new Dictionary<string, string> { ["publiccode.yml"] = "name: projet\n" }, "Add publiccode");

        var snapshot = await Run("snapshot", "--reader", "graphql", "--cache-dir", Cache);

        Assert.True(snapshot.ExitCode == 0, snapshot.Error);
        Assert.Equal("name: projet\n", SnapshotJson.Deserialize(Encoding.UTF8.GetBytes(snapshot.Out), "snapshot").Repos.Single(r => r.Name == "projet-00150").Publiccode);
        Assert.Null(SnapshotJson.Deserialize(Encoding.UTF8.GetBytes(snapshot.Out), "snapshot").Repos.Single(r => r.Name == "projet-00151").Publiccode);
    }

    [Fact]
    public async Task Repositories_pushed_to_on_the_graphql_page_and_on_rest_pages_share_one_batch()
    {
        ListedWithRest();
        Assert.Equal(0, (await Render("first.md")).ExitCode);
        foreach (var name in new[] { "projet-00007", "projet-00150", "projet-00220" })
        {
            GitHub.State.Repo(Org, name).Commit("main", new Dictionary<string, string> { ["NOTES.md"] = "Notes\n" }, "Notes");
        }
        GitHub.Log.Clear();

        var rerun = await Render("rerun.md");

        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Equal(["projet-00007", "projet-00150", "projet-00220"], ReposInFileBatches.Order());
        Assert.Equal(ListRequests + 1, GitHub.Log.All.Count); // one batch of their files and health
    }

    [Fact]
    public async Task A_rest_list_page_github_answers_502_is_asked_again_and_the_profile_is_whole()
    {
        Assert.Equal(0, (await Render("graphql.md", cached: false)).ExitCode);
        Hurried();
        GitHub.AddFault(new Fault { Method = "GET", PathPattern = $"/orgs/{Org}/repos$", Status = 502, Body = """{"message":"Server Error"}""" });
        GitHub.Log.Clear();

        var rest = await Render("rest.md", cached: false);

        Assert.True(rest.ExitCode == 0, rest.Error);
        Assert.Equal(3, RestListPages.Length);
        Assert.Equal(Output("graphql.md"), Output("rest.md"));
    }

    [Fact]
    public async Task A_600_KB_readme_in_a_repository_a_rest_page_lists_changes_nothing_but_that_repositorys_row()
    {
        ListedWithRest();
        const string Big = "projet-00150";
        Assert.Equal(0, (await Render("before.md")).ExitCode);
        var expected = File.ReadAllLines(Path.Combine(Dir, "before.md"));
        var repo = GitHub.State.Repo(Org, Big);
        repo.Commit("main", new Dictionary<string, string> { ["README.md"] = repo.TextAt("main", "README.md") + string.Concat(Enumerable.Repeat("Une ligne de journal des modifications, longue et sans fin.\n", 600 * 1024 / 60)) }, "Changelog");

        var after = await Render("after.md");

        Assert.True(after.ExitCode == 0, after.Error);
        var actual = File.ReadAllLines(Path.Combine(Dir, "after.md"));
        Assert.Equal(expected.Length, actual.Length);
        Assert.All(expected.Zip(actual).Where(p => p.First != p.Second), p => Assert.Contains(Big, p.Second, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_push_to_another_branch_moves_pushed_at_and_only_costs_that_repository_s_batch()
    {
        ListedWithRest();
        Assert.Equal(0, (await Render("first.md")).ExitCode);
        GitHub.State.Repo(Org, "projet-00200").Commit("feature", new Dictionary<string, string> { ["x.txt"] = "x" }, "Feature");
        GitHub.Log.Clear();

        var rerun = await Render("rerun.md");

        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Equal(["projet-00200"], ReposInFileBatches);
        Assert.Equal(Output("first.md"), Output("rerun.md"));
    }
}

/// <summary>
/// The REST reader keeps the read cache too, by the same rule: a repository nothing was pushed to
/// since the last run (its pushed_at and default branch) is not read again; each reader keeps its own.
/// </summary>
public sealed class RestReaderCacheTests() : EndToEndTest(repos: 30, token: "ghs_restReaderCacheToken00000000000000001")
{
    private string Cache => Path.Combine(Dir, "cache");

    private Task<Cli.CliResult> Render(string output, string reader = "rest", bool cached = true) =>
        cached ? Run("render", "--reader", reader, "--cache-dir", Cache, "--output", Path.Combine(Dir, output))
            : Run("render", "--reader", reader, "--output", Path.Combine(Dir, output));

    private byte[] Output(string name) => File.ReadAllBytes(Path.Combine(Dir, name));

    // The repositories whose own endpoints (README, licence) were asked for.
    private string[] ReposRead => [.. GitHub.Log.All.Select(r => r.Path.Split('/')).Where(p => p.Length > 4 && p[^4] == "repos" && p[^3] == Org).Select(p => p[^2]).Distinct()];

    [Fact]
    public async Task The_rest_reader_reads_again_only_the_repositories_pushed_to_and_renders_what_a_full_read_renders()
    {
        Assert.Equal(0, (await Render("first.md")).ExitCode);
        var moved = GitHub.State.Repo(Org, "projet-00005");
        moved.Commit("main", new Dictionary<string, string> { ["README.md"] = moved.TextAt("main", "README.md")!.Replace("LiLiQ--R", "LiLiQ--P", StringComparison.Ordinal) + "\nUne phrase nouvelle.\n" }, "Update README.md");
        GitHub.Log.Clear();

        var cached = await Render("cached.md");
        var read = ReposRead;
        var full = await Render("full.md", cached: false);

        Assert.True(cached.ExitCode == 0, cached.Error);
        Assert.Equal(["projet-00005"], read);
        Assert.Equal(Output("full.md"), Output("cached.md"));
    }

    [Fact]
    public async Task An_unchanged_rerun_of_the_rest_reader_asks_the_organization_and_its_list_only()
    {
        Assert.Equal(0, (await Render("first.md")).ExitCode);
        GitHub.Log.Clear();

        var rerun = await Render("rerun.md");

        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Equal(["/orgs/org", "/orgs/org/repos"], GitHub.Log.All.Select(r => r.Path[r.Path.IndexOf("/orgs/", StringComparison.Ordinal)..]));
        Assert.Equal(Output("first.md"), Output("rerun.md"));
    }

    [Fact]
    public async Task A_cache_the_graphql_reader_made_is_not_used_by_the_rest_reader()
    {
        Assert.Equal(0, (await Render("graphql.md", reader: "graphql")).ExitCode);
        GitHub.Log.Clear();

        var rest = await Render("rest.md");

        Assert.True(rest.ExitCode == 0, rest.Error);
        Assert.Contains(rest.ErrorLines, l => l.Contains("was ignored: it was made by the graphql reader", StringComparison.Ordinal));
        Assert.Contains("projet-00000", ReposRead);
        // The same page, but for health, which REST cannot read (unknown there).
        Assert.Equal(Health.HealthSection.Without(Encoding.UTF8.GetString(Output("graphql.md"))), Health.HealthSection.Without(Encoding.UTF8.GetString(Output("rest.md"))));
    }
}

/// <summary>The stand-in's REST list costs what the model says GitHub's does, and moves pushed_at on a push, as GitHub does.</summary>
public sealed class RestListCostTests() : EndToEndTest(repos: 229, token: "ghs_restListCostToken00000000000000000001")
{
    private async Task<HttpResponseMessage> ListPage(HttpClient http, int page)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{GitHub.ApiUrl.TrimEnd('/')}/orgs/{Org}/repos?per_page=100&page={page}&sort=full_name");
        request.Headers.Authorization = new AuthenticationHeaderValue("token", Token);
        request.Headers.UserAgent.ParseAdd("cost-probe");
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task A_rest_list_page_of_100_costs_six_modelled_seconds_and_two_in_flight_overlap()
    {
        GitHub.Costs = new CostModel { TimeScale = 0.01 };
        using var http = new HttpClient();

        using (var one = await ListPage(http, 1))
        {
            Assert.Equal(200, (int)one.StatusCode);
        }
        var single = GitHub.ModelledSeconds;
        var pair = await Task.WhenAll(ListPage(http, 2), ListPage(http, 1));
        foreach (var response in pair)
        {
            response.Dispose();
        }

        Assert.Equal(6.0, single, 3);
        Assert.InRange(GitHub.ModelledSeconds - single, 6.0, 11.9);
    }

    [Fact]
    public async Task A_push_moves_pushed_at_forward_on_the_rest_list()
    {
        using var http = new HttpClient();
        string PushedAt(JsonNode page) => (string)page.AsArray().Single(r => (string?)r!["name"] == "projet-00007")!["pushed_at"]!;
        using var before = await ListPage(http, 1);
        var was = PushedAt(JsonNode.Parse(await before.Content.ReadAsStringAsync())!);

        GitHub.State.Repo(Org, "projet-00007").Commit("main", new Dictionary<string, string> { ["a.txt"] = "a" });
        using var after = await ListPage(http, 1);

        Assert.True(string.CompareOrdinal(PushedAt(JsonNode.Parse(await after.Content.ReadAsStringAsync())!), was) > 0);
    }
}
