using CQEN.ProfileGen.GitHub;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.StandInGitHubTests;

/// <summary>The documents the tool sends are valid against GitHub's published schema, and the check can fail.</summary>
public class GraphQlSchemaTests
{
    [Fact]
    public async Task The_organization_query_is_valid_against_GitHub_s_schema() =>
        Assert.Empty(await GraphQlSchema.ValidateAsync(GraphQlOrgReader.Query, new GraphQL.Inputs(new Dictionary<string, object?> { ["org"] = "CQEN-QDCE", ["cursor"] = null })));

    [Fact]
    public async Task The_branch_move_mutation_is_valid_against_GitHub_s_schema() =>
        Assert.Empty(await GraphQlSchema.ValidateAsync(OctokitGateway.UpdateRefsMutation, new GraphQL.Inputs(new Dictionary<string, object?>
        {
            ["repositoryId"] = "R_kgDOexample",
            ["refUpdates"] = new List<object?>
            {
                new Dictionary<string, object?> { ["name"] = "refs/heads/profilegen/profile-readme", ["afterOid"] = new string('a', 40), ["beforeOid"] = new string('0', 40), ["force"] = true },
            },
        })));

    [Fact]
    public async Task A_field_GitHub_does_not_have_is_refused() =>
        Assert.Contains(await GraphQlSchema.ValidateAsync("query { organization(login: \"x\") { nmae } }"), m => m.Contains("nmae", StringComparison.Ordinal));

    [Fact]
    public async Task A_mutation_with_a_wrongly_typed_variable_is_refused() =>
        Assert.NotEmpty(await GraphQlSchema.ValidateAsync("mutation($id: String!) { updateRefs(input: {repositoryId: $id, refUpdates: []}) { clientMutationId } }"));
}
