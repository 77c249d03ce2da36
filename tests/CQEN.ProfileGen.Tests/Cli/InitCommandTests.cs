namespace CQEN.ProfileGen.Tests.Cli;

public class InitCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("profilegen-init-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Writes_a_configuration_a_template_and_the_workflow_that_validate()
    {
        var cli = new CliHarness { CurrentDirectory = _dir };
        var init = await cli.RunAsync("init", "--org", "my-org", "--culture", "en");
        Assert.Equal(0, init.ExitCode);
        Assert.True(File.Exists(Path.Combine(_dir, ".github", "workflows", "profile-readme.yml")));
        Assert.Contains("org: \"my-org\"", File.ReadAllText(Path.Combine(_dir, "profilegen.yml")));

        // What init writes is immediately usable: the config and the copied template validate.
        var validate = await cli.RunAsync("validate");
        Assert.Equal(0, validate.ExitCode);
        Assert.Contains("profile.sbn", validate.Out);
    }

    [Fact]
    public async Task With_a_snapshot_the_starter_configuration_proposes_the_organization_s_own_lifecycles_as_commented_grouping_examples()
    {
        var cli = new CliHarness { CurrentDirectory = _dir };
        var init = await cli.RunAsync("init", "--org", "CQEN-QDCE", "--snapshot", CliHarness.Sample("cqen-qdce.snapshot.json"));
        Assert.True(init.ExitCode == 0, init.Error);

        var yml = File.ReadAllText(Path.Combine(_dir, "profilegen.yml"));
        // The sample's own words, in the order the page shows them; Dormant is its retired phase.
        Assert.Contains("  # order: [\"Phase Découverte\", \"Experimental\", \"Expérimentation\", \"Maturing\", \"Phase Bêta\"]", yml);
        Assert.Contains("  # collapse: [\"Dormant\"]", yml);
        Assert.Contains("  # hide: [\"Dormant\"]", yml);
        // Uncommented, they are valid configuration.
        File.WriteAllText(Path.Combine(_dir, "profilegen.yml"), yml.Replace("  # order:", "  order:", StringComparison.Ordinal).Replace("  # collapse:", "  collapse:", StringComparison.Ordinal).Replace("  # hide:", "  hide:", StringComparison.Ordinal));
        Assert.Equal(0, (await cli.RunAsync("validate")).ExitCode);
    }

    [Fact]
    public async Task Without_a_snapshot_the_grouping_examples_use_the_usual_lifecycle_words_and_an_unknown_snapshot_writes_nothing()
    {
        var cli = new CliHarness { CurrentDirectory = _dir };
        Assert.Equal(1, (await cli.RunAsync("init", "--org", "my-org", "--snapshot", "nope.json")).ExitCode);
        Assert.Empty(Directory.GetFileSystemEntries(_dir));

        Assert.Equal(0, (await cli.RunAsync("init", "--org", "my-org")).ExitCode);
        Assert.Contains("  # collapse: [\"Dormant\", \"Abandonné\"]", File.ReadAllText(Path.Combine(_dir, "profilegen.yml")));
    }

    [Theory]
    [InlineData(230, 15)]
    [InlineData(5_000, 25)]
    [InlineData(20_000, 90)]
    public async Task With_a_snapshot_the_starter_workflow_s_timeout_scales_with_the_organization_and_the_action_is_given_the_same(int repositories, int minutes)
    {
        var snapshot = new ProfileGen.Snapshots.OrgSnapshot
        {
            Org = new ProfileGen.Snapshots.OrgProfile { Login = "big-org", Url = "https://github.com/big-org" },
            Repos = [.. Enumerable.Range(0, repositories).Select(i => new ProfileGen.Snapshots.RepoSnapshot { Name = $"r{i}", FullName = $"big-org/r{i}", Url = $"https://github.com/big-org/r{i}" })],
        };
        var path = Path.Combine(Path.GetTempPath(), $"profilegen-init-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, ProfileGen.Snapshots.SnapshotJson.Serialize(snapshot));
        try
        {
            var cli = new CliHarness { CurrentDirectory = _dir };
            var init = await cli.RunAsync("init", "--org", "big-org", "--snapshot", path);
            Assert.True(init.ExitCode == 0, init.Error);

            var workflow = File.ReadAllLines(Path.Combine(_dir, ".github", "workflows", "profile-readme.yml"));
            Assert.Equal([$"    timeout-minutes: {minutes}", $"          timeout-minutes: {minutes}"], workflow.Where(l => l.TrimStart().StartsWith("timeout-minutes:", StringComparison.Ordinal)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Without_a_snapshot_the_starter_workflow_keeps_its_15_minutes_for_the_job_and_the_action()
    {
        var cli = new CliHarness { CurrentDirectory = _dir };
        Assert.Equal(0, (await cli.RunAsync("init", "--org", "my-org")).ExitCode);

        var workflow = File.ReadAllLines(Path.Combine(_dir, ".github", "workflows", "profile-readme.yml"));
        Assert.Equal(["    timeout-minutes: 15", "          timeout-minutes: 15"], workflow.Where(l => l.TrimStart().StartsWith("timeout-minutes:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Refuses_to_overwrite_and_then_writes_nothing()
    {
        var cli = new CliHarness { CurrentDirectory = _dir };
        File.WriteAllText(Path.Combine(_dir, "profilegen.yml"), "org: mine\n");
        var result = await cli.RunAsync("init", "--org", "my-org");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("profilegen.yml already exists", Assert.Single(result.ErrorLines));
        Assert.Equal("org: mine\n", File.ReadAllText(Path.Combine(_dir, "profilegen.yml")));
        Assert.False(File.Exists(Path.Combine(_dir, "profile.sbn")));
    }

    [Fact]
    public async Task Overwrites_with_force()
    {
        var cli = new CliHarness { CurrentDirectory = _dir };
        File.WriteAllText(Path.Combine(_dir, "profilegen.yml"), "org: mine\n");
        Assert.Equal(0, (await cli.RunAsync("init", "--org", "my-org", "--force")).ExitCode);
        Assert.Contains("org: \"my-org\"", File.ReadAllText(Path.Combine(_dir, "profilegen.yml")));
    }

    private string[] FilesWritten() =>
        [.. Directory.EnumerateFileSystemEntries(_dir, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(_dir, p)).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("-org")]
    [InlineData("org-")]
    [InlineData("my--org")]
    [InlineData("my org")]
    [InlineData("my_org")]
    [InlineData("org: {x: 1}")]
    [InlineData("orgànisation")]
    [InlineData("a-login-that-is-forty-characters-long-xx")]
    [InlineData("")]
    public async Task Refuses_an_org_that_is_not_a_GitHub_login_and_writes_nothing(string org)
    {
        var cli = new CliHarness { CurrentDirectory = _dir };
        var result = await cli.RunAsync("init", "--org", org);
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("--org:", line);
        Assert.Contains("nothing was written", line);
        Assert.DoesNotContain("bug", line);
        Assert.Empty(FilesWritten());
    }

    [Theory]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("0123")]
    [InlineData("a")]
    [InlineData("a-login-that-is-thirty-nine-characters")]
    public async Task Quotes_the_org_so_YAML_reads_it_back_as_the_same_login(string org)
    {
        var cli = new CliHarness { CurrentDirectory = _dir };
        Assert.Equal(0, (await cli.RunAsync("init", "--org", org)).ExitCode);
        Assert.Contains($"org: \"{org}\"", File.ReadAllText(Path.Combine(_dir, "profilegen.yml")));
        var validate = await cli.RunAsync("validate");
        Assert.True(validate.ExitCode == 0, validate.Error);
    }

    [Fact]
    public async Task Writes_nothing_when_dot_github_is_a_file()
    {
        var cli = new CliHarness { CurrentDirectory = _dir };
        File.WriteAllText(Path.Combine(_dir, ".github"), "not a folder\n");
        var result = await cli.RunAsync("init", "--org", "my-org");
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Equal("profilegen: error: init: .github is a file where init needs a folder (for .github/workflows/profile-readme.yml); nothing was written", line);
        Assert.Equal([".github"], FilesWritten());
    }

    [Fact]
    public async Task Writes_nothing_when_a_target_is_a_folder()
    {
        var cli = new CliHarness { CurrentDirectory = _dir };
        Directory.CreateDirectory(Path.Combine(_dir, "header.sbn"));
        var result = await cli.RunAsync("init", "--org", "my-org", "--force");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("header.sbn is a folder", Assert.Single(result.ErrorLines));
        Assert.Equal(["header.sbn"], FilesWritten());
    }

    [Fact]
    public async Task A_culture_the_tool_does_not_have_is_refused_and_nothing_is_written()
    {
        var cli = new CliHarness { CurrentDirectory = _dir };
        var result = await cli.RunAsync("init", "--org", "my-org", "--culture", "de");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("profilegen: error: --culture: Argument 'de' not recognized. Must be one of: 'fr-CA' 'en'", Assert.Single(result.ErrorLines));
        Assert.Empty(FilesWritten());
    }

    [Fact]
    public async Task Keeps_a_hand_written_profile_and_adds_the_region_at_its_end()
    {
        var cli = new CliHarness { CurrentDirectory = _dir };
        Directory.CreateDirectory(Path.Combine(_dir, "profile"));
        var readme = Path.Combine(_dir, "profile", "README.md");
        File.WriteAllBytes(readme, [0xEF, 0xBB, 0xBF, .. "# Nous\n\nÉcrit à la main."u8]);

        var result = await cli.RunAsync("init", "--org", "my-org", "--culture", "en");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal([0xEF, 0xBB, 0xBF, .. "# Nous\n\nÉcrit à la main.\n\n<!-- profilegen:begin repos -->\n<!-- profilegen:end repos -->\n"u8], File.ReadAllBytes(readme));
        Assert.Contains("## Our repositories", File.ReadAllText(Path.Combine(_dir, "repos.sbn")));
        Assert.EndsWith("  regions:\n    repos: repos.sbn\n", File.ReadAllText(Path.Combine(_dir, "profilegen.yml")));
        Assert.Contains("kept profile/README.md (hand-written)", result.Out);
        Assert.Equal(0, (await cli.RunAsync("validate")).ExitCode);
    }

    [Fact]
    public async Task Refuses_a_hand_written_profile_with_broken_markers_and_writes_nothing()
    {
        var cli = new CliHarness { CurrentDirectory = _dir };
        Directory.CreateDirectory(Path.Combine(_dir, "profile"));
        File.WriteAllText(Path.Combine(_dir, "profile", "README.md"), "# Nous\n<!-- profilegen:begin repos -->\n");

        var result = await cli.RunAsync("init", "--org", "my-org");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("profile/README.md:2:1: region 'repos' has no end marker", line);
        Assert.Equal(["profile", "profile/README.md"], FilesWritten());
    }

    [Fact]
    public async Task The_workflow_checks_out_without_credentials_asks_permissions_per_job_and_explains_pinning()
    {
        var cli = new CliHarness { CurrentDirectory = _dir };
        Assert.Equal(0, (await cli.RunAsync("init", "--org", "my-org")).ExitCode);
        var workflow = File.ReadAllText(Path.Combine(_dir, ".github", "workflows", "profile-readme.yml"));

        Assert.Contains("\npermissions: {}\n", workflow);
        Assert.Contains("    permissions:\n      contents: write\n      pull-requests: write\n", workflow);
        Assert.Contains("      - uses: actions/checkout@v5\n        with:\n          persist-credentials: false\n", workflow);
        Assert.Contains("pin the commit of a release", workflow);
        Assert.Contains("uses: CQEN-QDCE/profilegen@v1\n", workflow);
    }
}
