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

    /// <summary>GitHub's error messages for the document, or none when it is valid.</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(string query, Inputs? variables = null)
    {
        GraphQLDocument document;
        try
        {
            document = GraphQLParser.Parser.Parse(query);
        }
        catch (GraphQLParser.Exceptions.GraphQLSyntaxErrorException ex)
        {
            return [ex.Message];
        }
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>().FirstOrDefault();
        if (operation is null)
        {
            return ["the document has no operation"];
        }
        var result = await new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = Schema.Value,
            Document = document,
            Operation = operation,
            Variables = variables ?? Inputs.Empty,
            Rules = DocumentValidator.CoreRules,
        });
        return result.Errors.Select(e => e.Message).ToArray();
    }
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
