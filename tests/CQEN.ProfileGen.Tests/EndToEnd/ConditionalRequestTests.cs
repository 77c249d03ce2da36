using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>
/// With --cache-dir, a second REST run asks with If-None-Match and gets 304s, which cost no rate
/// limit; and, as the read cache keeps what each unchanged repository's files said, it asks only
/// for the organization and its list.
/// </summary>
public sealed class ConditionalRequestTests() : EndToEndTest(repos: 120, token: "ghs_test-etagToken00000000000-00000000000000001")
{
    private string Cache => Path.Combine(Dir, "cache");

    protected override void Arrange(GitHubState state) => Directory.CreateDirectory(Cache);

    private Task<CliResult> Render() => Run("render", "--reader", "rest", "--cache-dir", Cache);

    // The organization, then its 121 repositories (120 and .github) in list pages of 100.
    private const int OrganizationAndList = 3;

    [Fact]
    public async Task A_second_run_asks_only_for_the_organization_and_its_list_is_answered_with_304s_and_renders_the_same()
    {
        var first = await Render();
        Assert.Equal(0, first.ExitCode);
        Assert.True(GitHub.Log.All.Count > 100);
        GitHub.Log.Clear();

        var second = await Render();

        Assert.Equal(first.Out, second.Out);
        Assert.Equal(OrganizationAndList, GitHub.Log.All.Count);
        Assert.All(GitHub.Log.All, r => Assert.True(r.Status == 304, r.ToString()));
    }

    [Fact]
    public async Task A_change_on_github_is_seen_through_the_cache()
    {
        await Render();
        lock (GitHub.State.Gate)
        {
            GitHub.State.Repo("org", "projet-00001").Description = "Décrit autrement";
        }
        var second = await Render();
        Assert.Contains("Décrit autrement", second.Out);
        Assert.Contains(GitHub.Log.All, r => r.Status == 200 && r.Path.EndsWith("/orgs/org/repos", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_token_as_every_actions_run_has_still_gets_304s_for_what_did_not_change()
    {
        var first = await Render();
        GitHub.State.AddToken("ghs_test-otherToken0000000000-00000000000000002");
        Cli.Variables["GITHUB_TOKEN"] = "ghs_test-otherToken0000000000-00000000000000002";
        GitHub.Log.Clear();

        var second = await Render();

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(first.Out, second.Out);
        Assert.Equal(OrganizationAndList, GitHub.Log.All.Count(r => r.Status == 304));
    }

    [Fact]
    public async Task A_kept_answer_is_served_only_when_github_says_this_token_s_answer_is_unchanged()
    {
        await Render();
        lock (GitHub.State.Gate)
        {
            GitHub.State.Repo("org", "projet-00002").Description = "Ce que l'autre jeton voit";
        }
        GitHub.State.AddToken("ghs_test-otherToken0000000000-00000000000000002");
        Cli.Variables["GITHUB_TOKEN"] = "ghs_test-otherToken0000000000-00000000000000002";

        var second = await Render();

        Assert.Contains("Ce que l'autre jeton voit", second.Out);
    }
}
