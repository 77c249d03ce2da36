using System.Text.Json.Nodes;
using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>
/// A GitHub App reads the organization's custom properties when the configuration names them: its
/// token is asked for "Custom properties: read" beside the rest (a token minted without it can
/// never read them, whatever the App was granted), and an App not granted it still runs, with the
/// notice that leaves that catalogue source out.
/// </summary>
public sealed class AppCustomPropertiesTests() : AppEndToEndTest
{
    protected override void Arrange(GitHubState state)
    {
        base.Arrange(state);
        state.Orgs[Org].CustomPropertySchema["lifecycle"] = "single_select";
        state.Repo(Org, "projet-00001").CustomProperties["lifecycle"] = ["Production"];
        File.WriteAllText(Path.Combine(Dir, "profilegen.yml"), "catalogue:\n  properties:\n    lifecycle: lifecycle\n");
    }

    private Task<CliResult> Snapshot() =>
        new CliHarness { Clock = TimeProvider.System, CurrentDirectory = Dir }.RunAsync("snapshot", "--api-url", GitHub.ApiUrl, "--org", Org, "--app-id", AppId, "--app-private-key-file", KeyFile);

    private static JsonNode? PropertiesOf(CliResult result, string repo) =>
        JsonNode.Parse(result.Out)!["repos"]!.AsArray().Single(r => (string?)r!["name"] == repo)!["custom_properties"];

    private string[] MintBodies => [.. GitHub.Log.All.Where(r => r.Path.EndsWith("/access_tokens", StringComparison.Ordinal)).Select(r => r.Body ?? "")];

    [Fact]
    public async Task An_App_granted_custom_properties_read_asks_its_token_for_it_and_reads_them()
    {
        lock (GitHub.State.Gate)
        {
            var app = GitHub.State.Apps[0];
            GitHub.State.Apps[0] = app with { Permissions = new Dictionary<string, string>(app.Permissions) { ["organization_custom_properties"] = "read" } };
        }

        var result = await Snapshot();

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("\"organization_custom_properties\":\"read\"", Assert.Single(MintBodies));
        Assert.Equal("Production", (string?)PropertiesOf(result, "projet-00001")!["lifecycle"]![0]);
        Assert.DoesNotContain("custom properties of 'org' were not read", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_App_not_granted_custom_properties_read_still_runs_and_says_they_were_not_read()
    {
        var result = await Snapshot();

        Assert.True(result.ExitCode == 0, result.Error);
        // Asked with it (refused, 422), then without it.
        Assert.Equal(2, MintBodies.Length);
        Assert.Contains("organization_custom_properties", MintBodies[0]);
        Assert.DoesNotContain("organization_custom_properties", MintBodies[1]);
        Assert.Contains("custom properties of 'org' were not read (403", result.Error, StringComparison.Ordinal);
        Assert.Null(PropertiesOf(result, "projet-00001"));
    }
}
