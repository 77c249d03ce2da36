using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>With --cache-dir, a second REST run asks with If-None-Match and gets 304s, which cost no rate limit.</summary>
public sealed class ConditionalRequestTests : IAsyncLifetime, IDisposable
{
    private const string Token = "ghs_test-etagToken00000000000-00000000000000001";
    private StandInGitHubServer _github = null!;
    private readonly CliHarness _cli = new();
    private readonly string _cache = Directory.CreateTempSubdirectory("profilegen-cache-").FullName;

    public async Task InitializeAsync()
    {
        _github = await StandInGitHubServer.StartAsync();
        StandInData.GenerateOrg(_github.State, "org", 120);
        _github.State.AddToken(Token);
        _cli.Variables["GITHUB_TOKEN"] = Token;
    }

    public async Task DisposeAsync() => await _github.DisposeAsync();

    public void Dispose() => Directory.Delete(_cache, true);

    private Task<CliResult> Render() => _cli.RunAsync("render", "--api-url", _github.ApiUrl, "--org", "org", "--reader", "rest", "--cache-dir", _cache);

    [Fact]
    public async Task A_second_run_is_answered_with_304s_and_renders_the_same()
    {
        var first = await Render();
        Assert.Equal(0, first.ExitCode);
        var requests = _github.Log.All.Count;
        _github.Log.Clear();

        var second = await Render();

        Assert.Equal(first.Out, second.Out);
        Assert.Equal(requests, _github.Log.All.Count);
        // Every answer that had a body is now a 304; what does not exist (no README, no licence) stays 404.
        Assert.All(_github.Log.All, r => Assert.True(r.Status is 304 or 404, r.ToString()));
        Assert.True(_github.Log.All.Count(r => r.Status == 304) > 100);
    }

    [Fact]
    public async Task A_change_on_github_is_seen_through_the_cache()
    {
        await Render();
        lock (_github.State.Gate)
        {
            _github.State.Repo("org", "projet-00001").Description = "Décrit autrement";
        }
        var second = await Render();
        Assert.Contains("Décrit autrement", second.Out);
        Assert.Contains(_github.Log.All, r => r.Status == 200 && r.Path.EndsWith("/orgs/org/repos", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_token_never_gets_the_first_token_s_answers()
    {
        await Render();
        _github.State.AddToken("ghs_test-otherToken0000000000-00000000000000002");
        _cli.Variables["GITHUB_TOKEN"] = "ghs_test-otherToken0000000000-00000000000000002";
        _github.Log.Clear();
        Assert.Equal(0, (await Render()).ExitCode);
        Assert.DoesNotContain(_github.Log.All, r => r.Status == 304);
    }
}
