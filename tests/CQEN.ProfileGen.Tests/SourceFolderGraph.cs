using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CQEN.ProfileGen.Tests;

/// <summary>
/// Which source folder uses which, found by the C# compiler itself: every name in a file is bound to
/// the symbol it means, and a symbol declared in another folder is an edge. A text search would
/// confuse a nested <c>None</c> with another folder's <c>None</c>; the compiler does not.
/// </summary>
/// <remarks>
/// The files are compiled on their own (no source generators), so a few generated members stay
/// unbound; they are the project's own partial methods and cannot point to another folder.
/// </remarks>
public sealed class SourceFolderGraph
{
    /// <summary>Files at the top of the source folder (Program.cs, the shared vocabulary) form this node.</summary>
    public const string Root = "(root)";

    private SourceFolderGraph(IReadOnlyDictionary<(string From, string To), IReadOnlyList<string>> edges) => Edges = edges;

    /// <summary>Each edge with a few "file:line uses Name" examples, so a failure says where to look.</summary>
    public IReadOnlyDictionary<(string From, string To), IReadOnlyList<string>> Edges { get; }

    public static SourceFolderGraph Of(string sourceFolder) =>
        Of(Directory.EnumerateFiles(sourceFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Path.GetRelativePath(sourceFolder, f)))
            .Select(f => (Path.GetRelativePath(sourceFolder, f), File.ReadAllText(f))));

    /// <summary>Builds the graph of files given as (path relative to the source folder, text).</summary>
    public static SourceFolderGraph Of(IEnumerable<(string RelativePath, string Text)> files)
    {
        var options = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = files
            .Select(f => CSharpSyntaxTree.ParseText(f.Text, options, path: f.RelativePath))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, options, path: "ImplicitUsings.g.cs"))
            .ToList();
        // Nullable analysis off: it binds names to the same symbols, and it was most of the binding's
        // time (each member's flow analysis runs before its first name is answered).
        var compilation = CSharpCompilation.Create(
            "FolderGraph", trees, References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));

        // Binding is the slow part: a name no other folder declares (Select, var, a local) cannot be an
        // edge, so only names some other folder declares are given to the compiler, file by file in parallel.
        var declaredBy = trees.Where(t => t.FilePath != "ImplicitUsings.g.cs")
            .SelectMany(t => DeclaredNames(t.GetRoot()).Select(name => (name, folder: FolderOf(t.FilePath))))
            .GroupBy(d => d.name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(d => d.folder).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var perFile = new System.Collections.Concurrent.ConcurrentBag<(string From, string To, string Example)>();
        Parallel.ForEach(trees.Where(t => t.FilePath != "ImplicitUsings.g.cs"), tree =>
        {
            var from = FolderOf(tree.FilePath);
            var model = compilation.GetSemanticModel(tree);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                if (!declaredBy.TryGetValue(name.Identifier.ValueText, out var folders) || folders.All(f => f == from))
                {
                    continue;
                }
                var symbol = model.GetSymbolInfo(name).Symbol ?? model.GetSymbolInfo(name).CandidateSymbols.FirstOrDefault();
                var declaredIn = symbol is null ? null : DeclaringFile(symbol);
                if (declaredIn is null)
                {
                    continue;
                }

                var to = FolderOf(declaredIn);
                if (to != from)
                {
                    var line = name.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    perFile.Add((from, to, $"{tree.FilePath}:{line} uses {name.Identifier.ValueText}"));
                }
            }
        });

        return new SourceFolderGraph(perFile
            .GroupBy(u => (u.From, u.To))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(u => u.Example).Order(StringComparer.Ordinal).Take(3).ToList()));
    }

    // Every name a file declares: types, their members, enum members.
    private static IEnumerable<string> DeclaredNames(SyntaxNode root) =>
        root.DescendantNodes().Select(node => node switch
        {
            BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
            DelegateDeclarationSyntax d => d.Identifier.ValueText,
            MethodDeclarationSyntax m => m.Identifier.ValueText,
            PropertyDeclarationSyntax p => p.Identifier.ValueText,
            EventDeclarationSyntax e => e.Identifier.ValueText,
            VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax or EventFieldDeclarationSyntax } v => v.Identifier.ValueText,
            EnumMemberDeclarationSyntax e => e.Identifier.ValueText,
            ParameterSyntax { Parent.Parent: RecordDeclarationSyntax } p => p.Identifier.ValueText, // a positional record's properties
            _ => null,
        }).OfType<string>();

    /// <summary>The first folder under the source folder, or <see cref="Root"/> for a file at its top.</summary>
    public static string FolderOf(string relativePath)
    {
        var parts = relativePath.Replace('\\', '/').Split('/');
        // The entry point only hands the arguments to the command line: it is the command line's edge.
        return parts is ["Program.cs"] ? "Cli" : parts.Length == 1 ? Root : parts[0];
    }

    /// <summary>The folders that can reach themselves again: each cycle as its members, smallest first.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var nodes = Edges.Keys.SelectMany(e => new[] { e.From, e.To }).Distinct().Order(StringComparer.Ordinal).ToList();
        var reach = nodes.ToDictionary(n => n, n => Reachable(n));
        return nodes
            .Where(n => reach[n].Contains(n))
            .Select(n => (IReadOnlyList<string>)nodes.Where(m => reach[n].Contains(m) && reach[m].Contains(n)).ToList())
            .DistinctBy(c => string.Join(",", c))
            .ToList();
    }

    private HashSet<string> Reachable(string start)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(Next(start));
        while (queue.TryDequeue(out var node))
        {
            if (seen.Add(node))
            {
                foreach (var next in Next(node))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return seen;
    }

    private IEnumerable<string> Next(string node) => Edges.Keys.Where(e => e.From == node).Select(e => e.To);

    private static string? DeclaringFile(ISymbol symbol)
    {
        // A member belongs where its type is declared; a partial type's parts may sit in several files of one folder.
        var declared = symbol switch
        {
            INamespaceSymbol => null,
            ITypeParameterSymbol or ILocalSymbol or IParameterSymbol or IRangeVariableSymbol or ILabelSymbol => null,
            INamedTypeSymbol type => type.OriginalDefinition,
            _ => (ISymbol?)symbol.ContainingType?.OriginalDefinition,
        };
        var location = declared?.Locations.FirstOrDefault(l => l.IsInSource);
        var path = location?.SourceTree?.FilePath;
        return path is null or "ImplicitUsings.g.cs" ? null : path;
    }

    private static bool IsBuildOutput(string relativePath) =>
        relativePath.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
        || relativePath.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    // What <ImplicitUsings>enable</ImplicitUsings> adds to a console project.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    // The base framework and the libraries the tool itself references (Octokit, Scriban, …), so names
    // bind as in the real build; the tests' own libraries (ASP.NET, Playwright, Roslyn) would only slow it.
    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
    {
        var tool = typeof(ProfileGen.InputException).Assembly.GetReferencedAssemblies().Select(a => a.Name + ".dll").ToHashSet(StringComparer.OrdinalIgnoreCase);
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.Contains("Microsoft.NETCore.App", StringComparison.Ordinal) || tool.Contains(Path.GetFileName(p)))
            .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll").Where(p => tool.Contains(Path.GetFileName(p))))
            .DistinctBy(Path.GetFileName)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
    });
}
