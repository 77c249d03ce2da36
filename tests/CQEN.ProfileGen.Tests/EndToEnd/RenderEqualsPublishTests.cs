using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>
/// In a checkout `init` set up over a hand-written profile, `render` shows the page `publish`
/// proposes: the hand-written file with its regions filled, byte for byte.
/// </summary>
public sealed class RenderEqualsPublishTests() : EndToEndTest(repos: 12, token: "ghs_test-renderEqualsPublish00-000000000000000001")
{
    [Fact]
    public async Task Render_in_the_inited_checkout_equals_the_pull_request_s_file_byte_for_byte()
    {
        const string handWritten = "# Bienvenue\n\nTexte écrit à la main, gardé tel quel.\n";
        Directory.CreateDirectory(Path.Combine(Dir, "profile"));
        File.WriteAllText(Path.Combine(Dir, "profile", "README.md"), handWritten);
        Assert.Equal(0, (await Cli.RunAsync("init", "--org", Org)).ExitCode);
        // The administrator pushes what init wrote, then publishes.
        Profile.Commit("main", new Dictionary<string, string> { ["profile/README.md"] = File.ReadAllText(Path.Combine(Dir, "profile", "README.md")) });
        var config = Path.Combine(Dir, "profilegen.yml");

        var publish = await Run("publish", "--config", config);
        var render = await Run("render", "--config", config, "--output", "rendered.md");

        Assert.True(publish.ExitCode == 0, publish.Error);
        Assert.True(render.ExitCode == 0, render.Error);
        var proposed = Profile.TextAt("profilegen/profile-readme", "profile/README.md")!;
        Assert.StartsWith(handWritten, proposed, StringComparison.Ordinal);
        Assert.Equal(proposed, File.ReadAllText(Path.Combine(Dir, "rendered.md")));
    }

    [Fact]
    public async Task Render_with_regions_but_no_hand_written_file_says_so_and_writes_nothing()
    {
        File.WriteAllText(Path.Combine(Dir, "profilegen.yml"), "publish:\n  regions:\n    repos: repos.sbn\n");
        File.WriteAllText(Path.Combine(Dir, "repos.sbn"), "{{ repos.size }}\n");

        var render = await Run("render", "--output", "rendered.md");

        Assert.Equal(1, render.ExitCode);
        Assert.Contains("publish.regions: ", render.Error, StringComparison.Ordinal);
        Assert.Contains("profile/README.md does not exist", render.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Dir, "rendered.md")));
    }
}
