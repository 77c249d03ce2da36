using System.Text.RegularExpressions;
using CQEN.ProfileGen.Tests.Action;

namespace CQEN.ProfileGen.Tests;

/// <summary>The folder tree's promise (ARCHITECTURE.md): dependencies point one way, from the command line inward.</summary>
public partial class ArchitectureTests
{
    private static readonly string Source = Path.Combine(RepositoryCheckout.Root, "src", "CQEN.ProfileGen");

    public static TheoryData<string> InnerFolders => new() { "Application", "Audit", "Badges", "Catalogue", "Configuration", "Doctor", "GitHub", "Health", "Licenses", "Publishing", "Rendering", "Snapshots" };

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

    /// <summary>The folder graph, bound once by the compiler for every test that asks.</summary>
    private static readonly Lazy<SourceFolderGraph> Graph = new(() => SourceFolderGraph.Of(Source));

    /// <summary>docs/architecture.md's "Who may use whom" table: folder → the folders it may use.</summary>
    internal static IReadOnlyDictionary<string, IReadOnlySet<string>> AllowedUses(string markdown) =>
        markdown.ReplaceLineEndings("\n").Split('\n')
            .SkipWhile(l => !l.StartsWith("| folder | may use |", StringComparison.Ordinal)).Skip(2)
            .TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim('|').Split('|'))
            .ToDictionary(
                cells => cells[0].Trim(),
                cells => (IReadOnlySet<string>)cells[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal),
                StringComparer.Ordinal);

    private static IReadOnlyDictionary<string, IReadOnlySet<string>> Allowed =>
        AllowedUses(File.ReadAllText(Path.Combine(RepositoryCheckout.Root, "docs", "architecture.md")));

    [Fact]
    [Trait("Category", "Slow")] // compiles the whole tool with Roslyn: not in the fast subset (tests/unit.runsettings)
    public void Every_folder_uses_only_the_folders_docs_architecture_allows()
    {
        var allowed = Allowed;
        var forbidden = Graph.Value.Edges
            .Where(e => !allowed.TryGetValue(e.Key.From, out var to) || !to.Contains(e.Key.To))
            .OrderBy(e => e.Key.From, StringComparer.Ordinal).ThenBy(e => e.Key.To, StringComparer.Ordinal)
            .Select(e => $"{e.Key.From} -> {e.Key.To}: {string.Join("; ", e.Value)}")
            .ToArray();

        Assert.True(forbidden.Length == 0, "uses docs/architecture.md does not allow:\n" + string.Join("\n", forbidden));
    }

    [Fact]
    public void Every_source_folder_has_a_row_in_docs_architecture()
    {
        var folders = Directory.EnumerateDirectories(Source).Select(Path.GetFileName)
            .Where(f => f is not ("bin" or "obj")).Append(SourceFolderGraph.Root);

        Assert.Empty(folders.Except(Allowed.Keys, StringComparer.Ordinal));
    }

    [Fact]
    [Trait("Category", "Slow")] // compiles the whole tool with Roslyn: not in the fast subset (tests/unit.runsettings)
    public void The_folders_form_no_cycle() =>
        Assert.True(Graph.Value.Cycles().Count == 0, "cycles: " + string.Join("; ", Graph.Value.Cycles().Select(c => string.Join(" ↔ ", c))));

    [Fact]
    [Trait("Category", "Slow")] // compiles the whole tool with Roslyn: not in the fast subset (tests/unit.runsettings)
    public void The_folder_graph_sees_a_use_through_a_member_and_ignores_a_same_named_nested_type()
    {
        var graph = SourceFolderGraph.Of([
            ("Inner/Thing.cs", "namespace P.Inner; internal static class Thing { public static int Count => 1; internal enum Kind { None } }"),
            ("Outer/User.cs", "namespace P.Outer; internal static class User { public static int N() => P.Inner.Thing.Count; internal enum Other { None } }"),
            ("Lone/Quiet.cs", "namespace P.Lone; internal static class Quiet { public static object K = Kind.None; internal enum Kind { None } }"),
        ]);

        Assert.Equal([("Outer", "Inner")], graph.Edges.Keys);
        Assert.Contains("Outer/User.cs:1 uses Thing", graph.Edges[("Outer", "Inner")]);
    }

    [Fact]
    [Trait("Category", "Slow")] // compiles the whole tool with Roslyn: not in the fast subset (tests/unit.runsettings)
    public void A_cycle_between_two_folders_is_found()
    {
        var graph = SourceFolderGraph.Of([
            ("A/One.cs", "namespace P.A; internal static class One { public static int X => P.B.Two.Y; }"),
            ("B/Two.cs", "namespace P.B; internal static class Two { public static int Y => 1; public static int Z => P.A.One.X; }"),
        ]);

        Assert.Equal(["A", "B"], Assert.Single(graph.Cycles()));
    }

    [Fact]
    public void The_allowed_uses_table_is_read_row_by_row()
    {
        var table = AllowedUses("text\n| folder | may use |\n|---|---|\n| Cli | Audit, (root) |\n| (root) | |\n\nafter");

        Assert.Equal(["Audit", "(root)"], table["Cli"].Order(StringComparer.Ordinal).Reverse());
        Assert.Empty(table["(root)"]);
        Assert.Equal(2, table.Count);
    }

    [GeneratedRegex(@"\bCQEN\.ProfileGen\.Cli\b|(?<![\w.])Cli\.[A-Z]|\bSystem\.CommandLine\b")]
    private static partial Regex CommandLineReference();
}
