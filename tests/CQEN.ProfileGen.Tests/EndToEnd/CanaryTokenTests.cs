using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>A canary token is used for every kind of run; it must appear in no output, file or error.</summary>
public sealed class CanaryTokenTests() : EndToEndTest(repos: 12)
{
    private const string Canary = "ghp_test-CANARYcanaryCANARYca-naryCANARY0123456";

    protected override void Arrange(GitHubState state) => state.AddToken(Canary);

    [Theory]
    [InlineData("GITHUB_TOKEN", false)]
    [InlineData("GH_TOKEN", false)]
    [InlineData("GITHUB_TOKEN", true)]
    public async Task The_token_never_leaves_the_process(string variable, bool debug)
    {
        var cli = new CliHarness { CurrentDirectory = Dir };
        cli.Variables[variable] = Canary;
        if (debug)
        {
            cli.Variables["PROFILEGEN_DEBUG"] = "1";
        }
        GitHub.AddFault(new Fault { PathPattern = "/orgs/broken-org$", Status = 500, Times = 100, Body = $$"""{"message":"echoing the request: Authorization: token {{Canary}}"}""" });
        GitHub.State.AddOrg("broken-org");

        var runs = new List<CliResult>
        {
            await cli.RunAsync("render", "--api-url", GitHub.ApiUrl, "--org", "org", "--output", "readme.md"),
            await cli.RunAsync("render", "--api-url", GitHub.ApiUrl, "--org", "org", "--reader", "rest"),
            await cli.RunAsync("snapshot", "--api-url", GitHub.ApiUrl, "--org", "org", "--output", "snapshot.json"),
            await cli.RunAsync("render", "--api-url", GitHub.ApiUrl, "--org", "no-such-org"),
            await cli.RunAsync("render", "--api-url", GitHub.ApiUrl, "--org", "broken-org", "--reader", "rest"),
            await cli.RunAsync("render", "--api-url", "http://127.0.0.1:1/api/v3", "--org", "org", "--reader", "rest"),
            await cli.RunAsync("publish", "--api-url", GitHub.ApiUrl, "--org", "org", "--dry-run"),
            await cli.RunAsync("publish", "--api-url", GitHub.ApiUrl, "--org", "org"),
            await cli.RunAsync("publish", "--api-url", GitHub.ApiUrl, "--org", "org", "--template", Template()),
            await cli.RunAsync("render", "--api-url", $"https://x:{Canary}@127.0.0.1/api/v3", "--org", "org"),
        };

        Assert.Equal([0, 0, 0, 1, 1, 1, 0, 0, 1, 1], runs.Select(r => r.ExitCode));
        foreach (var run in runs)
        {
            Assert.DoesNotContain(Canary, run.Out + run.Error);
            Assert.DoesNotContain("CANARYcanary", run.Out + run.Error);
        }
        foreach (var file in Directory.GetFiles(Dir, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }))
        {
            Assert.DoesNotContain("CANARYcanary", File.ReadAllText(file));
        }
        // Nor in anything sent to GitHub, nor in what the publish left there.
        Assert.All(GitHub.Log.All, r => Assert.DoesNotContain("CANARY", r.ToString() + r.Body));
        lock (GitHub.State.Gate)
        {
            var profile = GitHub.State.Repo("org", ".github");
            Assert.NotEmpty(profile.Pulls);
            Assert.All(profile.Pulls, p => Assert.DoesNotContain("CANARY", p.Title + p.Body + string.Concat(p.Comments)));
            Assert.All(profile.Git.Commits.Values, c => Assert.DoesNotContain("CANARY", c.Message));
            Assert.All(profile.Git.Blobs.Values, b => Assert.DoesNotContain("CANARY", System.Text.Encoding.UTF8.GetString(b)));
        }
    }

    // A template that tries to render the environment (the token is in it) through a linked folder.
    private string Template()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Dir, "templates")).FullName;
        var link = Path.Combine(folder, "procself");
        if (!File.Exists(link) && !Directory.Exists(link))
        {
            File.CreateSymbolicLink(link, "/proc/self");
        }
        var path = Path.Combine(folder, "profile.sbn");
        File.WriteAllText(path, "# {{ org.login }}\n{{ include 'procself/environ' }}\n");
        return path;
    }
}
