using System.Collections.Concurrent;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace CQEN.ProfileGen.Tests.StandInGitHub;

/// <summary>
/// GitHub's public GraphQL schema (GraphQl/schema.graphql, from @octokit/graphql-schema), built
/// once with GraphQL for .NET. The stand-in validates every query and mutation it receives
/// against it, so a field, argument or variable type GitHub would refuse fails in the tests too.
/// </summary>
public static class GraphQlSchema
{
    private static readonly Lazy<ISchema> Schema = new(() =>
    {
        var sdl = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "StandInGitHub", "GraphQl", "schema.graphql"));
        // The published SDL declares EnterpriseOwnerInfo.repositoryDeployKeySetting twice (a quirk
        // of GitHub's own export); GraphQL for .NET refuses duplicates, so the second one goes.
        var document = GraphQLParser.Parser.Parse(sdl);
        foreach (var type in document.Definitions.OfType<GraphQLObjectTypeDefinition>())
        {
            if (type.Fields is { } fields)
            {
                fields.Items = [.. fields.Items.DistinctBy(f => f.Name.StringValue)];
            }
        }
        var writer = new StringWriter();
        new GraphQLParser.Visitors.SDLPrinter().PrintAsync(document, writer).AsTask().GetAwaiter().GetResult();
        // Only validation is needed, never execution: abstract types get a resolver that is never called.
        var abstractTypes = document.Definitions.OfType<GraphQLUnionTypeDefinition>().Select(u => u.Name.StringValue)
            .Concat(document.Definitions.OfType<GraphQLInterfaceTypeDefinition>().Select(i => i.Name.StringValue)).ToArray();
        var schema = GraphQL.Types.Schema.For(writer.ToString(), builder =>
        {
            builder.IgnoreComments = true;
            foreach (var name in abstractTypes)
            {
                builder.Types.For(name).ResolveType = _ => throw new NotSupportedException("the stand-in validates, it does not execute");
            }
        });
        // GitHub's own scalars (URI, DateTime, GitObjectID, GitRefname, …) travel as strings.
        foreach (var scalar in document.Definitions.OfType<GraphQLScalarTypeDefinition>())
        {
            schema.RegisterType(new GitHubScalar(scalar.Name.StringValue));
        }
        schema.Initialize();
        return schema;
    });

    // Answers already given, by document and the kinds of its variables' values. A document whose
    // variables are all scalars validates the same way for any values of the same kinds (a cursor
    // that changes every page); one with an enum, list or input-object variable is checked every time.
    private static readonly ConcurrentDictionary<string, IReadOnlyList<string>> Answers = new(StringComparer.Ordinal);

    /// <summary>GitHub's error messages for the document, or none when it is valid.</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(string query, Inputs? variables = null)
    {
        var key = query + "\0" + string.Join(",", (variables ?? Inputs.Empty).OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}:{v.Value?.GetType().Name}"));
        if (Answers.TryGetValue(key, out var known))
        {
            return known;
        }
        var (errors, scalarsOnly) = await CheckAsync(query, variables);
        if (scalarsOnly)
        {
            Answers[key] = errors;
        }
        return errors;
    }

    private static async Task<(IReadOnlyList<string> Errors, bool ScalarsOnly)> CheckAsync(string query, Inputs? variables)
    {
        GraphQLDocument document;
        try
        {
            document = GraphQLParser.Parser.Parse(query);
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException ex)
        {
            return ([ex.Message], false);
        }
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>().FirstOrDefault();
        if (operation is null)
        {
            return (["the document has no operation"], false);
        }
        var result = await new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = Schema.Value,
            Document = document,
            Operation = operation,
            Variables = variables ?? Inputs.Empty,
            Rules = DocumentValidator.CoreRules,
        });
        var scalarsOnly = (operation.Variables?.Items ?? []).All(v => IsScalar(v.Type));
        return (result.Errors.Select(e => e.Message).ToArray(), scalarsOnly);
    }

    private static bool IsScalar(GraphQLType type) => type switch
    {
        GraphQLNonNullType n => IsScalar(n.Type),
        GraphQLNamedType named => Schema.Value.AllTypes[named.Name.StringValue] is ScalarGraphType,
        _ => false,
    };
}

/// <summary>One of GitHub's custom scalars: a string on the wire, checked for being one.</summary>
internal sealed class GitHubScalar : ScalarGraphType
{
    public GitHubScalar(string name) => Name = name;

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLStringValue s => (string)s.Value,
        GraphQLNullValue => null,
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        string or null => value,
        _ => ThrowValueConversionError(value),
    };
}
