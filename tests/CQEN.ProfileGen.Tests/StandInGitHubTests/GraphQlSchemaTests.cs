using CQEN.ProfileGen.GitHub;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.StandInGitHubTests;

/// <summary>The documents the tool sends are valid against GitHub's published schema, and the check can fail.</summary>
public class GraphQlSchemaTests
{
    [Fact]
    public async Task The_organization_query_is_valid_against_GitHub_s_schema() =>
        Assert.Empty(await GraphQlSchema.ValidateAsync(GraphQlOrgReader.Query, new GraphQL.Inputs(new Dictionary<string, object?> { ["org"] = "CQEN-QDCE", ["cursor"] = null, ["first"] = 50 })));

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
    public async Task The_commit_mutation_is_valid_against_GitHub_s_schema() =>
        Assert.Empty(await GraphQlSchema.ValidateAsync(OctokitGateway.CommitToBranchMutation, new GraphQL.Inputs(new Dictionary<string, object?>
        {
            ["repositoryId"] = "R_kgDOexample",
            ["refUpdates"] = new List<object?>
            {
                new Dictionary<string, object?> { ["name"] = "refs/heads/b", ["afterOid"] = new string('a', 40), ["beforeOid"] = new string('0', 40), ["force"] = true },
            },
            ["commit"] = new Dictionary<string, object?>
            {
                ["branch"] = new Dictionary<string, object?> { ["repositoryNameWithOwner"] = "org/.github", ["branchName"] = "b" },
                ["expectedHeadOid"] = new string('a', 40),
                ["message"] = new Dictionary<string, object?> { ["headline"] = "Update", ["body"] = "Generated-by: profilegen" },
                ["fileChanges"] = new Dictionary<string, object?> { ["additions"] = new List<object?> { new Dictionary<string, object?> { ["path"] = "profile/README.md", ["contents"] = "IyBQcm9maWwK" } } },
            },
        })));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_publish_read_is_valid_against_GitHub_s_schema(bool namedBase)
    {
        var variables = new Dictionary<string, object?> { ["owner"] = "org", ["name"] = ".github", ["branchRef"] = "refs/heads/b", ["branch"] = "b", ["path"] = "profile/README.md" };
        if (namedBase)
        {
            variables["baseRef"] = "refs/heads/main";
        }

        Assert.Empty(await GraphQlSchema.ValidateAsync(OctokitGateway.PublishStateQuery(namedBase), new GraphQL.Inputs(variables)));
    }

    [Fact]
    public async Task The_batched_files_query_with_each_repository_s_head_and_root_entries_is_valid_against_GitHub_s_schema()
    {
        var query = GraphQlOrgReader.FilesQuery(2, i => (true, i == 1, false, false), i => i == 0);

        Assert.Contains("defaultBranchRef { name target { oid } } root: object(expression: \"HEAD:\")", query, StringComparison.Ordinal);
        Assert.Empty(await GraphQlSchema.ValidateAsync(query, new GraphQL.Inputs(new Dictionary<string, object?>
        {
            ["owner"] = "org",
            ["n0"] = "a",
            ["r0"] = "HEAD:README.md",
            ["n1"] = "b",
            ["r1"] = "HEAD:README.md",
            ["l1"] = "HEAD:LICENSE",
        })));
    }

    [Fact]
    public async Task The_batched_files_query_is_valid_against_GitHub_s_schema()
    {
        var query = GraphQlOrgReader.FilesQuery(3, i => (i != 1, i != 0, i == 2, i == 2));

        Assert.Empty(await GraphQlSchema.ValidateAsync(query, new GraphQL.Inputs(new Dictionary<string, object?>
        {
            ["owner"] = "org",
            ["n0"] = "a",
            ["r0"] = "HEAD:readme.md",
            ["n1"] = "b",
            ["l1"] = "HEAD:COPYING",
            ["n2"] = "c",
            ["r2"] = "HEAD:README",
            ["l2"] = "HEAD:LICENCE.md",
            ["g2"] = "HEAD:.github",
            ["d2"] = "HEAD:docs",
        })));
    }

    [Fact]
    public async Task A_field_GitHub_does_not_have_is_refused() =>
        Assert.Contains(await GraphQlSchema.ValidateAsync("query { organization(login: \"x\") { nmae } }"), m => m.Contains("nmae", StringComparison.Ordinal));

    [Fact]
    public async Task A_mutation_with_a_wrongly_typed_variable_is_refused() =>
        Assert.NotEmpty(await GraphQlSchema.ValidateAsync("mutation($id: String!) { updateRefs(input: {repositoryId: $id, refUpdates: []}) { clientMutationId } }"));
}
