namespace CQEN.ProfileGen.Tests.Cli;

public class HelpTests
{
    [Theory]
    [InlineData("render")]
    [InlineData("snapshot")]
    [InlineData("validate")]
    public async Task Every_verb_has_help_that_lists_its_options(string verb)
    {
        var result = await new CliHarness().RunAsync(verb, "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--config", result.Out);
        Assert.Contains("Usage:", result.Out);
    }

    [Fact]
    public async Task The_root_help_lists_the_verbs()
    {
        var result = await new CliHarness().RunAsync("--help");
        Assert.Equal(0, result.ExitCode);
        foreach (var verb in new[] { "render", "snapshot", "validate" })
        {
            Assert.Contains(verb, result.Out);
        }
    }

    [Fact]
    public async Task Version_prints_the_tool_version()
    {
        var result = await new CliHarness().RunAsync("--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Out.Trim());
    }
}
