using System.Text;
using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>
/// The GraphQL reader (the default with a token) is retried like any read, never renders a
/// partial answer, and reads the same licences as the REST reader.
/// </summary>
public sealed class GraphQlResilienceTests() : EndToEndTest(repos: 120, token: "ghs_graphqlRetryToken000000000000000001")
{
    private string Output => Path.Combine(Dir, "README.md");

    private Task<CliResult> Render(string reader = "graphql") =>
        Run("render", "--reader", reader, "--output", Output);

    private int GraphQlRequests => GitHub.Log.Count("POST", "/graphql$");

    // 121 repositories: their pages at the first page size, and their file batches.
    private int Pages => WholeReadRequests();

    // (502 and 504 are GitHub's timeouts: the page is asked again smaller, GraphQlCostModelTests.)
    [Theory]
    [InlineData(503, false)]
    [InlineData(500, false)]
    [InlineData(0, true)]
    public async Task A_failed_graphql_page_is_asked_again(int status, bool reset)
    {
        GitHub.AddFault(new Fault { Method = "POST", PathPattern = "/graphql$", Skip = 1, Status = status, Reset = reset, Times = 2 });

        var result = await Render();

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("projet-00119", File.ReadAllText(Output));
        Assert.Equal(Pages + 2, GraphQlRequests);
    }

    [Fact]
    public async Task A_graphql_page_that_times_out_is_asked_again()
    {
        Cli.Resilience = Cli.Resilience with { AttemptTimeout = TimeSpan.FromSeconds(1) };
        GitHub.AddFault(new Fault { Method = "POST", PathPattern = "/graphql$", Delay = TimeSpan.FromSeconds(5), Status = 200, Body = "{}" });

        var result = await Render();

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("projet-00119", File.ReadAllText(Output));
    }

    [Theory]
    [InlineData("SERVICE_UNAVAILABLE")]
    [InlineData("TIMEOUT")]
    public async Task A_partial_answer_is_asked_again_and_never_rendered(string type)
    {
        GitHub.PartialAnswerType = type;
        GitHub.PartialAnswers = 2;

        var result = await Render();

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("projet-00119", File.ReadAllText(Output));
        Assert.True(GraphQlRequests >= Pages + 2, $"{GraphQlRequests} requests");
    }

    [Fact]
    public async Task Partial_answers_that_persist_end_the_run_with_nothing_written()
    {
        GitHub.PartialAnswers = 100;

        var result = await Render();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("a partial answer is never rendered", Assert.Single(result.ErrorLines));
        Assert.False(File.Exists(Output));
        Assert.Equal(7, GraphQlRequests); // the same cursor at 100, 50, 25, 12, 6, 3 and 1 repositories
    }

    [Fact]
    public async Task A_reset_graphql_request_reports_the_real_number_of_attempts()
    {
        GitHub.AddFault(new Fault { Method = "POST", PathPattern = "/graphql$", Reset = true, Times = 100 });

        var result = await Render();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("tried 5 times", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task A_write_that_fails_once_is_said_to_have_been_tried_once()
    {
        GitHub.AddFault(new Fault { Method = "POST", PathPattern = "/graphql$", BodyContains = "mutation", Reset = true, Times = 100 });

        var result = await Run("publish");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("tried once", Assert.Single(result.ErrorLines));
        Assert.Single(GitHub.Log.All, r => r.Body?.Contains("mutation", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_windows_1252_licence_is_identified_alike_by_both_readers()
    {
        lock (GitHub.State.Gate)
        {
            var repo = GitHub.State.Repo("org", "projet-00000");
            var text = StandInData.LiLiQRText.Replace("Québec", "Qu\u00e9bec", StringComparison.Ordinal);
            var bytes = Encoding.Latin1.GetBytes(text);
            var head = repo.Git.Resolve("main")!;
            var tree = new SortedDictionary<string, string>(repo.Git.Trees[repo.Git.Commits[head].Tree], StringComparer.Ordinal) { ["LICENSE"] = repo.Git.AddBlob(bytes) };
            repo.Git.Refs["refs/heads/main"] = repo.Git.AddCommit(repo.Git.AddTree(tree), [head], "Licence en Windows-1252", "octocat");
        }

        var graphQl = await Run("snapshot", "--reader", "graphql");
        var rest = await Run("snapshot", "--reader", "rest");

        Assert.Equal(0, graphQl.ExitCode);
        Assert.Equal(0, rest.ExitCode);
        var fromGraphQl = ProfileGen.Snapshots.SnapshotJson.Deserialize(Encoding.UTF8.GetBytes(graphQl.Out), "graphql").Repos.Single(r => r.Name == "projet-00000").License;
        var fromRest = ProfileGen.Snapshots.SnapshotJson.Deserialize(Encoding.UTF8.GetBytes(rest.Out), "rest").Repos.Single(r => r.Name == "projet-00000").License;
        Assert.Equal("LiLiQ-R-1.1", fromRest?.SpdxId);
        Assert.Equal(fromRest?.SpdxId, fromGraphQl?.SpdxId);
    }

    [Fact]
    public async Task A_token_pasted_with_a_trailing_newline_works_and_is_never_printed()
    {
        Cli.Variables["GITHUB_TOKEN"] = Token + "\n";

        var result = await Render();

        Assert.True(result.ExitCode == 0, result.Error);
        var failing = await Cli.RunAsync("render", "--api-url", GitHub.ApiUrl, "--org", "no-such-org");
        Assert.Equal(1, failing.ExitCode);
        Assert.DoesNotContain("graphqlRetryToken", failing.Error);
    }
}
