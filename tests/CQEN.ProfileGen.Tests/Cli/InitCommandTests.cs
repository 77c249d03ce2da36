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
        Assert.Contains("org: my-org", File.ReadAllText(Path.Combine(_dir, "profilegen.yml")));

        // What init writes is immediately usable: the config and the copied template validate.
        var validate = await cli.RunAsync("validate");
        Assert.Equal(0, validate.ExitCode);
        Assert.Contains("profile.sbn", validate.Out);
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
        Assert.Contains("org: my-org", File.ReadAllText(Path.Combine(_dir, "profilegen.yml")));
    }
}
