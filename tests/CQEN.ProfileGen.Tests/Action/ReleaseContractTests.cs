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
