namespace CQEN.ProfileGen.Tests.Cli;

/// <summary>--output writes through the path the user named and refuses what is not a regular, writable file.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class OutputFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("profilegen-output-").FullName;
    private readonly CliHarness _cli = new();

    public OutputFileTests() => _cli.CurrentDirectory = _dir;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Task<CliResult> Render(string output) =>
        _cli.RunAsync("render", "--snapshot", CliHarness.Sample("cqen-qdce.snapshot.json"), "--output", output);

    [Fact]
    public async Task A_device_is_refused_and_stays_a_device()
    {
        var result = await Render("/dev/full");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--output: /dev/full is not a regular file", Assert.Single(result.ErrorLines));
        Assert.True(FilePath.IsSpecial("/dev/full"));
    }

    [Fact]
    public async Task A_link_is_written_through_and_stays_a_link()
    {
        var target = Path.Combine(_dir, "real.md");
        File.WriteAllText(target, "old");
        var link = Path.Combine(_dir, "link.md");
        File.CreateSymbolicLink(link, "real.md");

        Assert.Equal(0, (await Render(link)).ExitCode);

        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Contains("Nos dépôts", File.ReadAllText(target));
    }

    [Fact]
    public async Task A_read_only_file_is_left_as_it_is()
    {
        var path = Path.Combine(_dir, "locked.md");
        File.WriteAllText(path, "keep me");
        File.SetUnixFileMode(path, UnixFileMode.UserRead);

        var result = await Render(path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is read-only", result.Error);
        Assert.Equal("keep me", File.ReadAllText(path));
    }

    [Fact]
    public async Task A_regular_file_keeps_its_permissions_when_replaced()
    {
        var path = Path.Combine(_dir, "profile.md");
        File.WriteAllText(path, "old");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        Assert.Equal(0, (await Render(path)).ExitCode);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(path));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }
}
