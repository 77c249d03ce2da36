namespace CQEN.ProfileGen.Tests.Docs;

/// <summary>The README's two commands for a fresh machine are, byte for byte, commands CI runs (.ci/run), so they stay true.</summary>
public sealed class ReadmeCommandsTests
{
    [Fact]
    public void The_readme_s_two_commands_are_commands_ci_runs()
    {
        var commands = Commands(DocsPage.Read("README.md"));
        var ci = DocsPage.Read(".ci/run").ReplaceLineEndings("\n").Split('\n');

        Assert.Equal(2, commands.Count);
        Assert.All(commands, command => Assert.True(CiRuns(ci, command), $"README command not in .ci/run as written: {command}"));
    }

    [Fact]
    public void A_command_ci_does_not_run_is_caught()
    {
        var ci = new[] { "dotnet run --no-build --project src/CQEN.ProfileGen -- render > /tmp/x.md", "dotnet test CQEN.ProfileGen.sln 2>&1 | tee log" };

        Assert.True(CiRuns(ci, "dotnet test CQEN.ProfileGen.sln"));
        Assert.False(CiRuns(ci, "dotnet run --project src/CQEN.ProfileGen -- render"));
        Assert.False(CiRuns(ci, "dotnet test CQEN.ProfileGen"));
    }

    // A line of CI that is the command, or the command followed by a redirection or a pipe.
    private static bool CiRuns(string[] ci, string command) =>
        ci.Any(line => line == command || line.StartsWith(command + " ", StringComparison.Ordinal));

    // The lines of the sh block under "## Two commands on a fresh machine", comments left out.
    private static List<string> Commands(string readme)
    {
        var lines = readme.ReplaceLineEndings("\n").Split('\n');
        var section = lines.SkipWhile(l => l != "## Two commands on a fresh machine").ToArray();
        Assert.True(section.Length > 0, "README.md has no section '## Two commands on a fresh machine'");
        return [.. section.SkipWhile(l => l != "```sh").Skip(1).TakeWhile(l => l != "```").Where(l => l.Length > 0 && !l.StartsWith('#'))];
    }
}
