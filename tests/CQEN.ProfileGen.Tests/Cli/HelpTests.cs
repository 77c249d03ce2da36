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

    [Theory]
    [InlineData("render")]
    [InlineData("snapshot")]
    [InlineData("validate")]
    [InlineData("publish")]
    [InlineData("init")]
    [InlineData("audit")]
    [InlineData("doctor")]
    public async Task Help_verb_prints_exactly_what_verb_dash_dash_help_prints(string verb)
    {
        var viaHelp = await new CliHarness().RunAsync("help", verb);
        var viaOption = await new CliHarness().RunAsync(verb, "--help");

        Assert.Equal(0, viaHelp.ExitCode);
        Assert.Contains($" {verb} [options]", viaHelp.Out, StringComparison.Ordinal);
        Assert.Equal(viaOption.Out, viaHelp.Out);
        Assert.Equal("", viaHelp.Error);
    }

    [Fact]
    public async Task Help_alone_prints_the_root_help_with_every_verb()
    {
        var viaHelp = await new CliHarness().RunAsync("help");

        Assert.Equal(0, viaHelp.ExitCode);
        Assert.Equal((await new CliHarness().RunAsync("--help")).Out, viaHelp.Out);
        Assert.Contains("help <VERB>", viaHelp.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_for_a_mistyped_verb_is_one_line_suggesting_the_verb()
    {
        var result = await new CliHarness().RunAsync("help", "pubilsh");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("profilegen: error: help: unknown verb 'pubilsh' (did you mean 'publish'?) (see 'profilegen --help')", Assert.Single(result.ErrorLines));
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Version_prints_the_tool_version()
    {
        var result = await new CliHarness().RunAsync("--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Out.Trim());
    }
}
