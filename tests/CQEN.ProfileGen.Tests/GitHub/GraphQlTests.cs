using CQEN.ProfileGen.GitHub;

namespace CQEN.ProfileGen.Tests.GitHub;

/// <summary>Which refusals mean "this server's schema lacks it, use REST" (REAL-GITHUB.md R11).</summary>
public sealed class GraphQlTests
{
    [Theory]
    [InlineData(null, "undefinedField", "Field 'updateRefs' doesn't exist on type 'Mutation'")]
    [InlineData(null, "variableRequiresValidType", "RefUpdate isn't a defined input type (on $refUpdates)")]
    [InlineData(null, "variableNotUsed", "Variable $refUpdates is declared by CommitToBranch but not used")]
    [InlineData(null, null, "RefUpdate isn't a defined input type (on $refUpdates)")]
    [InlineData(null, null, "Variable $refUpdates is declared by CommitToBranch but not used")]
    [InlineData("undefinedField", null, "Field 'x' doesn't exist on type 'Query'")]
    public void A_graphql_ruby_validation_error_means_the_schema_lacks_the_document(string? type, string? code, string message) =>
        Assert.True(GraphQl.IsUnknownToSchema(new GraphQlError(type, message, code is null ? null : new GraphQlErrorExtensions(code))));

    [Theory]
    [InlineData("FORBIDDEN", "Resource not accessible by integration")]
    [InlineData("RESOURCE_LIMITS_EXCEEDED", "Resource limits for this query exceeded.")]
    [InlineData(null, "Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug.")]
    public void Other_errors_are_not_taken_for_a_schema_gap(string? type, string message) =>
        Assert.False(GraphQl.IsUnknownToSchema(new GraphQlError(type, message)));
}
