using System.Text;
using CQEN.ProfileGen.Snapshots;
using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>
/// Reading an organization whose READMEs and licences carry every name GitHub recognises, in
/// at most 2 x ceil(N/100) + 1 requests, with the same result as the REST reader.
/// </summary>
public sealed class ReadFloorTests() : EndToEndTest(repos: 0, token: "ghs_readFloorToken000000000000000000001")
{
    protected override void Arrange(GitHubState state) => StandInData.GenerateOrgWithMixedFileNames(state, "org", 229);

    private async Task<OrgSnapshot> Snapshot(string reader)
    {
        var result = await Run("snapshot", "--reader", reader);
        Assert.True(result.ExitCode == 0, result.Error);
        return SnapshotJson.Deserialize(Encoding.UTF8.GetBytes(result.Out), reader);
    }

    [Fact]
    public async Task Two_hundred_and_twenty_nine_repositories_with_every_file_name_take_a_page_per_first_page_size_and_three_batches()
    {
        var snapshot = await Snapshot("graphql");

        // 230 repositories: a page per FirstPageSize, then 3 batches of files for the names the pages do not ask for, and 3 of health.
        var pages = (230 + ProfileGen.GitHub.GraphQlOrgReader.FirstPageSize - 1) / ProfileGen.GitHub.GraphQlOrgReader.FirstPageSize;
        var health = (230 + ProfileGen.GitHub.GraphQlHealth.PerBatch - 1) / ProfileGen.GitHub.GraphQlHealth.PerBatch;
        Assert.True(GitHub.Log.All.Count <= pages + 3 + health, string.Join("\n", GitHub.Log.All));
        Assert.DoesNotContain(GitHub.Log.All, r => r.Method == "GET");
        Assert.Equal(230, snapshot.Repos.Count);
    }

    [Fact]
    public async Task The_batched_read_finds_the_same_readmes_badges_and_licences_as_the_rest_reader()
    {
        var graphQl = await Snapshot("graphql");
        var rest = await Snapshot("rest");

        foreach (var (g, r) in graphQl.Repos.Zip(rest.Repos))
        {
            Assert.Equal(r.Name, g.Name);
            Assert.Equal(r.Readme?.Path, g.Readme?.Path);
            Assert.Equal(r.Badges.Select(b => b.Message), g.Badges.Select(b => b.Message));
            Assert.Equal(r.License?.SpdxId, g.License?.SpdxId);
            Assert.Equal(r.License?.Path, g.License?.Path);
        }
        Assert.Contains(graphQl.Repos, r => r.Readme?.Path == "README.rst");
        Assert.Contains(graphQl.Repos, r => r.License?.Path == "COPYING" && r.License.SpdxId.StartsWith("LiLiQ", StringComparison.Ordinal));
    }
}
