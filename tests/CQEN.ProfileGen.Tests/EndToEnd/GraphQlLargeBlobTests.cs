using System.Text;
using CQEN.ProfileGen.Snapshots;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>
/// GitHub answers a blob over about 512 KB with <c>isBinary: null</c> and <c>isTruncated: true</c>
/// (REAL-GITHUB.md R2): one such README or licence anywhere in an organization must not stop the
/// read, and still gives its header and licence as a smaller file would.
/// </summary>
public sealed class GraphQlLargeBlobTests() : EndToEndTest(repos: 12, token: "ghs_largeBlobToken00000000000000000000001")
{
    private const string Big = "projet-00000";

    // The generated README (ENTETE header with lifecycle and licence badges) followed by 600 KB of prose.
    private static string LargeReadme(string readme) =>
        readme + "\n" + string.Concat(Enumerable.Repeat("Une ligne de journal des modifications, longue et sans fin.\n", 600 * 1024 / 60));

    private void Replace(string repo, string path, byte[] bytes)
    {
        lock (GitHub.State.Gate)
        {
            var r = GitHub.State.Repo(Org, repo);
            var head = r.Git.Resolve("main")!;
            var tree = new SortedDictionary<string, string>(r.Git.Trees[r.Git.Commits[head].Tree], StringComparer.Ordinal) { [path] = r.Git.AddBlob(bytes) };
            r.Git.Refs["refs/heads/main"] = r.Git.AddCommit(r.Git.AddTree(tree), [head], "Grow " + path, "octocat");
        }
    }

    private string ReadmeOf(string repo) => GitHub.State.Repo(Org, repo).TextAt("main", "README.md")!;

    private async Task<RepoSnapshot> SnapshotOf(string repo, string reader = "graphql")
    {
        var result = await Run("snapshot", "--reader", reader);
        Assert.True(result.ExitCode == 0, result.Error);
        return SnapshotJson.Deserialize(Encoding.UTF8.GetBytes(result.Out), reader).Repos.Single(r => r.Name == repo);
    }

    private int RestReadsOf(string repo, string path) => GitHub.Log.Count("GET", $"/repos/org/{repo}/contents/{path}$");

    [Fact]
    public async Task A_readme_over_512_KB_answered_with_no_text_is_read_with_rest_and_keeps_its_badges()
    {
        var small = await SnapshotOf(Big);
        Replace(Big, "README.md", Encoding.UTF8.GetBytes(LargeReadme(ReadmeOf(Big))));
        GitHub.Log.Clear();

        var large = await SnapshotOf(Big);

        Assert.NotEmpty(small.Badges);
        Assert.Equal(small.Badges, large.Badges);
        Assert.Equal(small.Readme!.Text, large.Readme!.Text);
        Assert.Equal(1, RestReadsOf(Big, "README.md"));
    }

    [Fact]
    public async Task A_readme_over_512_KB_answered_with_cut_text_keeps_its_badges_without_another_request()
    {
        GitHub.TruncatedBlobsKeepText = true;
        var small = await SnapshotOf(Big);
        Replace(Big, "README.md", Encoding.UTF8.GetBytes(LargeReadme(ReadmeOf(Big))));
        GitHub.Log.Clear();

        var large = await SnapshotOf(Big);

        Assert.NotEmpty(small.Badges);
        Assert.Equal(small.Badges, large.Badges);
        Assert.Equal(0, RestReadsOf(Big, "README.md"));
    }

    [Fact]
    public async Task A_binary_readme_gives_no_header_and_the_rest_of_the_organization_is_read()
    {
        Replace(Big, "README.md", [0x89, (byte)'P', (byte)'N', (byte)'G', 0, 0, 0, 13]);

        var result = await Run("snapshot", "--reader", "graphql");

        Assert.True(result.ExitCode == 0, result.Error);
        var snapshot = SnapshotJson.Deserialize(Encoding.UTF8.GetBytes(result.Out), "graphql");
        Assert.Empty(snapshot.Repos.Single(r => r.Name == Big).Badges);
        Assert.NotEmpty(snapshot.Repos.Single(r => r.Name == "projet-00001").Badges);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_licence_over_512_KB_github_cannot_name_is_identified_from_its_bytes(bool cutText)
    {
        GitHub.TruncatedBlobsKeepText = cutText;
        // LiLiQ-R, then a long appendix: GitHub says NOASSERTION and cannot classify the blob.
        Replace("projet-00001", "LICENSE", Encoding.UTF8.GetBytes(StandInData.LiLiQRText + new string('\n', 1) + new string('=', 600 * 1024)));
        GitHub.Log.Clear();

        var repo = await SnapshotOf("projet-00001");

        Assert.Equal("LiLiQ-R-1.1", repo.License?.SpdxId);
        Assert.Equal(1, RestReadsOf("projet-00001", "LICENSE"));
    }

    [Fact]
    public async Task A_600_KB_readme_in_one_repository_changes_nothing_but_that_repositorys_row()
    {
        var output = Path.Combine(Dir, "README.md");
        var before = await Run("render", "--reader", "graphql", "--output", output);
        Assert.True(before.ExitCode == 0, before.Error);
        var expected = File.ReadAllLines(output);
        // The same header on top of 600 KB: the row may not change at all, and no other may.
        Replace(Big, "README.md", Encoding.UTF8.GetBytes(LargeReadme(ReadmeOf(Big))));

        var after = await Run("render", "--reader", "graphql", "--output", output);

        Assert.True(after.ExitCode == 0, after.Error);
        var actual = File.ReadAllLines(output);
        Assert.Equal(expected.Length, actual.Length);
        var changed = expected.Zip(actual).Where(p => p.First != p.Second).ToArray();
        Assert.All(changed, p => Assert.Contains(Big, p.Second, StringComparison.Ordinal));
    }
}
