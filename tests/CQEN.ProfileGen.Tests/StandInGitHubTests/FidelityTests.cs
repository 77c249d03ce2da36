using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CQEN.ProfileGen.Tests.StandInGitHub;
using Octokit;

namespace CQEN.ProfileGen.Tests.StandInGitHubTests;

/// <summary>
/// The stand-in answers as GitHub does: its payloads keep every key of GitHub's official examples
/// (same JSON kinds), its headers and paging look like the recorded exchanges, its errors like
/// GitHub's, and Octokit 14's real client reads all of it.
/// </summary>
public sealed class FidelityTests : IAsyncLifetime
{
    private const string Token = "ghs_test-fidelity000000000000-0000000000000001";
    private StandInGitHubServer _github = null!;
    private readonly HttpClient _http = new();
    private static readonly string Payloads = Path.Combine(AppContext.BaseDirectory, "StandInGitHub", "Payloads");

    public async Task InitializeAsync()
    {
        _github = await StandInGitHubServer.StartAsync();
        StandInData.GenerateOrg(_github.State, "org", 250);
        _github.State.AddToken(Token);
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("profilegen-tests/1.0");
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", Token);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _github.DisposeAsync();
    }

    private async Task<(HttpResponseMessage Response, JsonNode? Body)> Get(string path)
    {
        var response = await _http.GetAsync(_github.ApiUrl + "/" + path);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private static JsonNode Example(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Payloads, name)))!;

    private static void HasEveryKeyOf(JsonNode example, JsonNode actual, string where)
    {
        foreach (var (key, value) in example.AsObject())
        {
            Assert.True(actual.AsObject().ContainsKey(key), $"{where}: missing '{key}'");
            var got = actual[key];
            if (value is not null && got is not null)
            {
                Assert.True(value.GetValueKind() == got.GetValueKind(), $"{where}: '{key}' is {got.GetValueKind()}, GitHub sends {value.GetValueKind()}");
            }
        }
    }

    private async Task<JsonNode> GraphQl(string token, string query, object variables)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _github.GraphQlUrl) { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("token", token);
        var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task A_token_narrowed_to_some_repositories_sees_the_others_private_ones_nowhere_in_graphql_as_in_rest()
    {
        const string Narrowed = "ghs_test-narrowedFidelity0000-0000000000000001";
        lock (_github.State.Gate)
        {
            // An installation token asked for .github and projet-00002 only (REAL-GITHUB §6).
            _github.State.Tokens[Narrowed] = _github.State.AddToken(Narrowed) with { Repositories = [".github", "projet-00002"] };
            _github.State.Repo("org", "projet-00001").Visibility = "private";
            _github.State.Repo("org", "projet-00002").Visibility = "private";
        }

        // The file batch: the private repository it cannot reach is null with NOT_FOUND, the one it reaches is answered.
        var files = await GraphQl(Narrowed, """
            query Files($owner: String!, $n0: String!, $n1: String!) {
              r0: repository(owner: $owner, name: $n0) { readme: object(expression: "HEAD:README.md") { ... on Blob { text } } }
              r1: repository(owner: $owner, name: $n1) { readme: object(expression: "HEAD:README.md") { ... on Blob { text } } }
            }
            """, new { owner = "org", n0 = "projet-00001", n1 = "projet-00002" });
        Assert.Null(files["data"]!["r0"]);
        Assert.NotNull(files["data"]!["r1"]!["readme"]);
        var error = Assert.Single(files["errors"]!.AsArray());
        Assert.Equal("NOT_FOUND", error!["type"]!.GetValue<string>());
        Assert.Equal("r0", error["path"]![0]!.GetValue<string>());
        Assert.Equal("Could not resolve to a Repository with the name 'org/projet-00001'.", error["message"]!.GetValue<string>());

        // The list: GraphQL's names the repositories REST's names, without projet-00001.
        var listed = new List<string>();
        string? cursor = null;
        do
        {
            var page = (await GraphQl(Narrowed, ProfileGen.GitHub.GraphQlOrgReader.Query, new { org = "org", cursor, first = 100 }))["data"]!["organization"]!["repositories"]!;
            listed.AddRange(page["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));
            cursor = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (cursor is not null);
        var rest = new List<string>();
        for (var page = 1; ; page++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{_github.ApiUrl}/orgs/org/repos?per_page=100&page={page}");
            request.Headers.Authorization = new AuthenticationHeaderValue("token", Narrowed);
            var names = JsonNode.Parse(await (await _http.SendAsync(request)).Content.ReadAsStringAsync())!.AsArray().Select(r => r!["name"]!.GetValue<string>()).ToArray();
            rest.AddRange(names);
            if (names.Length < 100)
            {
                break;
            }
        }
        Assert.DoesNotContain("projet-00001", listed);
        Assert.Contains("projet-00002", listed);
        Assert.Equal(rest.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));

        // The publish path's read of a repository it cannot see: null with NOT_FOUND too.
        var state = await GraphQl(Narrowed, ProfileGen.GitHub.OctokitGateway.PublishStateQuery(namedBase: false),
            new { owner = "org", name = "projet-00001", branchRef = "refs/heads/profilegen/profile-readme", branch = "profilegen/profile-readme", path = "profile/README.md" });
        Assert.Null(state["data"]!["repository"]);
        Assert.Equal("Could not resolve to a Repository with the name 'org/projet-00001'.", Assert.Single(state["errors"]!.AsArray())!["message"]!.GetValue<string>());
    }

    public static TheoryData<string, string> Endpoints => new()
    {
        { "orgs/org", "get_orgs_org.200.default-response.json" },
        { "repos/org/projet-00001", "get_repos_owner_repo.200.default-response.json" },
        { "repos/org/projet-00001/readme", "get_repos_owner_repo_readme.200.default.json" },
        { "repos/org/projet-00001/license", "get_repos_owner_repo_license.200.default.json" },
        { "repos/org/projet-00001/contents/README.md", "get_repos_owner_repo_contents_path.200.response-if-content-is-a-file.json" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Payloads_keep_every_key_of_github_s_official_example(string path, string example)
    {
        var (response, body) = await Get(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        HasEveryKeyOf(Example(example), body!, path);
    }

    [Fact]
    public async Task Repository_list_items_keep_every_key_and_carry_the_licence()
    {
        var (_, body) = await Get("orgs/org/repos?per_page=5");
        var example = Example("get_orgs_org_repos.200.default.json")[0]!;
        foreach (var item in body!.AsArray())
        {
            HasEveryKeyOf(example, item!, "orgs/org/repos[]");
            Assert.True(item!.AsObject().ContainsKey("license"));
        }
    }

    [Fact]
    public async Task Paging_uses_one_absolute_link_header_shaped_like_the_recorded_one()
    {
        var recorded = JsonNode.Parse(File.ReadAllText(Path.Combine(Payloads, "octokit-fixtures", "paginate-issues.json")))![1]!["headers"]!["link"]!.GetValue<string>();
        var (response, body) = await Get("orgs/org/repos?per_page=100&page=2");
        var link = Assert.Single(response.Headers.GetValues("link"));
        static string Shape(string l) => Regex.Replace(Regex.Replace(l, "<[^>]*page=(\\d+)>", "<URL page=N>"), "per_page=\\d+", "");
        Assert.Equal(Shape(recorded).Replace("rel=\"last\", <URL page=N>; rel=\"first\"", "rel=\"last\", <URL page=N>; rel=\"first\""), Shape(link));
        Assert.StartsWith($"<{_github.ApiUrl}/orgs/org/repos?per_page=100&page=1>; rel=\"prev\"", link);
        Assert.Equal(100, body!.AsArray().Count);
        var (single, _) = await Get("orgs/org/repos?per_page=100&page=3");
        Assert.Contains("rel=\"prev\"", single.Headers.GetValues("link").Single());
        Assert.False((await Get("repos/org/projet-00001")).Response.Headers.Contains("link"));
    }

    [Fact]
    public async Task Rate_limit_headers_are_the_recorded_ones_with_the_reset_in_epoch_seconds()
    {
        var recorded = JsonNode.Parse(File.ReadAllText(Path.Combine(Payloads, "octokit-fixtures", "get-organization.json")))![0]!["headers"]!.AsObject()
            .Select(h => h.Key).Where(k => k.StartsWith("x-ratelimit-", StringComparison.Ordinal)).Order().ToArray();
        var (response, _) = await Get("orgs/org");
        Assert.Equal(recorded, response.Headers.Select(h => h.Key.ToLowerInvariant()).Where(k => k.StartsWith("x-ratelimit-", StringComparison.Ordinal)).Order().ToArray());
        var reset = long.Parse(response.Headers.GetValues("x-ratelimit-reset").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(DateTimeOffset.FromUnixTimeSeconds(reset), DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(2));
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task Base64_content_is_wrapped_at_60_columns_like_github_s()
    {
        var (_, body) = await Get("repos/org/projet-00000/license");
        var lines = body!["content"]!.GetValue<string>().Split('\n');
        Assert.Equal("", lines[^1]); // a newline after the last line too
        Assert.All(lines[..^2], l => Assert.Equal(60, l.Length));
        Assert.Equal("NOASSERTION", body["license"]!["spdx_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Errors_have_github_s_bodies()
    {
        var errors = JsonNode.Parse(File.ReadAllText(Path.Combine(Payloads, "errors.json")))!["errors"]!.AsArray();
        var notFound = errors.First(e => e!["id"]!.GetValue<string>() == "not-found")!["body"]!;
        var (response, body) = await Get("orgs/nope");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(notFound["message"]!.GetValue<string>(), body!["message"]!.GetValue<string>());
        Assert.Equal("404", body["status"]!.GetValue<string>());

        var badCredentials = errors.First(e => e!["id"]!.GetValue<string>() == "bad-credentials")!["body"]!;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "ghp_unknown");
        var (unauthorized, badBody) = await Get("orgs/org");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal(badCredentials.ToJsonString(), badBody!.ToJsonString());
    }

    [Fact]
    public async Task A_304_answers_a_matching_if_none_match()
    {
        var (first, _) = await Get("orgs/org");
        using var request = new HttpRequestMessage(HttpMethod.Get, _github.ApiUrl + "/orgs/org");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await _http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Octokit_reads_it_all_and_pages_by_30_unless_told_100()
    {
        var client = new GitHubClient(new Octokit.ProductHeaderValue("profilegen-tests"), new Uri(_github.BaseUrl)) { Credentials = new Credentials(Token) };
        Assert.Equal("org", (await client.Organization.Get("org")).Login);
        _github.Log.Clear();
        Assert.Equal(251, (await client.Repository.GetAllForOrg("org")).Count);
        Assert.Equal(9, _github.Log.All.Count);
        _github.Log.Clear();
        Assert.Equal(251, (await client.Repository.GetAllForOrg("org", new ApiOptions { PageSize = 100 })).Count);
        Assert.Equal(3, _github.Log.All.Count);
        Assert.StartsWith("<!-- ENTETE -->", (await client.Repository.Content.GetReadme("org", "projet-00001")).Content);
        await Assert.ThrowsAsync<NotFoundException>(() => client.Repository.Get("org", "missing"));
    }

    [Fact]
    public async Task Pull_requests_follow_github_s_rules()
    {
        var client = new GitHubClient(new Octokit.ProductHeaderValue("profilegen-tests"), new Uri(_github.BaseUrl)) { Credentials = new Credentials(Token) };
        var main = await client.Git.Reference.Get("org", ".github", "heads/main");
        var blob = await client.Git.Blob.Create("org", ".github", new NewBlob { Content = "x", Encoding = EncodingType.Utf8 });
        var commit = await client.Git.Commit.Get("org", ".github", main.Object.Sha);
        var tree = new NewTree { BaseTree = commit.Tree.Sha };
        tree.Tree.Add(new NewTreeItem { Path = "profile/README.md", Mode = "100644", Type = TreeType.Blob, Sha = blob.Sha });
        var newTree = await client.Git.Tree.Create("org", ".github", tree);
        var newCommit = await client.Git.Commit.Create("org", ".github", new NewCommit("m", newTree.Sha, main.Object.Sha));
        await client.Git.Reference.Create("org", ".github", new NewReference("refs/heads/topic", newCommit.Sha));
        var exists = await Assert.ThrowsAsync<ApiValidationException>(() => client.Git.Reference.Create("org", ".github", new NewReference("refs/heads/topic", newCommit.Sha)));
        Assert.Equal("Reference already exists", exists.ApiError.Message);

        await client.PullRequest.Create("org", ".github", new NewPullRequest("t", "topic", "main"));
        var duplicate = await Assert.ThrowsAsync<ApiValidationException>(() => client.PullRequest.Create("org", ".github", new NewPullRequest("t", "topic", "main")));
        Assert.Equal("A pull request already exists for org:topic.", duplicate.ApiError.Errors[0].Message);

        // GitHub ignores a bare branch name in `head` and answers every open PR.
        await client.Git.Reference.Create("org", ".github", new NewReference("refs/heads/other", newCommit.Sha));
        Assert.Single(await client.PullRequest.GetAllForRepository("org", ".github", new PullRequestRequest { Head = "nope" }));
        Assert.Empty(await client.PullRequest.GetAllForRepository("org", ".github", new PullRequestRequest { Head = "org:nope" }));

        // The legacy git/refs route answers a list when the name is only a prefix.
        var (prefix, body) = await Get("repos/org/.github/git/refs/heads/to");
        Assert.Equal(HttpStatusCode.OK, prefix.StatusCode);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(body!.ToJsonString()).RootElement.ValueKind);
    }

    [Fact]
    public async Task Both_layouts_answer_and_an_unknown_route_is_a_404_after_the_same_checks_as_a_known_one()
    {
        // github.com's layout at the root, GitHub Enterprise's under /api/v3/: the same answer.
        var root = await _http.GetStringAsync(_github.BaseUrl + "orgs/org");
        Assert.Equal(JsonNode.Parse(root)!["login"]!.GetValue<string>(), (await Get("orgs/org")).Body!["login"]!.GetValue<string>());

        // A known path with another method is a 404 (GitHub never answers 405), as is an unknown path.
        Assert.Equal(HttpStatusCode.NotFound, (await _http.PutAsync(_github.ApiUrl + "/orgs/org", new StringContent("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Get("repos/org/projet-00001/no-such-thing")).Response.StatusCode);

        // Under a repository the caller cannot see, even an unknown path says the repository is not found.
        var (hidden, hiddenBody) = await Get("repos/org/missing/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Contains("#get-a-repository", hiddenBody!["documentation_url"]!.GetValue<string>(), StringComparison.Ordinal);

        // A write with no token is refused before any route is looked at.
        using var anonymous = new HttpClient();
        anonymous.DefaultRequestHeaders.UserAgent.ParseAdd("profilegen-tests/1.0");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(_github.ApiUrl + "/repos/org/projet-00001/no-such-thing", new StringContent("{}"))).StatusCode);
    }
}
