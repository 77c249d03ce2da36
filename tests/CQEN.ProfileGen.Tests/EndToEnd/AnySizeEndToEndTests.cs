using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Publishing;
using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>An organization of several thousand repositories: the pull request stays reviewable on GitHub.</summary>
public sealed class AnySizeEndToEndTests : IAsyncLifetime
{
    private const string Token = "ghs_test-anySizeToken00000000-00000000000000001";
    private const int Repositories = 3_000;
    private StandInGitHubServer _github = null!;
    private readonly CliHarness _cli = new();

    public async Task InitializeAsync()
    {
        _github = await StandInGitHubServer.StartAsync();
        StandInData.GenerateOrg(_github.State, "org", Repositories);
        _github.State.AddToken(Token);
        _cli.Variables["GITHUB_TOKEN"] = Token;
    }

    public async Task DisposeAsync() => await _github.DisposeAsync();

    [Fact]
    public async Task Publishing_three_thousand_repositories_writes_a_readme_under_the_budget_and_a_pull_request_body_with_capped_lists()
    {
        var result = await _cli.RunAsync("publish", "--api-url", _github.ApiUrl, "--org", "org");

        Assert.True(result.ExitCode == 0, result.Error);
        var profile = _github.State.Repo("org", ".github");
        var readme = profile.TextAt("profilegen/profile-readme", "profile/README.md")!;
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(readme), 1, SizeLimits.DefaultMaxBytes);
        // The exact count of the repositories the default filters keep (public, not archived, not forks), all of them.
        var kept = _github.State.Repos.Values.Count(r => r.Owner == "org" && r.Visibility == "public" && !r.Archived && !r.Fork && r.Name != ".github");
        Assert.Contains($"{kept / 1000}\u00A0{kept % 1000:000} dépôts", readme, StringComparison.Ordinal);
        Assert.Contains(" autres : [la liste complète sur GitHub](", readme, StringComparison.Ordinal);

        var body = Assert.Single(profile.Pulls).Body;
        Assert.InRange(body.Length, 1, PullRequestText.MaxBodyLength);
        var listed = body.Split('\n').Count(l => l.StartsWith("- `", StringComparison.Ordinal));
        Assert.Equal(PullRequestText.MaxNamesPerList, listed); // one list (added), capped
        Assert.Contains("- … et ", body, StringComparison.Ordinal);
    }
}
