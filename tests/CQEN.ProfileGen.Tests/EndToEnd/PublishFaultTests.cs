using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>The fault matrix on the publish path: each case ends in the correct pull request, or in one clean line with no write.</summary>
public sealed class PublishFaultTests() : EndToEndTest(repos: 250, token: "ghs_publishFaults0000000000000000000001")
{
    private static Dictionary<string, string> Headers(params (string, string)[] h) => h.ToDictionary(x => x.Item1, x => x.Item2);

    public static TheoryData<string> RecoverableFaults => new() { "502 burst on a GraphQL page", "reset on a write", "secondary limit on a write", "429 on the pull request", "timeout on a read" };

    private Fault Fault(string name) => name switch
    {
        "502 burst on a GraphQL page" => new Fault { Method = "POST", PathPattern = "/graphql$", Skip = 1, Status = 502, Times = 3 },
        "reset on a write" => new Fault { Method = "POST", PathPattern = "/git/blobs$", Reset = true },
        "secondary limit on a write" => new Fault { Method = "POST", PathPattern = "/git/trees$", Status = 403, Headers = Headers(("retry-after", "0")), Body = """{"message":"You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later."}""" },
        "429 on the pull request" => new Fault { Method = "POST", PathPattern = "/pulls$", Status = 429, Headers = Headers(("retry-after", "0")), Body = """{"message":"You have exceeded a secondary rate limit."}""" },
        "timeout on a read" => new Fault { Method = "GET", PathPattern = "/git/matching-refs/", Delay = TimeSpan.FromSeconds(3), Status = 200, Body = "[]" },
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(RecoverableFaults))]
    public async Task Ends_in_the_correct_pull_request(string fault)
    {
        Cli.Resilience = Cli.Resilience with { AttemptTimeout = TimeSpan.FromSeconds(1) };
        GitHub.AddFault(Fault(fault));
        var result = await Run("publish");
        // A reset write is not retried (it may have been applied): then the next run completes the job.
        if (result.ExitCode != 0)
        {
            Assert.Equal("reset on a write", fault);
            Assert.Single(result.ErrorLines);
            result = await Run("publish");
        }
        Assert.True(result.ExitCode == 0, result.Error);
        var profile = GitHub.State.Repo("org", ".github");
        var pull = Assert.Single(profile.Pulls);
        Assert.Equal("open", pull.State);
        Assert.Contains("projet-00249", profile.TextAt("profilegen/profile-readme", "profile/README.md"));
        Assert.Equal([profile.Git.Resolve("main")!], profile.Git.Commits[profile.Git.Resolve("profilegen/profile-readme")!].Parents);
    }

    [Fact]
    public async Task A_primary_limit_far_from_its_reset_stops_before_any_write()
    {
        var reset = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        // The publish path's read (after the organization's one GraphQL page) meets the exhausted limit.
        GitHub.AddFault(new Fault { Method = "POST", PathPattern = "/graphql$", Skip = 1, Status = 403, Times = 100, Headers = Headers(("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", reset)), Body = """{"message":"API rate limit exceeded for installation ID 1."}""" });
        Cli.Clock = TimeProvider.System;
        var result = await Run("publish");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("rate limit is exhausted", Assert.Single(result.ErrorLines));
        Assert.Empty(GitHub.Log.Writes);
    }
}
