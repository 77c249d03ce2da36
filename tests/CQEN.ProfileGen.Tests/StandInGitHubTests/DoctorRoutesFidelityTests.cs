using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.StandInGitHubTests;

/// <summary>
/// The routes `doctor` reads answer as GitHub does, over raw HTTP: the Actions workflow
/// permissions only to administrators (403 otherwise, never to a GITHUB_TOKEN), a collaborator
/// check as 204/404 behind push access, the repository's labels, and the caller's own
/// permissions in the repository (personal tokens only).
/// </summary>
public sealed class DoctorRoutesFidelityTests : IAsyncLifetime
{
    private const string Starter = "ghs_test-starterDoctorRoutes0-0000000000000001";
    private const string Owner = "ghp_test-ownerDoctorRoutes000-0000000000000001";
    private const string Member = "ghp_test-memberDoctorRoutes00-0000000000000001";
    private const string Reader = "ghp_test-readerDoctorRoutes00-0000000000000001";
    private StandInGitHubServer _github = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _github = await StandInGitHubServer.StartAsync();
        StandInData.GenerateOrg(_github.State, "org", 2);
        _github.State.AddActionsToken(Starter);
        _github.State.AddClassicToken(Owner, "the-owner", "repo", "admin:org");
        _github.State.AddClassicToken(Member, "a-member", "repo");
        _github.State.AddClassicToken(Reader, "a-reader", "read:org");
        _github.State.Orgs["org"].Owners.Add("the-owner");
        _github.State.Orgs["org"].ActionsCanCreatePullRequests = true;
        _github.State.Repo("org", ".github").Collaborators.Add("alice");
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("profilegen-tests/1.0");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _github.DisposeAsync();
    }

    private async Task<(int Status, JsonNode? Body)> Get(string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _github.ApiUrl + "/" + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("token", token);
        var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    [Theory]
    [InlineData("orgs/org/actions/permissions/workflow")]
    [InlineData("repos/org/.github/actions/permissions/workflow")]
    public async Task A_GITHUB_TOKEN_may_not_read_the_Actions_workflow_permissions(string path)
    {
        var (status, body) = await Get(path, Starter);

        Assert.Equal(403, status);
        Assert.Equal("Resource not accessible by integration", body!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_owner_reads_both_levels_of_the_setting_as_GitHub_shapes_it()
    {
        var (orgStatus, org) = await Get("orgs/org/actions/permissions/workflow", Owner);
        var (repoStatus, repo) = await Get("repos/org/.github/actions/permissions/workflow", Owner);

        Assert.Equal(200, orgStatus);
        Assert.True(org!["can_approve_pull_request_reviews"]!.GetValue<bool>());
        Assert.Equal("read", org["default_workflow_permissions"]!.GetValue<string>());
        Assert.Equal(200, repoStatus);
        Assert.False(repo!["can_approve_pull_request_reviews"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_member_who_is_not_an_administrator_is_refused_the_setting()
    {
        Assert.Equal((403, "Must have admin rights to Repository."), await Message("repos/org/.github/actions/permissions/workflow", Member));
        Assert.Equal(403, (await Get("orgs/org/actions/permissions/workflow", Member)).Status);
    }

    [Fact]
    public async Task The_collaborator_check_answers_204_or_404_and_needs_push_access()
    {
        Assert.Equal(204, (await Get("repos/org/.github/collaborators/alice", Starter)).Status);
        Assert.Equal(204, (await Get("repos/org/.github/collaborators/the-owner", Starter)).Status); // owners are collaborators
        Assert.Equal(404, (await Get("repos/org/.github/collaborators/mallory", Starter)).Status);
        Assert.Equal((403, "Must have push access to view repository collaborators."), await Message("repos/org/.github/collaborators/alice", Reader));
    }

    [Fact]
    public async Task The_labels_are_listed_with_the_nine_GitHub_creates()
    {
        var (status, body) = await Get("repos/org/.github/labels?per_page=100", Starter);

        Assert.Equal(200, status);
        var names = body!.AsArray().Select(l => l!["name"]!.GetValue<string>()).ToArray();
        Assert.Equal(9, names.Length);
        Assert.Contains("good first issue", names);
    }

    [Fact]
    public async Task The_repository_shows_a_personal_token_its_own_permissions_and_a_bot_none()
    {
        var member = (await Get("repos/org/.github", Member)).Body!;
        var reader = (await Get("repos/org/.github", Reader)).Body!;
        var bot = (await Get("repos/org/.github", Starter)).Body!;

        Assert.True(member["permissions"]!["push"]!.GetValue<bool>());
        Assert.False(member["permissions"]!["admin"]!.GetValue<bool>());
        Assert.False(reader["permissions"]!["push"]!.GetValue<bool>());
        Assert.Null(bot["permissions"]);
    }

    private async Task<(int, string)> Message(string path, string token)
    {
        var (status, body) = await Get(path, token);
        return (status, body!["message"]!.GetValue<string>());
    }
}
