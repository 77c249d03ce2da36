using CQEN.ProfileGen.Cli;

namespace CQEN.ProfileGen.Tests.Cli;

public class GitHubActionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("profilegen-actions-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    [Theory]
    [InlineData("profilegen.yml:3:18: 'x' must be true or false", "::error file=profilegen.yml,line=3,col=18::'x' must be true or false")]
    [InlineData("templates/a,b.sbn:1:2: 100% broken", "::error file=templates/a%2Cb.sbn,line=1,col=2::100%25 broken")]
    [InlineData("GitHub found no organization 'x' (404)", "::error::GitHub found no organization 'x' (404)")]
    public void Errors_become_annotations_on_the_file_and_line(string message, string expected) =>
        Assert.Equal(expected, GitHubActions.ErrorAnnotation(message));

    [Fact]
    public async Task A_configuration_error_in_an_action_is_annotated()
    {
        File.WriteAllText(Path.Combine(_dir, "profilegen.yml"), "sort: random\n");
        var cli = new CliHarness { CurrentDirectory = _dir };
        cli.Variables["GITHUB_ACTIONS"] = "true";
        var result = await cli.RunAsync("render", "--snapshot", CliHarness.Sample("cqen-qdce.snapshot.json"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("::error file=", result.Error);
        Assert.Contains("profilegen.yml,line=1,col=7::'sort' must be one of name, pushed, stars (got 'random')", result.Error);
    }
}
