using System.Text.Json;
using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>One README nested 10,000 levels deep among 230 repositories: the other 229 are rendered, on both readers.</summary>
public sealed class HostileReadmeEndToEndTests() : EndToEndTest(repos: 229, token: "ghs_test-hostileReadme0000000-0000000000000001")
{
    protected override void Arrange(GitHubState state) =>
        state.AddRepo(Org, "zz-nested", r =>
        {
            r.Description = "Imbriqué";
            r.Commit("main", new Dictionary<string, string>
            {
                ["README.md"] = "[![img](https://img.shields.io/badge/Cycle%20de%20vie-Exp%C3%A9rimentation-339999)](https://www.quebec.ca/)\n\n" + new string('>', 10_000) + " x\n",
            });
        });

    private static string[] Listed(string markdown) =>
        System.Text.RegularExpressions.Regex.Matches(markdown, @"\[(projet-\d+)\]").Select(m => m.Groups[1].Value).Distinct().ToArray();

    [Theory]
    [InlineData("graphql")]
    [InlineData("rest")]
    public async Task One_readme_nested_ten_thousand_deep_leaves_the_other_repositories_rendered(string reader)
    {
        var render = await Run("render", "--reader", reader);

        Assert.True(render.ExitCode == 0, render.Error);
        Assert.Contains("[zz-nested]", render.Out);

        var audit = await Run("audit", "--json", "--reader", reader);
        Assert.True(audit.ExitCode == 0, audit.Error);
        var finding = JsonDocument.Parse(audit.Out).RootElement.GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("rule").GetString() == "readme-unreadable");
        Assert.Equal("zz-nested", finding.GetProperty("repo").GetString());
        Assert.StartsWith("README.md n'a pas pu être lu comme du Markdown (", finding.GetProperty("message").GetString()); // the profile is French (the default)

        // The same organization with a plain README there lists the same repositories.
        GitHub.State.Repo(Org, "zz-nested").Commit("main", new Dictionary<string, string> { ["README.md"] = "# zz-nested\n" });
        var plain = await Run("render", "--reader", reader);
        Assert.Equal(Listed(plain.Out), Listed(render.Out));
        Assert.True(Listed(render.Out).Length > 200);
    }
}
