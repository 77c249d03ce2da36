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

    // ---- --force: all files or none, even when a rename is refused --------------------------

    private static readonly string Workflow = Path.Combine(".github", "workflows", "profile-readme.yml");

    /// <summary>A checkout init already wrote once, by hand-edited since: every file says "before".</summary>
    private Dictionary<string, string> CheckoutWrittenBefore()
    {
        var before = new Dictionary<string, string>
        {
            ["profilegen.yml"] = "org: before\n",
            ["profile.sbn"] = "before profile.sbn\n",
            [Workflow] = "before workflow\n",
        };
        foreach (var (name, text) in before)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(_dir, name))!);
            File.WriteAllText(Path.Combine(_dir, name), text);
        }
        File.SetUnixFileMode(Path.Combine(_dir, "profilegen.yml"), (UnixFileMode)0b110_100_000);
        return before;
    }

    private static Dictionary<string, string> After() => new()
    {
        ["profilegen.yml"] = "org: after\n",
        ["profile.sbn"] = "after profile.sbn\n",
        [Workflow] = "after workflow\n",
    };

    private string[] Entries() => [.. Directory.EnumerateFileSystemEntries(_dir, "*", SearchOption.AllDirectories).Select(e => Path.GetRelativePath(_dir, e)).Order(StringComparer.Ordinal)];

    [Fact]
    public void With_force_a_refused_rename_of_the_last_file_puts_back_every_file_already_replaced()
    {
        var before = CheckoutWrittenBefore();
        var entries = Entries();

        // The workflow's new text cannot be renamed into place (as when the disk, a lock or a
        // rule of the file system refuses it), after profilegen.yml and profile.sbn were.
        var error = Assert.Throws<InputException>(() => CQEN.ProfileGen.Application.ProfileInit.WriteAll(_dir, After(), (from, to) =>
        {
            if (from.EndsWith(".profilegen-init", StringComparison.Ordinal) && to.EndsWith("profile-readme.yml", StringComparison.Ordinal))
            {
                throw new IOException("rename refused");
            }
            File.Move(from, to, overwrite: true);
        }));

        Assert.StartsWith($"init: cannot write in {_dir}: rename refused", error.Message);
        Assert.EndsWith("; nothing was written", error.Message);
        foreach (var (name, text) in before)
        {
            Assert.Equal(text, File.ReadAllText(Path.Combine(_dir, name)));
        }
        Assert.Equal((UnixFileMode)0b110_100_000, File.GetUnixFileMode(Path.Combine(_dir, "profilegen.yml")));
        Assert.Equal(entries, Entries()); // no staged or set-aside file left behind
    }

    [Fact]
    public void With_force_a_file_that_cannot_be_put_back_is_said_so_and_never_called_nothing_written()
    {
        CheckoutWrittenBefore();

        // Every rename onto the workflow is refused, the one that would put the old one back too.
        var error = Assert.Throws<InputException>(() => CQEN.ProfileGen.Application.ProfileInit.WriteAll(_dir, After(), (from, to) =>
        {
            if (to.EndsWith("profile-readme.yml", StringComparison.Ordinal))
            {
                throw new IOException("rename refused");
            }
            File.Move(from, to, overwrite: true);
        }));

        Assert.DoesNotContain("nothing was written", error.Message);
        Assert.EndsWith("some files could not be put back: check the checkout with git status", error.Message);
        Assert.Equal("org: before\n", File.ReadAllText(Path.Combine(_dir, "profilegen.yml")));
    }

    [Fact]
    public void With_force_every_file_is_replaced_and_nothing_set_aside_is_left_behind()
    {
        CheckoutWrittenBefore();
        var entries = Entries();

        CQEN.ProfileGen.Application.ProfileInit.WriteAll(_dir, After());

        foreach (var (name, text) in After())
        {
            Assert.Equal(text, File.ReadAllText(Path.Combine(_dir, name)));
        }
        Assert.Equal((UnixFileMode)0b110_100_000, File.GetUnixFileMode(Path.Combine(_dir, "profilegen.yml")));
        Assert.Equal(entries, Entries());
    }
}
