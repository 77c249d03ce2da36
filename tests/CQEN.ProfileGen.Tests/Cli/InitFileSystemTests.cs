namespace CQEN.ProfileGen.Tests.Cli;

/// <summary>
/// `init` and the file system of the checkout: links that lead out of it are refused, links
/// inside it are written through (never replaced by a copy), file modes are kept, read-only
/// files are refused, and a hand-written profile ending in an unclosed fence is refused at its line.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class InitFileSystemTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("profilegen-init-fs-").FullName;
    private readonly string _outside = Directory.CreateTempSubdirectory("profilegen-init-outside-").FullName;
    private readonly CliHarness _cli = new();

    public InitFileSystemTests() => _cli.CurrentDirectory = _dir;

    public void Dispose()
    {
        Directory.Delete(_dir, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }

    private async Task<string> RefusedAsync(params string[] args)
    {
        var result = await _cli.RunAsync(["init", "--org", "my-org", .. args]);
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.EndsWith("nothing was written", line);
        Assert.False(File.Exists(Path.Combine(_dir, "profilegen.yml")), "nothing may be written");
        return line;
    }

    [Fact]
    public async Task A_github_folder_linked_outside_the_checkout_is_refused_and_nothing_is_written_there()
    {
        Directory.CreateSymbolicLink(Path.Combine(_dir, ".github"), _outside);

        Assert.Contains(".github/workflows/profile-readme.yml leads out of the checkout through a link", await RefusedAsync());
        Assert.Empty(Directory.EnumerateFileSystemEntries(_outside));
    }

    [Fact]
    public async Task A_profile_linked_to_a_file_outside_the_checkout_is_refused_and_not_copied_in()
    {
        var secret = Path.Combine(_outside, "notes.md");
        File.WriteAllText(secret, "# private notes\n");
        Directory.CreateDirectory(Path.Combine(_dir, "profile"));
        File.CreateSymbolicLink(Path.Combine(_dir, "profile", "README.md"), secret);

        Assert.Contains("profile/README.md leads out of the checkout through a link", await RefusedAsync());
        Assert.Equal("# private notes\n", File.ReadAllText(secret));
    }

    [Fact]
    public async Task A_profile_linked_inside_the_checkout_is_written_through_and_stays_a_link()
    {
        File.WriteAllText(Path.Combine(_dir, "README.md"), "# Bienvenue\n");
        Directory.CreateDirectory(Path.Combine(_dir, "profile"));
        var link = Path.Combine(_dir, "profile", "README.md");
        File.CreateSymbolicLink(link, "../README.md");

        var result = await _cli.RunAsync("init", "--org", "my-org");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("../README.md", new FileInfo(link).LinkTarget);
        Assert.Contains("<!-- profilegen:begin repos -->", File.ReadAllText(Path.Combine(_dir, "README.md")));
    }

    [Fact]
    public async Task A_read_only_profile_is_refused_and_keeps_its_text_and_mode()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "profile"));
        var readme = Path.Combine(_dir, "profile", "README.md");
        File.WriteAllText(readme, "# Bienvenue\n");
        File.SetUnixFileMode(readme, UnixFileMode.UserRead | UnixFileMode.GroupRead);

        Assert.Contains("profile/README.md is read-only", await RefusedAsync());
        Assert.Equal("# Bienvenue\n", File.ReadAllText(readme));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead, File.GetUnixFileMode(readme));
    }

    [Fact]
    public async Task A_file_replaced_with_force_keeps_its_mode()
    {
        var config = Path.Combine(_dir, "profilegen.yml");
        File.WriteAllText(config, "org: mine\n");
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        File.SetUnixFileMode(config, mode);

        Assert.Equal(0, (await _cli.RunAsync("init", "--org", "my-org", "--force")).ExitCode);

        Assert.Contains("org: \"my-org\"", File.ReadAllText(config));
        Assert.Equal(mode, File.GetUnixFileMode(config));
    }

    [Theory]
    [InlineData("# Bienvenue\n\n```sh\nnpm install\n", 3)]
    [InlineData("# Bienvenue\n\n~~~\ncode\n", 3)]
    [InlineData("# Bienvenue\n\n```\nclosed\n```\n\n````md\n```\n", 7)]
    public async Task A_hand_written_profile_ending_in_an_unclosed_fence_is_refused_at_the_fence(string text, int line)
    {
        Directory.CreateDirectory(Path.Combine(_dir, "profile"));
        var readme = Path.Combine(_dir, "profile", "README.md");
        File.WriteAllText(readme, text);

        Assert.Contains($"profile/README.md:{line}: this code fence is never closed", await RefusedAsync());
        Assert.Equal(text, File.ReadAllText(readme));
    }
}
