using System.Text.Json.Nodes;
using CQEN.ProfileGen.GitHub;
using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>
/// Against a stand-in that costs what GitHub costs (latency that grows with what a page asks, 502
/// past 10 s, RESOURCE_LIMITS_EXCEEDED above a budget), pages start small enough, shrink from the
/// same cursor when GitHub finds them too heavy, grow back, and never render a partial answer.
/// </summary>
public sealed class GraphQlCostModelTests() : EndToEndTest(repos: 229, token: "ghs_costModelToken00000000000000000000001")
{
    private const string TimeoutBody = """{"data":null,"errors":[{"message":"Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug. Please include `CAFE:0BAD:1234` when reporting this issue."}]}""";

    private string Output => Path.Combine(Dir, "README.md");

    private Task<Cli.CliResult> Render() => Run("render", "--reader", "graphql", "--output", Output);

    // The organization pages asked for, in order: (cursor, size).
    private (string? Cursor, int First)[] Pages => GitHub.Log.All
        .Where(r => r.Body?.Contains("query OrgRepos", StringComparison.Ordinal) == true)
        .Select(r => JsonNode.Parse(r.Body!)!["variables"]!)
        .Select(v => ((string?)v["cursor"], (int)v["first"]!))
        .ToArray();

    private void AssertWholeOrganizationRendered(Cli.CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.Error);
        var text = File.ReadAllText(Output);
        Assert.Contains("projet-00001", text);
        Assert.Contains("projet-00228", text);
    }

    // What each page used to ask besides the light list: the README text and three licence texts per repository.
    private static readonly string HeavyQuery = GraphQlOrgReader.Query.Replace(
        "root: object(expression: \"HEAD:\") { ... on Tree { entries { name type mode } } }",
        """
        root: object(expression: "HEAD:") { ... on Tree { entries { name type mode } } }
        readme: object(expression: "HEAD:README.md") { ... on Blob { text isBinary isTruncated } }
        licenseFile: object(expression: "HEAD:LICENSE") { ... on Blob { text isBinary isTruncated } }
        licenceFile: object(expression: "HEAD:LICENCE") { ... on Blob { text isBinary isTruncated } }
        licenseMarkdown: object(expression: "HEAD:LICENSE.md") { ... on Blob { text isBinary isTruncated } }
        """, StringComparison.Ordinal);

    // One organization page of the given size, posted as the reader posts it.
    private async Task<(int Status, string Body)> AskPage(int first, string? query = null)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, GitHub.GraphQlUrl)
        {
            Content = new StringContent(new JsonObject { ["query"] = query ?? GraphQlOrgReader.Query, ["variables"] = new JsonObject { ["org"] = Org, ["cursor"] = null, ["first"] = first } }.ToJsonString()),
        };
        request.Headers.Add("Authorization", "token " + Token);
        request.Headers.Add("User-Agent", "cost-probe");
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Under_github_s_costs_a_page_of_100_with_file_texts_times_out_and_the_light_first_page_fits_in_the_budget()
    {
        GitHub.Costs = new CostModel();

        var (status, body) = await AskPage(100, HeavyQuery);
        var spentOnHeavy = GitHub.ModelledSeconds;

        Assert.NotEqual(GraphQlOrgReader.Query, HeavyQuery);
        Assert.Equal(502, status);
        Assert.Contains("Something went wrong while executing your query", body);
        Assert.Equal(10, spentOnHeavy);
        Assert.Equal(200, (await AskPage(GraphQlOrgReader.FirstPageSize)).Status);
        Assert.InRange(GitHub.ModelledSeconds - spentOnHeavy, 4, 9.5);

        GitHub.Log.Clear();
        var result = await Render();

        AssertWholeOrganizationRendered(result);
        Assert.Equal(1, GitHub.Timeouts); // the probe's, none of the run's
        Assert.All(Pages, p => Assert.Equal(GraphQlOrgReader.FirstPageSize, p.First));
    }

    [Theory]
    [InlineData(502, TimeoutBody)]
    [InlineData(504, TimeoutBody)]
    [InlineData(200, TimeoutBody)]
    [InlineData(200, """{"data":{"organization":null},"errors":[{"type":"RESOURCE_LIMITS_EXCEEDED","path":["organization"],"message":"Resource limits for this query exceeded."}]}""")]
    [InlineData(200, """{"errors":[{"type":"MAX_NODE_LIMIT_EXCEEDED","message":"This query requests up to 10,106 nodes which exceeds the maximum limit of 500,000."}]}""")]
    public async Task A_page_github_finds_too_heavy_is_asked_again_from_the_same_cursor_at_half_the_size(int status, string body)
    {
        GitHub.AddFault(new Fault { Method = "POST", PathPattern = "/graphql$", BodyContains = "query OrgRepos", Skip = 1, Status = status, Body = body });

        var result = await Render();

        AssertWholeOrganizationRendered(result);
        var pages = Pages;
        Assert.Equal(pages[1].Cursor, pages[2].Cursor);
        Assert.Equal((GraphQlOrgReader.FirstPageSize, GraphQlOrgReader.FirstPageSize / 2), (pages[1].First, pages[2].First));
    }

    [Fact]
    public async Task A_shrunk_page_size_grows_back_after_successes()
    {
        GitHub.AddFault(new Fault { Method = "POST", PathPattern = "/graphql$", BodyContains = "query OrgRepos", Status = 502, Body = TimeoutBody });

        var result = await Render();

        AssertWholeOrganizationRendered(result);
        const int Half = GraphQlOrgReader.FirstPageSize / 2;
        Assert.Equal([GraphQlOrgReader.FirstPageSize, Half, Half, Half, GraphQlOrgReader.FirstPageSize], Pages.Take(5).Select(p => p.First));
    }

    [Fact]
    public async Task Resource_limits_shrink_the_pages_and_their_partial_data_is_never_rendered()
    {
        GitHub.Costs = new CostModel { ResourceBudget = 200 };

        var result = await Render();

        AssertWholeOrganizationRendered(result);
        // The first size fails, is tried once more after successes at half of it, then no more
        // (the file batches are halved on their own when refused).
        Assert.Equal(0, GitHub.Timeouts);
        Assert.Equal(2, Pages.Count(p => p.First == GraphQlOrgReader.FirstPageSize));
    }

    [Fact]
    public async Task A_page_too_heavy_at_every_size_ends_the_run_with_nothing_written()
    {
        GitHub.AddFault(new Fault { Method = "POST", PathPattern = "/graphql$", Status = 502, Times = 100, Body = TimeoutBody });

        var result = await Render();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("a partial answer is never rendered", Assert.Single(result.ErrorLines));
        Assert.False(File.Exists(Output));
        Assert.Equal([100, 50, 25, 12, 6, 3, 1], Pages.Select(p => p.First));
        Assert.Single(Pages.Select(p => p.Cursor).Distinct());
    }

    // The organization's snapshot with GitHub timing out on the first file batch (502), the sizes of
    // the file batches asked, and the same snapshot asked again with nothing refused.
    private async Task<(CliResult Faulted, int[] Batches, CliResult Unfaulted)> SnapshotWithOneFileBatchRefusedAsync(string org, Action<GitHubState> seed)
    {
        lock (GitHub.State.Gate)
        {
            seed(GitHub.State);
        }
        GitHub.AddFault(new Fault { Method = "POST", PathPattern = "/graphql$", BodyContains = "query Files", Status = 502, Body = TimeoutBody });

        var faulted = await Cli.RunAsync("snapshot", "--api-url", GitHub.ApiUrl, "--org", org, "--reader", "graphql");
        var batches = GitHub.Log.All.Where(r => r.Body?.Contains("query Files", StringComparison.Ordinal) == true)
            .Select(r => JsonNode.Parse(r.Body!)!["variables"]!.AsObject().Count(v => v.Key.StartsWith('n'))).ToArray();
        var unfaulted = await Cli.RunAsync("snapshot", "--api-url", GitHub.ApiUrl, "--org", org, "--reader", "graphql");
        Assert.True(faulted.ExitCode == 0, faulted.Error);
        return (faulted, batches, unfaulted);
    }

    [Fact]
    public async Task After_a_file_batch_github_found_too_heavy_the_next_batches_are_asked_at_the_smaller_size()
    {
        var (result, batches, unfaulted) = await SnapshotWithOneFileBatchRefusedAsync("heavy", state => StandInData.GenerateOrg(state, "heavy", 420));

        // 100 refused, its halves, then the next 100 asked as 50 and 50 (not 100 again; the size
        // grows back to 100 after three successes, between the two parts), then 100.
        Assert.Equal([100, 50, 50, 50, 50, 100], batches[..6]);
        Assert.Equal(unfaulted.Out, result.Out); // every repository read, whatever the sizes
    }

    [Fact]
    public async Task A_file_batch_size_refused_twice_is_kept_in_the_read_cache_and_the_next_run_never_asks_it()
    {
        lock (GitHub.State.Gate)
        {
            StandInData.GenerateOrg(GitHub.State, "weighty", 420);
        }
        // GitHub finds every batch of 100 repositories too heavy ($n99 is the 100th's name), and none of 50.
        GitHub.AddFault(new Fault { Method = "POST", PathPattern = "/graphql$", BodyContains = "$n99: String!", Status = 502, Times = 1000, Body = TimeoutBody });
        var cache = Path.Combine(Dir, "cache");
        int[] Batches() => [.. GitHub.Log.All.Where(r => r.Body?.Contains("query Files", StringComparison.Ordinal) == true)
            .Select(r => JsonNode.Parse(r.Body!)!["variables"]!.AsObject().Count(v => v.Key.StartsWith('n')))];

        var first = await Cli.RunAsync("snapshot", "--api-url", GitHub.ApiUrl, "--org", "weighty", "--reader", "graphql", "--cache-dir", cache);
        var firstBatches = Batches();
        // Every repository pushed to since: the next run reads all of their files again.
        lock (GitHub.State.Gate)
        {
            foreach (var repo in GitHub.State.ReposOf("weighty"))
            {
                repo.Commit(repo.DefaultBranch, new Dictionary<string, string> { ["CHANGELOG.md"] = "# Changes\n" });
            }
        }
        GitHub.Log.Clear();
        var second = await Cli.RunAsync("snapshot", "--api-url", GitHub.ApiUrl, "--org", "weighty", "--reader", "graphql", "--cache-dir", cache);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal(2, firstBatches.Count(b => b == 100)); // refused once (GitHub's load?), then again: this organization's weight
        Assert.True(second.ExitCode == 0, second.Error);
        var secondBatches = Batches();
        Assert.Equal(421, secondBatches.Sum()); // read again whole, the organization's .github too
        Assert.All(secondBatches, b => Assert.InRange(b, 1, 50));
    }

    [Fact]
    public async Task A_batch_of_files_github_finds_too_heavy_is_asked_again_as_two_halves()
    {
        var (result, batches, unfaulted) = await SnapshotWithOneFileBatchRefusedAsync("mixed", state => StandInData.GenerateOrgWithMixedFileNames(state, "mixed", 150));

        Assert.True(batches.Length >= 3, string.Join(", ", batches));
        Assert.Equal((batches[0] / 2, batches[0] - batches[0] / 2), (batches[1], batches[2]));
        Assert.Equal(unfaulted.Out, result.Out);
    }
}
