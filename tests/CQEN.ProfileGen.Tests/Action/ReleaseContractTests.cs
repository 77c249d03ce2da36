namespace CQEN.ProfileGen.Tests.Action;

/// <summary>
/// The release workflow and the Action's launcher agree on what a release holds: the launcher
/// finds exactly the asset and checksum names the workflow uploads, for the four runner kinds.
/// </summary>
public sealed class ReleaseContractTests
{
    private static string Read(params string[] path) => File.ReadAllText(Path.Combine([RepositoryCheckout.Root, .. path]));

    [Fact]
    public void The_release_uploads_the_assets_the_launcher_looks_for()
    {
        var workflow = Read(".github", "workflows", "release.yml");
        var launcher = Read("action", "launch.sh");

        foreach (var (rid, os) in new[] { ("linux-x64", "ubuntu-latest"), ("linux-arm64", "ubuntu-24.04-arm"), ("win-x64", "windows-latest"), ("osx-arm64", "macos-latest") })
        {
            Assert.Contains($"- {{ rid: {rid}, os: {os} }}", workflow);
        }
        Assert.Contains("\"dist/profilegen-$VERSION-$RID.tar.gz\" -C \"publish/$RID\" profilegen", workflow);
        Assert.Contains("\"../../dist/profilegen-$VERSION-$RID.zip\" profilegen.exe", workflow);
        Assert.Contains("sha256sum -- * > SHA256SUMS", workflow);
        Assert.Contains("-p:PublishSingleFile=true -p:PublishReadyToRun=true", workflow);

        Assert.Contains("asset_name=\"profilegen-$version-$rid.$archive_ext\"", launcher);
        Assert.Contains("archive_ext=zip; exe=profilegen.exe; else archive_ext=tar.gz; exe=profilegen;", launcher);
        Assert.Contains("json asset \"$release\" SHA256SUMS", launcher);
    }

    [Fact]
    public void The_release_attests_the_build_provenance_of_every_asset_it_publishes()
    {
        var workflow = Read(".github", "workflows", "release.yml");

        Assert.Contains("uses: actions/attest-build-provenance@v4\n        with:\n          subject-path: |\n            dist/*\n", workflow);
        Assert.Contains("id-token: write", workflow);
        Assert.Contains("attestations: write", workflow);
        // The attestation comes before the release exists, so no published asset lacks one.
        Assert.True(workflow.IndexOf("attest-build-provenance", StringComparison.Ordinal) < workflow.IndexOf("gh release create", StringComparison.Ordinal));
    }

    [Fact]
    public void Archive_paths_reach_PowerShell_as_environment_never_as_command_text()
    {
        var launcher = Read("action", "launch.sh");
        var pwsh = launcher.Split('\n').Where(l => l.Contains("pwsh", StringComparison.Ordinal) || l.Contains("Expand-Archive", StringComparison.Ordinal)).ToArray();

        Assert.NotEmpty(pwsh);
        // A tag name holding a quote is in the archive's path: nothing of the shell's may be
        // expanded inside the -Command text (single-quoted in bash, it is read as is).
        var command = Assert.Single(pwsh, l => l.Contains("Expand-Archive", StringComparison.Ordinal));
        Assert.Equal("'Expand-Archive -LiteralPath $env:PROFILEGEN_ARCHIVE -DestinationPath $env:PROFILEGEN_STAGE -Force'", command.Trim());
        Assert.Contains("PROFILEGEN_ARCHIVE=\"$work/$asset_name\" PROFILEGEN_STAGE=\"$stage\" pwsh -NoProfile -NonInteractive -Command", launcher);
    }

    [Fact]
    public void The_Action_installs_no_SDK_unless_it_builds_from_source()
    {
        var action = Read("action.yml");

        Assert.Contains("run: bash \"$GITHUB_ACTION_PATH/action/launch.sh\" locate", action);
        Assert.Contains("- if: steps.locate.outputs.source-build == 'true'\n      uses: actions/setup-dotnet@v5", action);
        Assert.Equal(1, action.Split("uses: actions/setup-dotnet").Length - 1);
        Assert.Contains("bash \"$GITHUB_ACTION_PATH/action/launch.sh\" run \"${args[@]}\"", action);
        Assert.DoesNotContain("dotnet run", action);
    }
}
