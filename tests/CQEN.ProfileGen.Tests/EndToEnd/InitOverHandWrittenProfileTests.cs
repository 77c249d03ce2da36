using System.Text;
using System.Text.Json;
using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>
/// An organization that already has a hand-written profile runs `init`, pushes what it wrote,
/// and asks for the first pull request: it only adds lines; none of the hand-written ones go.
/// </summary>
public sealed class InitOverHandWrittenProfileTests : IAsyncLifetime
{
    private const string Token = "ghs_test-initHandWritten00000-000000000000000001";
    private readonly string _checkout = Directory.CreateTempSubdirectory("profilegen-dotgithub-").FullName;
    private readonly CliHarness _cli = new();
    private StandInGitHubServer _github = null!;

    public async Task InitializeAsync()
    {
        _github = await StandInGitHubServer.StartAsync();
        StandInData.GenerateOrg(_github.State, "org", 12);
        _github.State.AddToken(Token, canWrite: false);
        _cli.Variables["GITHUB_TOKEN"] = Token;
        _cli.CurrentDirectory = _checkout;
    }

    public async Task DisposeAsync()
    {
        await _github.DisposeAsync();
        Directory.Delete(_checkout, recursive: true);
    }

    public static TheoryData<string, string> HandWrittenProfiles => new()
    {
        // CQEN-QDCE's own profile: an ENTETE header (badges, logo), prose, links, no final newline.
        { "CQEN-QDCE", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corpus", "dot-github", "profile", "README.md")) },
        { "CRLF, no markers", "# Bienvenue\r\n\r\nTexte écrit à la main.\r\n- un lien\r\n" },
        { "a repos region already there", "# Nous\n\n<!-- profilegen:begin repos -->\nancienne liste\n<!-- profilegen:end repos -->\n\nPied de page.\n" },
    };

    [Theory]
    [MemberData(nameof(HandWrittenProfiles))]
    public async Task The_first_dry_run_after_init_removes_no_hand_written_line(string kind, string handWritten)
    {
        Assert.NotEmpty(kind);
        var dotGithub = _github.State.Repo("org", ".github");
        dotGithub.Commit("main", new Dictionary<string, string> { ["profile/README.md"] = handWritten });
        Directory.CreateDirectory(Path.Combine(_checkout, "profile"));
        File.WriteAllText(Path.Combine(_checkout, "profile", "README.md"), handWritten);

        var init = await _cli.RunAsync("init", "--org", "org");
        Assert.True(init.ExitCode == 0, init.Error);
        var withRegion = File.ReadAllText(Path.Combine(_checkout, "profile", "README.md"));
        Assert.StartsWith(handWritten, withRegion);
        Assert.Contains("regions:\n    repos: repos.sbn", File.ReadAllText(Path.Combine(_checkout, "profilegen.yml")));

        // The administrator commits and pushes what init wrote.
        dotGithub.Commit("main", new Dictionary<string, string> { ["profile/README.md"] = withRegion });
        var dryRun = await _cli.RunAsync("publish", "--dry-run", "--json", "--api-url", _github.ApiUrl, "--config", Path.Combine(_checkout, "profilegen.yml"));

        Assert.True(dryRun.ExitCode == 0, dryRun.Error);
        using var outcome = JsonDocument.Parse(dryRun.Out);
        var diff = outcome.RootElement.GetProperty("diff");
        var expectedRemoved = kind == "a repos region already there" ? 1 : 0; // only the region's old inside ("ancienne liste")
        Assert.Equal(expectedRemoved, diff.GetProperty("removed").GetInt32());
        Assert.True(diff.GetProperty("added").GetInt32() > 10);
        Assert.Equal("would-create", outcome.RootElement.GetProperty("status").GetString());
    }
}
