using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>The fault matrix on the publish path: each case ends in the correct pull request, or in one clean line with no write.</summary>
public sealed class PublishFaultTests() : EndToEndTest(repos: 250, token: "ghs_publishFaults0000000000000000000001")
{
    private static Dictionary<string, string> Headers(params (string, string)[] h) => h.ToDictionary(x => x.Item1, x => x.Item2);

    // Each aimed at a request publishing really sends (the organization's read, the publish
    // state's query, the commit mutation, the pull request), and asserted to have fired.
    public static TheoryData<string> RecoverableFaults => new() { "502 burst on a GraphQL page", "secondary limit on a write", "429 on the pull request", "timeout on a read" };

    private static Fault Fault(string name) => name switch
    {
        "502 burst on a GraphQL page" => new Fault { Method = "POST", PathPattern = "/graphql$", Skip = 1, Status = 502, Times = 3 },
        "secondary limit on a write" => new Fault { Method = "POST", PathPattern = "/graphql$", BodyContains = "createCommitOnBranch", Status = 403, Headers = Headers(("retry-after", "0")), Body = """{"message":"You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later."}""" },
        "429 on the pull request" => new Fault { Method = "POST", PathPattern = "/pulls$", Status = 429, Headers = Headers(("retry-after", "0")), Body = """{"message":"You have exceeded a secondary rate limit."}""" },
        "timeout on a read" => new Fault { Method = "POST", PathPattern = "/graphql$", BodyContains = "query PublishState", Delay = TimeSpan.FromSeconds(3), Status = 200, Body = "{}" },
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(RecoverableFaults))]
    public async Task Ends_in_the_correct_pull_request(string name)
    {
        Cli.Resilience = Cli.Resilience with { AttemptTimeout = TimeSpan.FromSeconds(1) };
        var fault = Fault(name);
        GitHub.AddFault(fault);

        var result = await Run("publish");

        Assert.True(fault.Fired > 0, $"the fault '{name}' met no request");
        Assert.True(result.ExitCode == 0, result.Error);
        HasTheCorrectPullRequest();
    }

    [Fact]
    public async Task A_reset_write_is_not_repeated_and_the_next_run_completes_the_job()
    {
        var fault = new Fault { Method = "POST", PathPattern = "/graphql$", BodyContains = "createCommitOnBranch", Reset = true };
        GitHub.AddFault(fault);

        var first = await Run("publish");

        // The commit may have reached GitHub: it is sent once, and the run stops saying so.
        Assert.Equal(1, fault.Fired);
        Assert.Equal(1, first.ExitCode);
        Assert.Contains("tried once", Assert.Single(first.ErrorLines));
        Assert.Single(GitHub.Log.All, r => r.Body?.Contains("createCommitOnBranch", StringComparison.Ordinal) == true);
        Assert.Empty(Profile.Pulls);

        var second = await Run("publish");

        Assert.True(second.ExitCode == 0, second.Error);
        HasTheCorrectPullRequest();
    }

    private void HasTheCorrectPullRequest()
    {
        var pull = Assert.Single(Profile.Pulls);
        Assert.Equal("open", pull.State);
        Assert.Contains("projet-00249", Profile.TextAt("profilegen/profile-readme", "profile/README.md"));
        Assert.Equal([Profile.Git.Resolve("main")!], Profile.Git.Commits[Profile.Git.Resolve("profilegen/profile-readme")!].Parents);
    }

    [Fact]
    public async Task A_primary_limit_far_from_its_reset_stops_before_any_write()
    {
        var reset = Clock.GetUtcNow().AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        // The publish path's read (after the organization's one GraphQL page) meets the exhausted limit.
        GitHub.AddFault(new Fault { Method = "POST", PathPattern = "/graphql$", Skip = 1, Status = 403, Times = 100, Headers = Headers(("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", reset)), Body = """{"message":"API rate limit exceeded for installation ID 1."}""" });
        var result = await Run("publish");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("rate limit is exhausted", Assert.Single(result.ErrorLines));
        Assert.Empty(GitHub.Log.Writes);
    }
}
