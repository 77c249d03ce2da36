using CQEN.ProfileGen.GitHub;
using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>
/// GitHub failing in the ways it does: every case ends either in the correct README or in one
/// clean error line, with nothing written and no write request sent.
/// </summary>
public sealed class FaultMatrixTests() : EndToEndTest(repos: 250, token: "ghs_test-faultMatrixToken0000-0000000000000001")
{
    private string Output => Path.Combine(Dir, "README.md");

    private Task<CliResult> Render(string reader = "rest", params string[] more) =>
        Run("render", ["--reader", reader, "--output", Output, .. more]);

    private static string Epoch(DateTimeOffset time) => time.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task Succeeds(params string[] more)
    {
        var result = await Render("rest", more);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("projet-00249", File.ReadAllText(Output));
        Assert.Empty(GitHub.Log.Writes);
    }

    private async Task<string> FailsCleanly(string reader = "rest")
    {
        var result = await Render(reader);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.False(File.Exists(Output), "a failed run must not write its output");
        Assert.Empty(GitHub.Log.Writes);
        Assert.DoesNotContain("   at ", result.Error);
        return Assert.Single(result.ErrorLines);
    }

    private static Dictionary<string, string> Headers(params (string Name, string Value)[] headers) => headers.ToDictionary(h => h.Name, h => h.Value);

    [Fact]
    public async Task A_burst_of_502s_is_retried()
    {
        GitHub.AddFault(new Fault { PathPattern = "/orgs/org/repos", Status = 502, Times = 3 });
        await Succeeds();
        Assert.Equal(3 + 3, GitHub.Log.Count("GET", "/orgs/org/repos$"));
    }

    [Fact]
    public async Task A_reset_connection_is_retried()
    {
        GitHub.AddFault(new Fault { PathPattern = "/readme$", Reset = true, Times = 2 });
        await Succeeds();
    }

    [Fact]
    public async Task A_request_that_times_out_is_retried()
    {
        Cli.Resilience = Cli.Resilience with { AttemptTimeout = TimeSpan.FromMilliseconds(500) };
        GitHub.AddFault(new Fault { PathPattern = "/orgs/org$", Delay = TimeSpan.FromSeconds(2), Status = 200, Body = "{}" });
        await Succeeds();
    }

    [Fact]
    public async Task A_secondary_rate_limit_waits_for_retry_after()
    {
        GitHub.AddFault(new Fault
        {
            PathPattern = "/license$",
            Status = 403,
            Times = 2,
            Headers = Headers(("retry-after", "30")),
            Body = """{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/en/free-pro-team@latest/rest/overview/resources-in-the-rest-api#secondary-rate-limits"}""",
        });
        Cli.Resilience = Cli.Resilience with { MaxDelay = new ResilienceOptions().MaxDelay };
        await Succeeds();
        Assert.True(Clock.Elapsed >= TimeSpan.FromSeconds(30), $"waited {Clock.Elapsed}");
    }

    [Fact]
    public async Task A_429_with_retry_after_is_retried()
    {
        GitHub.AddFault(new Fault { PathPattern = "/orgs/org/repos", Status = 429, Headers = Headers(("retry-after", "0")), Body = """{"message":"You have exceeded a secondary rate limit."}""" });
        await Succeeds();
    }

    [Fact]
    public async Task A_secondary_rate_limit_without_retry_after_still_waits_and_retries()
    {
        GitHub.AddFault(new Fault { PathPattern = "/readme$", Status = 403, Body = """{"message":"You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later."}""" });
        Cli.Resilience = Cli.Resilience with { SecondaryLimitWait = new ResilienceOptions().SecondaryLimitWait };
        await Succeeds();
        Assert.True(Clock.Elapsed >= TimeSpan.FromMinutes(1), $"waited {Clock.Elapsed}"); // GitHub: "at least one minute"
    }

    [Fact]
    public async Task An_exhausted_rate_limit_that_resets_soon_is_waited_for()
    {
        var reset = Clock.GetUtcNow().AddMinutes(4);
        GitHub.AddFault(new Fault { PathPattern = "/orgs/org/repos", Status = 403, Headers = Headers(("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", Epoch(reset))), Body = """{"message":"API rate limit exceeded for user ID 1."}""" });
        await Succeeds("--rate-limit-wait", "300");
        Assert.True(Clock.GetUtcNow() >= reset, $"stopped waiting at {Clock.GetUtcNow():HH:mm:ss}, before the reset at {reset:HH:mm:ss}");
    }

