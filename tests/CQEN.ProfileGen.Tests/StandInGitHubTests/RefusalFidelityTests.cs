using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.StandInGitHubTests;

/// <summary>
/// The stand-in refuses what GitHub refuses on the publish path, with GitHub's status and body
/// (REAL-GITHUB R1, R5, R6, R8–R10), whatever client asks: raw HTTP here, the tool in the
/// end-to-end tests.
/// </summary>
public sealed class RefusalFidelityTests : IAsyncLifetime
{
    private const string Starter = "ghs_test-starterFidelity00000-0000000000000001";
    private const string Classic = "ghp_test-classicFidelity00000-0000000000000001";
    private StandInGitHubServer _github = null!;
    private readonly HttpClient _http = new();
    private FakeRepo _profile = null!;

    public async Task InitializeAsync()
    {
        _github = await StandInGitHubServer.StartAsync();
        StandInData.GenerateOrg(_github.State, "org", 2);
        _github.State.AddActionsToken(Starter);
        _github.State.AddClassicToken(Classic, "maintainer", "repo");
        _profile = _github.State.Repo("org", ".github");
        _profile.Commit("profilegen/x", new Dictionary<string, string> { ["profile/README.md"] = "x\n" });
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("profilegen-tests/1.0");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _github.DisposeAsync();
    }

    private async Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> Send(string method, string path, string token, string json)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), _github.ApiUrl + "/" + path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("token", token);
        var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response);
    }

    private Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> OpenPull(string token, bool draft = false) =>
        Send("POST", "repos/org/.github/pulls", token, $$"""{"title":"t","head":"profilegen/x","base":"main","draft":{{(draft ? "true" : "false")}}}""");

    [Fact]
    public async Task A_GITHUB_TOKEN_may_not_open_a_pull_request_until_both_levels_of_the_setting_are_on()
    {
        var (status, body, _) = await OpenPull(Starter);
        Assert.Equal(403, status);
        Assert.Equal("GitHub Actions is not permitted to create or approve pull requests.", body!["message"]!.GetValue<string>());
        _github.State.Orgs["org"].ActionsCanCreatePullRequests = true;
        Assert.Equal(403, (await OpenPull(Starter)).Status);
        _profile.ActionsCanCreatePullRequests = true;
        Assert.Equal(201, (await OpenPull(Starter)).Status);
    }

    [Fact]
    public async Task A_personal_token_is_not_subject_to_the_Actions_setting_and_hears_its_scopes()
    {
        var (status, _, response) = await OpenPull(Classic);
        Assert.Equal(201, status);
        Assert.Equal("repo", string.Join(",", response.Headers.GetValues("x-oauth-scopes")));
    }

    [Fact]
    public async Task A_missing_label_needs_issues_write_and_GitHub_says_so_in_its_words()
    {
        Assert.Equal(201, (await OpenPull(Classic)).Status);
        Assert.Equal(200, (await Send("POST", "repos/org/.github/issues/1/labels", Starter, """{"labels":["documentation"]}""")).Status);
        var (status, body, _) = await Send("POST", "repos/org/.github/issues/1/labels", Starter, """{"labels":["profil-auto"]}""");
        Assert.Equal(403, status);
        Assert.Equal("You do not have permission to create labels on this repository.", body!["message"]!.GetValue<string>());
        Assert.Equal("""[{"resource":"Repository","field":"label","code":"unauthorized"}]""", body["errors"]!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"reviewers":["maintainer"]}""", "Review cannot be requested from pull request author.")]
    [InlineData("""{"reviewers":["mallory"]}""", "Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the org/.github repository.")]
    public async Task Reviewers_GitHub_cannot_ask_are_refused_with_422(string request, string message)
    {
        Assert.Equal(201, (await OpenPull(Classic)).Status);
        var (status, body, _) = await Send("POST", "repos/org/.github/pulls/1/requested_reviewers", Classic, request);
        Assert.Equal(422, status);
        Assert.Equal(message, body!["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_draft_on_a_private_repository_of_a_Free_organization_is_refused()
    {
        _profile.Visibility = "private";
        var (status, body, _) = await OpenPull(Classic, draft: true);
        Assert.Equal(422, status);
        Assert.Equal("Draft pull requests are not supported in this repository.", body!["errors"]![0]!["message"]!.GetValue<string>());
        _github.State.Orgs["org"].Plan = "team";
        Assert.Equal(201, (await OpenPull(Classic, draft: true)).Status);
    }

    [Fact]
    public async Task Rules_refuse_a_forced_move_a_deletion_and_an_unsigned_commit()
    {
        _profile.Rules.AddRange([new FakeRule("non_fast_forward"), new FakeRule("deletion"), new FakeRule("required_signatures")]);
        var main = _profile.Git.Resolve("main")!;
        var (status, body, _) = await Send("PATCH", "repos/org/.github/git/refs/heads/profilegen/x", Classic, $$"""{"sha":"{{main}}","force":true}""");
        Assert.Equal(422, status);
        Assert.Equal("Repository rule violations found\n\nCannot force-push to this branch\n\n", body!["message"]!.GetValue<string>());
        Assert.Equal("Repository rule violations found\n\nCannot delete this branch\n\n", (await Send("DELETE", "repos/org/.github/git/refs/heads/profilegen/x", Classic, "")).Body!["message"]!.GetValue<string>());

        var tree = _profile.Git.Commits[_profile.Git.Resolve("profilegen/x")!].Tree;
        var commit = (await Send("POST", "repos/org/.github/git/commits", Classic, $$"""{"message":"m","tree":"{{tree}}","parents":["{{_profile.Git.Resolve("profilegen/x")}}"]}""")).Body!["sha"]!.GetValue<string>();
        Assert.Equal("Repository rule violations found\n\nCommits must have verified signatures.\n\n",
            (await Send("PATCH", "repos/org/.github/git/refs/heads/profilegen/x", Classic, $$"""{"sha":"{{commit}}"}""")).Body!["message"]!.GetValue<string>());
        var rules = (await Send("GET", "repos/org/.github/rules/branches/profilegen/x", Classic, "")).Body!.AsArray().Select(r => r!["type"]!.GetValue<string>());
        Assert.Equal(["non_fast_forward", "deletion", "required_signatures"], rules);
    }
}
