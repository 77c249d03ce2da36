using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CQEN.ProfileGen.Catalogue;

/// <summary>What is wrong in a catalogue file, at its place: a finding, never an exception that stops a run.</summary>
internal sealed record CatalogueProblem
{
    public required string Path { get; init; }
    public int Line { get; init; } = 1;
    public int Column { get; init; } = 1;
    public required CatalogueProblemKind Kind { get; init; }

    /// <summary>The key at fault ("developmentStatus", "legal.license"); null for the whole file.</summary>
    public string? Field { get; init; }

    /// <summary>What was written (for an unknown value) or the YAML parser's own words (for a syntax error).</summary>
    public string? Written { get; init; }

    /// <summary>What belongs there: "text", "list", "mapping", or the allowed values.</summary>
    public string? Expected { get; init; }

    /// <summary>"publiccode.yml:3:5".</summary>
    public string Where => $"{Path}:{Line}:{Column}";
}

internal enum CatalogueProblemKind
{
    /// <summary>Not YAML at all (or several documents where one belongs).</summary>
    Syntax,

    /// <summary>A key holds the wrong kind of value (a list for a text, a number for a version).</summary>
    WrongType,

    /// <summary>A value the standard does not define.</summary>
    UnknownValue,

    /// <summary>A key the standard requires is absent.</summary>
    Missing,
}

/// <summary>Reading untrusted YAML into nodes with their places, and typed values out of them, collecting problems.</summary>
internal sealed class CatalogueYaml(string path)
{
    private readonly List<CatalogueProblem> problems = [];

    public IReadOnlyList<CatalogueProblem> Problems => problems;

    /// <summary>A problem with the whole file (no mapping at its root).</summary>
    public void NotAMapping(YamlNode? node) =>
        problems.Add(new CatalogueProblem { Path = path, Line = node is null ? 1 : Line(node), Column = node is null ? 1 : Column(node), Kind = CatalogueProblemKind.WrongType, Expected = "mapping" });

    /// <summary>Every document of the text; empty (with a problem) when it is not YAML.</summary>
    public IReadOnlyList<YamlNode> Documents(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            problems.Add(new CatalogueProblem
            {
                Path = path,
                Line = (int)Math.Max(1, ex.Start.Line),
                Column = (int)Math.Max(1, ex.Start.Column),
                Kind = CatalogueProblemKind.Syntax,
                Written = ex.InnerException?.Message ?? ex.Message,
            });
            return [];
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner throws this, not a YamlException, on some unclosed flow
            // collections ("name: [unclosed" then more lines): still a malformed file, never a failed run.
            problems.Add(new CatalogueProblem { Path = path, Line = 1, Column = 1, Kind = CatalogueProblemKind.Syntax, Written = ex.Message });
            return [];
        }
        return stream.Documents.Select(d => d.RootNode).ToArray();
    }

    /// <summary>The mapping under <paramref name="key"/>; null (with a problem when present but not a mapping).</summary>
    public YamlMappingNode? Mapping(YamlNode? node, string key, string field)
    {
        var child = Child(node, key);
        if (child is null or YamlMappingNode)
        {
            return child as YamlMappingNode;
        }
        Wrong(child, field, "mapping");
        return null;
    }

    /// <summary>The list under <paramref name="key"/>; null (with a problem when present but not a list).</summary>
    public YamlSequenceNode? Sequence(YamlNode? node, string key, string field)
    {
        var child = Child(node, key);
        if (child is null or YamlSequenceNode)
        {
            return child as YamlSequenceNode;
        }
        Wrong(child, field, "list");
        return null;
    }

    /// <summary>The text under <paramref name="key"/>; null when absent, empty or not a text (then a problem).</summary>
    public (string? Value, YamlNode? Node) Text(YamlNode? node, string key, string field)
    {
        var child = Child(node, key);
        switch (child)
        {
            case null:
                return (null, null);
            case YamlScalarNode s when IsNull(s):
                return (null, s);
            case YamlScalarNode s:
                return (s.Value, s);
            default:
                Wrong(child, field, "text");
                return (null, child);
        }
    }

    /// <summary>A text that must be written as a string: a plain number (publiccodeYmlVersion: 0.4) is reported and still read.</summary>
    public (string? Value, YamlNode? Node) QuotedText(YamlNode? node, string key, string field)
    {
        var (value, at) = Text(node, key, field);
        if (at is YamlScalarNode { Style: ScalarStyle.Plain } s && value is not null
            && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            Wrong(s, field, "text");
        }
        return (value, at);
    }

    public void Unknown(YamlNode node, string field, string written, IEnumerable<string> allowed) =>
        problems.Add(new CatalogueProblem
        {
            Path = path,
            Line = Line(node),
            Column = Column(node),
            Kind = CatalogueProblemKind.UnknownValue,
            Field = field,
            Written = written,
            Expected = string.Join(", ", allowed),
        });

    public void Missing(YamlNode node, string field) =>
        problems.Add(new CatalogueProblem { Path = path, Line = Line(node), Column = Column(node), Kind = CatalogueProblemKind.Missing, Field = field });

    public void Wrong(YamlNode node, string field, string expected) =>
        problems.Add(new CatalogueProblem { Path = path, Line = Line(node), Column = Column(node), Kind = CatalogueProblemKind.WrongType, Field = field, Expected = expected });

    public static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static bool IsNull(YamlScalarNode s) =>
        s.Style == ScalarStyle.Plain && s.Value is null or "" or "~" or "null" or "Null" or "NULL";

    public static int Line(YamlNode node) => (int)Math.Max(1, node.Start.Line);

    public static int Column(YamlNode node) => (int)Math.Max(1, node.Start.Column);
}
