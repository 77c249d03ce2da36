using CQEN.ProfileGen.Snapshots;
using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>The real command line against the stand-in GitHub, reached as a GitHub Enterprise user would.</summary>
public sealed class RenderEndToEndTests() : EndToEndTest(repos: 0)
{
    private const string RenderToken = "ghs_test-e2eRenderToken000000-0000000000000001";

    protected override void Arrange(GitHubState state)
    {
        StandInData.GenerateOrg(state, "big-org", 260);
        StandInData.GenerateOrg(state, "small-org", 10);
        state.AddToken(RenderToken);
    }

    private Task<CliResult> Render(params string[] args) => Cli.RunAsync(["render", "--api-url", GitHub.ApiUrl, .. args]);

    [Fact]
    public async Task Renders_an_organization_of_260_repositories_with_rest_in_100_per_page()
    {
        Cli.Variables["GITHUB_TOKEN"] = RenderToken;
        var result = await Render("--org", "big-org", "--reader", "rest");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        var kept = GitHub.State.Repos.Values.Where(r => r.Owner == "big-org" && !r.Archived && !r.Fork && r.Name != ".github").ToArray();
        Assert.All(kept, r => Assert.Contains($"[{r.Name}](https://github.com/big-org/{r.Name})", result.Out));
        Assert.DoesNotContain("[.github]", result.Out);
        Assert.Equal(3, GitHub.Log.Count("GET", "^/api/v3/orgs/big-org/repos$"));
        Assert.Empty(GitHub.Log.Writes);
    }

    [Fact]
    public async Task Graphql_reads_the_same_organization_in_light_pages_and_file_batches_and_renders_the_same_markdown()
    {
        Cli.Variables["GITHUB_TOKEN"] = RenderToken;
        var rest = await Render("--org", "big-org", "--reader", "rest");
        GitHub.Log.Clear();

        var graphql = await Render("--org", "big-org");

        Assert.Equal(0, graphql.ExitCode);
        Assert.Equal(WholeReadRequests("big-org"), GitHub.Log.All.Count);
        Assert.All(GitHub.Log.All, r => Assert.Equal("/api/graphql", r.Path));
        Assert.Equal(Health.HealthSection.Without(rest.Out), Health.HealthSection.Without(graphql.Out));
    }

    [Fact]
    public async Task Identifies_licences_github_calls_noassertion_and_links_the_file()
    {
        Cli.Variables["GITHUB_TOKEN"] = RenderToken;
        var result = await Render("--org", "small-org", "--reader", "rest");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("[LiLiQ-P](https://github.com/small-org/projet-00005/blob/main/LICENSE)", result.Out);
        Assert.Contains("[LiLiQ-R](https://github.com/small-org/projet-00006/blob/main/LICENSE)", result.Out);
        Assert.Contains("[MIT](https://github.com/small-org/projet-00007/blob/main/LICENSE.md)", result.Out);
        Assert.Contains("### Phase Découverte", result.Out);
    }

    [Fact]
    public async Task Public_data_needs_no_token()
    {
        var result = await Render("--org", "small-org");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("projet-00003", result.Out);
        Assert.All(GitHub.Log.All, r => Assert.Null(r.TokenFingerprint));
    }

    [Fact]
    public async Task The_github_com_layout_without_the_api_v3_prefix_works_too()
    {
        var enterprise = await Render("--org", "small-org", "--reader", "rest");
        GitHub.Log.Clear();

        // The tool aimed at api.github.com (REST at the root, GraphQL at /graphql), which reaches the stand-in.
        Cli.HostRedirects["api.github.com"] = new Uri(GitHub.BaseUrl);
        var rest = await Cli.RunAsync("render", "--api-url", "https://api.github.com", "--org", "small-org", "--reader", "rest");
        Cli.Variables["GITHUB_TOKEN"] = RenderToken;
        var graphql = await Cli.RunAsync("render", "--api-url", "https://api.github.com", "--org", "small-org", "--reader", "graphql");

        Assert.True(rest.ExitCode == 0, rest.Error);
        Assert.True(graphql.ExitCode == 0, graphql.Error);
        Assert.Equal(enterprise.Out, rest.Out);
        Assert.Equal(Health.HealthSection.Without(enterprise.Out), Health.HealthSection.Without(graphql.Out));
        Assert.DoesNotContain(GitHub.Log.All, r => r.Path.StartsWith("/api/", StringComparison.Ordinal));
        Assert.Contains(GitHub.Log.All, r => r.Path == "/orgs/small-org/repos");
        Assert.Contains(GitHub.Log.All, r => r.Path == "/graphql");
    }

    [Fact]
    public async Task A_snapshot_renders_offline_exactly_like_the_live_run()
    {
        Cli.Variables["GITHUB_TOKEN"] = RenderToken;
        var path = Path.Combine(Dir, "snapshot.json");
        Assert.Equal(0, (await Cli.RunAsync("snapshot", "--api-url", GitHub.ApiUrl, "--org", "small-org", "--output", path)).ExitCode);
        var live = await Render("--org", "small-org");

        var offline = await Cli.RunAsync("render", "--snapshot", path);

        Assert.Equal(live.Out, offline.Out);
        Assert.Equal(OrgSnapshot.CurrentSchema, SnapshotJson.Deserialize(File.ReadAllText(path), path).Schema);
    }

    [Fact]
    public async Task An_unknown_organization_is_one_clear_line()
    {
        var result = await Render("--org", "no-such-org");
        Assert.Equal(1, result.ExitCode);
        // Anonymous: the one warning saying so, then the one error line.
        Assert.Equal("profilegen: error: GitHub found no organization 'no-such-org' (404): it does not exist or this token cannot see it", Assert.Single(result.ErrorLines, l => !l.StartsWith("profilegen: warning: no token", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_bad_token_is_one_clear_line_that_does_not_show_the_token()
    {
        const string bad = "ghp_test-CanaryBadToken000000-00000000000000000";
        Cli.Variables["GH_TOKEN"] = bad;
        var result = await Render("--org", "small-org");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("401 Bad credentials", Assert.Single(result.ErrorLines));
        Assert.DoesNotContain(bad, result.Out + result.Error);
    }
}
