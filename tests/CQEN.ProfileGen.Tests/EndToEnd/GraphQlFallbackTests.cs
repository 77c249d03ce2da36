using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

public sealed class GraphQlFallbackTests() : EndToEndTest(repos: 12, token: "ghs_test-fallback000000000000-00000000000000001")
{
    protected override void Arrange(GitHubState state)
    {
        state.AddRepo("org", "lowercase-readme", r => r.Commit("main", new Dictionary<string, string>
        {
            ["readme.md"] = "[![img](https://img.shields.io/badge/Cycle%20de%20Vie-Phase%20B%C3%AAta-339999)](x)\n# lower\n",
            ["LICENCE.txt"] = StandInData.LiLiQRText,
        }));
        state.Repo("org", "lowercase-readme").License = ("other", "Other", "NOASSERTION");
        // A name GitHub's detector (licensee) reads and the tool once did not: COPYRIGHT.
        state.AddRepo("org", "copyright-file", r =>
        {
            r.License = ("other", "Other", "NOASSERTION");
            r.Commit("main", new Dictionary<string, string> { ["README.md"] = "# copyright\n", ["COPYRIGHT"] = StandInData.LiLiQPText });
        });
    }

    [Fact]
    public async Task A_licence_kept_in_a_file_github_s_detector_reads_such_as_COPYRIGHT_is_identified_and_linked()
    {
        var result = await Run("render");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("[LiLiQ-P](https://github.com/org/copyright-file/blob/main/COPYRIGHT)", result.Out);
    }

    [Fact]
    public async Task A_server_without_graphql_is_read_with_rest_and_gives_the_same_readme()
    {
        var graphql = await Run("render");
        GitHub.AddFault(new Fault { Method = "POST", PathPattern = "/graphql$", Status = 404, Times = 100, Body = """{"message":"Not Found","documentation_url":"https://docs.github.com/rest"}""" });
        GitHub.Log.Clear();
        var fallback = await Run("render");
        Assert.Equal(0, fallback.ExitCode);
        Assert.Contains(GitHub.Log.All, r => r.Path.EndsWith("/orgs/org/repos", StringComparison.Ordinal));
        Assert.Equal(Health.HealthSection.Without(graphql.Out), Health.HealthSection.Without(fallback.Out));
    }

    [Fact]
    public async Task Graphql_only_is_an_error_when_graphql_is_missing()
    {
        GitHub.AddFault(new Fault { Method = "POST", PathPattern = "/graphql$", Status = 404, Times = 100, Body = """{"message":"Not Found"}""" });
        var result = await Run("render", "--reader", "graphql");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("GraphQL API is not available", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task A_readme_not_named_README_md_and_an_unusual_licence_file_are_fetched_in_a_batched_graphql_request()
    {
        var result = await Run("render");
        Assert.Equal(0, result.ExitCode);
        var beta = result.Out[result.Out.IndexOf("### Phase Bêta", StringComparison.Ordinal)..];
        beta = beta[..(beta.IndexOf("\n### ", 1, StringComparison.Ordinal) is > 0 and var end ? end : beta.Length)];
        Assert.Contains("| [lowercase-readme](https://github.com/org/lowercase-readme) |", beta); // the badge of readme.md was read
        Assert.Contains("[LiLiQ-R](https://github.com/org/lowercase-readme/blob/main/LICENCE.txt)", result.Out);
        Assert.Contains(GitHub.Log.All, r => r.Body?.Contains("query Files", StringComparison.Ordinal) == true && r.Body.Contains("HEAD:readme.md", StringComparison.Ordinal));
        Assert.DoesNotContain(GitHub.Log.All, r => r.Path.StartsWith("/api/v3/repos/", StringComparison.Ordinal));
    }
}
