using System.Globalization;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>
/// Answers real GitHub servers give that a tidy stand-in would not (REAL-GITHUB.md R11, R12, R14):
/// GraphQL's rate limit as a 200, an older Enterprise Server's graphql-ruby refusals, GHE.com's
/// github.com-like layout, and the pinned REST API version.
/// </summary>
public sealed class GraphQlServerShapesTests() : EndToEndTest(repos: 12, token: "ghs_serverShapesToken0000000000000000001")
{
    private string Output => Path.Combine(Dir, "README.md");

    private Task<Cli.CliResult> Render(params string[] more) => Run("render", ["--reader", "graphql", "--output", Output, .. more]);

    private static string Epoch(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("RATE_LIMITED")]
    [InlineData("RATE_LIMIT")]
    public async Task A_graphql_rate_limit_answered_with_200_far_from_its_reset_stops_the_run_naming_the_reset(string type)
    {
        var reset = Clock.GetUtcNow().AddMinutes(40);
        GitHub.ResetEpoch = reset.ToUnixTimeSeconds();
        GitHub.GraphQlRateLimitType = type;
        GitHub.State.RateLimit = 0;

        var result = await Render();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("rate limit is exhausted; it resets at " + reset.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Assert.Single(result.ErrorLines));
        Assert.False(File.Exists(Output));
        Assert.Equal(TimeSpan.Zero, Clock.Elapsed);
        Assert.Equal(1, GitHub.Log.Count("POST", "/graphql$"));
    }

    [Fact]
    public async Task A_graphql_rate_limit_answered_with_200_that_resets_soon_is_waited_for()
    {
        var reset = Clock.GetUtcNow().AddMinutes(4);
        GitHub.AddFault(new Fault
        {
            Method = "POST",
            PathPattern = "/graphql$",
            Status = 200,
            Headers = new Dictionary<string, string> { ["x-ratelimit-remaining"] = "0", ["x-ratelimit-reset"] = Epoch(reset) },
            Body = """{"errors":[{"type":"RATE_LIMITED","code":"graphql_rate_limit","message":"API rate limit already exceeded for user ID 1."}]}""",
        });

        var result = await Render("--rate-limit-wait", "300");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("projet-00011", File.ReadAllText(Output));
        Assert.True(Clock.GetUtcNow() >= reset, $"stopped waiting at {Clock.GetUtcNow():HH:mm:ss}, before the reset at {reset:HH:mm:ss}");
    }

    [Fact]
    public async Task A_server_refusing_updateRefs_in_graphql_ruby_shapes_is_published_to_with_rest()
    {
        GitHub.FieldsUnknownToServer.Add("updateRefs");

        var result = await Run("publish");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Single(Profile.Pulls);
        Assert.True(GitHub.Log.Count("POST", "/git/commits$") >= 1, string.Join("\n", GitHub.Log.All));
        Assert.DoesNotContain(GitHub.Log.All, r => r.Body?.Contains("mutation", StringComparison.Ordinal) == true && r.Status is not 200);
    }

    [Fact]
    public async Task A_ghe_com_address_is_read_as_github_com_is_without_api_v3()
    {
        var enterprise = await Render();
        GitHub.Log.Clear();
        Cli.HostRedirects["api.cqen.ghe.com"] = new Uri(GitHub.BaseUrl);

        var graphQl = await Cli.RunAsync("render", "--api-url", "https://cqen.ghe.com", "--org", Org, "--reader", "graphql");
        var rest = await Cli.RunAsync("render", "--api-url", "https://api.cqen.ghe.com", "--org", Org, "--reader", "rest");

        Assert.True(graphQl.ExitCode == 0, graphQl.Error);
        Assert.True(rest.ExitCode == 0, rest.Error);
        Assert.Equal(File.ReadAllText(Output), graphQl.Out);
        Assert.Equal(Health.HealthSection.Without(graphQl.Out), Health.HealthSection.Without(rest.Out));
        Assert.DoesNotContain(GitHub.Log.All, r => r.Path.StartsWith("/api/", StringComparison.Ordinal));
        Assert.Contains(GitHub.Log.All, r => r.Path == "/graphql");
        Assert.Contains(GitHub.Log.All, r => r.Path == "/orgs/org/repos");
    }

    [Fact]
    public async Task Every_request_pins_the_rest_api_version()
    {
        var result = await Run("publish", "--reader", "rest");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.NotEmpty(GitHub.Log.All);
        Assert.All(GitHub.Log.All, r => Assert.Equal("2022-11-28", r.ApiVersion));
    }
}