    [Fact]
    public async Task An_exhausted_rate_limit_far_from_its_reset_stops_the_run_naming_the_reset()
    {
        var reset = Clock.GetUtcNow().AddMinutes(40);
        GitHub.AddFault(new Fault
        {
            PathPattern = "/readme$",
            Status = 403,
            Times = 1000,
            Headers = Headers(("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", Epoch(reset))),
            Body = """{"message":"API rate limit exceeded for user ID 1.","documentation_url":"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting"}""",
        });
        var line = await FailsCleanly();
        Assert.Contains("rate limit is exhausted; it resets at " + reset.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), line);
        Assert.Equal(TimeSpan.Zero, Clock.Elapsed);
    }

    [Fact]
    public async Task A_429_primary_limit_is_also_understood()
    {
        var reset = Clock.GetUtcNow().AddHours(1);
        GitHub.AddFault(new Fault { PathPattern = "/orgs/org$", Status = 429, Times = 10, Headers = Headers(("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", Epoch(reset))), Body = """{"message":"API rate limit exceeded"}""" });
        Assert.Contains("rate limit is exhausted", await FailsCleanly());
    }

    [Fact]
    public async Task A_failure_on_page_3_of_3_ends_the_run_with_nothing_written()
    {
        GitHub.AddFault(new Fault { PathPattern = "/orgs/org/repos", Skip = 2, Status = 500, Times = 100 });
        Assert.StartsWith("profilegen: error: GitHub answered 500 for the repositories of 'org'", await FailsCleanly());
        Assert.Equal(2 + 5, GitHub.Log.Count("GET", "/orgs/org/repos$")); // 2 good pages, then 1 + 4 retries of page 3
    }

    [Fact]
    public async Task A_persistent_failure_on_one_repository_never_gives_a_partial_readme()
    {
        GitHub.AddFault(new Fault { PathPattern = "/repos/org/projet-00123/readme$", Status = 503, Times = 100 });
        Assert.Contains("projet-00123", await FailsCleanly());
    }

    [Fact]
    public async Task A_graphql_failure_on_the_last_page_ends_the_run_cleanly()
    {
        GitHub.AddFault(new Fault { Method = "POST", PathPattern = "/graphql$", Skip = 2, Status = 502, Times = 100 });
        Assert.Contains("502", await FailsCleanly("graphql"));
    }

    [Fact]
    public async Task The_overall_deadline_stops_a_hanging_run()
    {
        Cli.Resilience = Cli.Resilience with { AttemptTimeout = TimeSpan.FromSeconds(30) };
        GitHub.AddFault(new Fault { PathPattern = "/orgs/org$", Delay = TimeSpan.FromSeconds(10), Status = 200, Body = "{}" });
        var result = await Run("render", "--reader", "rest", "--timeout", "1", "--output", Output);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("did not finish within --timeout 1 s", Assert.Single(result.ErrorLines));
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public async Task The_rest_reader_keeps_at_most_two_requests_in_flight()
    {
        // Answers slow enough for requests to overlap, on an organization of its own: 60
        // repositories give the reader a few hundred requests to run at once, as 250 would.
        StandInData.GenerateOrg(GitHub.State, "overlap", 60);
        GitHub.Latency = TimeSpan.FromMilliseconds(5);

        var result = await Cli.RunAsync("render", "--api-url", GitHub.ApiUrl, "--org", "overlap", "--reader", "rest", "--output", Output);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("projet-00059", File.ReadAllText(Output));
        Assert.InRange(GitHub.MaxInFlight, 1, OctokitGateway.MaxRestInFlight);
    }

    [Fact]
    public async Task A_token_whose_hourly_budget_cannot_cover_the_rest_read_stops_before_reading_any_file()
    {
        GitHub.State.RateLimit = 300;

        var line = await FailsCleanly();

        Assert.StartsWith("profilegen: error: reading 'org' with REST needs ", line);
        Assert.Contains("read with GraphQL (--reader graphql)", line);
        Assert.Equal(0, GitHub.Log.Count("GET", "/readme$"));
    }
}
