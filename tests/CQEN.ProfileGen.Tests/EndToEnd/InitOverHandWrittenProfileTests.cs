using System.Text;
using System.Text.Json;
using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>
/// An organization that already has a hand-written profile runs `init`, pushes what it wrote,
/// and asks for the first pull request: it only adds lines; none of the hand-written ones go.
/// </summary>
public sealed class InitOverHandWrittenProfileTests() : EndToEndTest(repos: 12, token: "ghs_test-initHandWritten00000-000000000000000001", canWrite: false)
{
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
        var dotGithub = GitHub.State.Repo("org", ".github");
        dotGithub.Commit("main", new Dictionary<string, string> { ["profile/README.md"] = handWritten });
        Directory.CreateDirectory(Path.Combine(Dir, "profile"));
        File.WriteAllText(Path.Combine(Dir, "profile", "README.md"), handWritten);

        var init = await Cli.RunAsync("init", "--org", "org");
        Assert.True(init.ExitCode == 0, init.Error);
        var withRegion = File.ReadAllText(Path.Combine(Dir, "profile", "README.md"));
        Assert.StartsWith(handWritten, withRegion);
        Assert.Contains("regions:\n    repos: repos.sbn", File.ReadAllText(Path.Combine(Dir, "profilegen.yml")));

        // The administrator commits and pushes what init wrote.
        dotGithub.Commit("main", new Dictionary<string, string> { ["profile/README.md"] = withRegion });
        var dryRun = await Cli.RunAsync("publish", "--dry-run", "--json", "--api-url", GitHub.ApiUrl, "--config", Path.Combine(Dir, "profilegen.yml"));

        Assert.True(dryRun.ExitCode == 0, dryRun.Error);
        using var outcome = JsonDocument.Parse(dryRun.Out);
        var diff = outcome.RootElement.GetProperty("diff");
        var expectedRemoved = kind == "a repos region already there" ? 1 : 0; // only the region's old inside ("ancienne liste")
        Assert.Equal(expectedRemoved, diff.GetProperty("removed").GetInt32());
        Assert.True(diff.GetProperty("added").GetInt32() > 10);
        Assert.Equal("would-create", outcome.RootElement.GetProperty("status").GetString());
    }
}
