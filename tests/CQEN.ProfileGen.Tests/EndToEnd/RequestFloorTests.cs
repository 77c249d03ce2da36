using System.Text.Json;
using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>Publishing at the request floor, counted on the stand-in's log, and the cost reported to the user.</summary>
public sealed class RequestFloorTests() : EndToEndTest(repos: 229, token: "ghs_test-requestFloorToken000-00000000000000001")
{
    private Task<CliResult> Publish(params string[] args) => Run("publish", args);

    // The organization's read without a read cache: its light pages and its file batches (230 repositories here).
    private int OrgRead => WholeReadRequests();

    [Fact]
    public async Task A_first_publish_reads_once_and_writes_a_commit_with_its_branch_then_the_pull_request()
    {
        Assert.Equal(0, (await Publish()).ExitCode);

        Assert.Equal(OrgRead + 1, GitHub.Log.All.Count(r => !r.IsWrite));
        Assert.Equal(["POST /api/graphql", "POST /api/v3/repos/org/.github/pulls"], GitHub.Log.Writes.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task An_unchanged_rerun_costs_the_read_and_one_request_and_writes_nothing()
    {
        Assert.Equal(0, (await Publish()).ExitCode);
        GitHub.Log.Clear();

        Assert.Equal(0, (await Publish()).ExitCode);

        Assert.Equal(OrgRead + 1, GitHub.Log.All.Count);
        Assert.Empty(GitHub.Log.Writes);
    }

    [Fact]
    public async Task An_update_writes_twice()
    {
        Assert.Equal(0, (await Publish()).ExitCode);
        GitHub.State.Repo("org", "projet-00003").Description = "Nouvelle description";
        GitHub.Log.Clear();

        Assert.Equal(0, (await Publish()).ExitCode);

        Assert.Equal(2, GitHub.Log.Writes.Count);
        Assert.Equal(OrgRead + 1, GitHub.Log.All.Count(r => !r.IsWrite));
    }

    // doctor's reads in a dry run without labels or reviewers: rate limit, repository, organization, branch, the setting at two levels, rules.
    private const int DoctorReads = 7;

    [Fact]
    public async Task The_cost_of_a_run_is_in_the_json_outcome_and_printed_with_verbose()
    {
        var json = await Publish("--dry-run", "--json");
        var verbose = await Publish("--dry-run", "--verbose");

        var requests = JsonDocument.Parse(json.Out).RootElement.GetProperty("requests");
        // The read and the compare in GraphQL; doctor's checks, which a dry run makes first, in REST.
        var checks = requests.GetProperty("rest").GetInt32();
        Assert.InRange(checks, 1, DoctorReads);
        Assert.Equal(OrgRead + 1 + checks, requests.GetProperty("total").GetInt32());
        Assert.Equal(OrgRead + 1, requests.GetProperty("graphql").GetInt32());
        Assert.True(requests.GetProperty("graphql_points_remaining").GetInt64() > 0);
        Assert.Contains(verbose.ErrorLines, l => l.StartsWith($"profilegen: {OrgRead + 1 + checks} requests to GitHub ({OrgRead + 1} GraphQL, {checks} REST); GraphQL points:", StringComparison.Ordinal));
        Assert.DoesNotContain("requests to GitHub", json.Error);
    }
}

/// <summary>On a server whose GraphQL schema lacks the newer fields (an older GitHub Enterprise Server), publishing falls back to REST.</summary>
public sealed class OlderServerTests() : EndToEndTest(repos: 12, token: "ghs_test-olderServerToken0000-0000000000000001")
{
    [Fact]
    public async Task Without_createCommitOnBranch_updateRefs_or_latestReviews_publishing_uses_rest_and_still_converges()
    {
        foreach (var field in new[] { "createCommitOnBranch", "updateRefs", "latestReviews" })
        {
            GitHub.FieldsUnknownToServer.Add(field);
        }

        var first = await Run("publish");
        GitHub.Log.Clear();
        var again = await Run("publish");

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Single(GitHub.State.Repo("org", ".github").Pulls);
        Assert.NotNull(GitHub.State.Repo("org", ".github").Git.Resolve("profilegen/profile-readme"));
        Assert.Empty(GitHub.Log.Writes);
    }
}
