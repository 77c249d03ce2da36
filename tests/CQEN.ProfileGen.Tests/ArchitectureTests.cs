using System.Text.RegularExpressions;
using CQEN.ProfileGen.Tests.Action;

namespace CQEN.ProfileGen.Tests;

/// <summary>The folder tree's promise (ARCHITECTURE.md): dependencies point one way, from the command line inward.</summary>
public partial class ArchitectureTests
{
    private static readonly string Source = Path.Combine(RepositoryCheckout.Root, "src", "CQEN.ProfileGen");

    public static TheoryData<string> InnerFolders => new() { "Audit", "Badges", "Cards", "Catalogue", "Configuration", "Doctor", "GitHub", "Licenses", "Publishing", "Rendering", "Snapshots" };

    [Theory]
    [MemberData(nameof(InnerFolders))]
    public void Nothing_inside_depends_on_the_command_line(string folder)
    {
        var offending = Directory.EnumerateFiles(Path.Combine(Source, folder), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(l => CommandLineReference().IsMatch(l.line))
            .Select(l => $"{Path.GetRelativePath(Source, l.file)}:{l.number}: {l.line.Trim()}")
            .ToArray();

        Assert.True(offending.Length == 0, string.Join("\n", offending));
    }

    [Theory]
    [MemberData(nameof(InnerFolders))]
    public void The_pure_core_and_the_adapter_do_not_write_to_the_console(string folder)
    {
        var offending = Directory.EnumerateFiles(Path.Combine(Source, folder), "*.cs", SearchOption.AllDirectories)
            .Where(file => File.ReadAllText(file).Contains("Console.", StringComparison.Ordinal))
            .ToArray();

        Assert.Empty(offending);
    }

    [Fact]
    public void The_check_recognises_a_reference_to_the_command_line()
    {
        Assert.Matches(CommandLineReference(), "using CQEN.ProfileGen.Cli;");
        Assert.Matches(CommandLineReference(), "    var s = Cli.RunSettings.Resolve(parse, env);");
        Assert.Matches(CommandLineReference(), "using System.CommandLine;");
        Assert.DoesNotMatch(CommandLineReference(), "/// <summary>Client of the API</summary>");
    }

    [GeneratedRegex(@"\bCQEN\.ProfileGen\.Cli\b|(?<![\w.])Cli\.[A-Z]|\bSystem\.CommandLine\b")]
    private static partial Regex CommandLineReference();
}
