using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CQEN.ProfileGen.Tests.StandInGitHub;
using Octokit;

namespace CQEN.ProfileGen.Tests.StandInGitHubTests;

/// <summary>
/// The writes a commit of several files goes through, answered as GitHub answers them: a tree
/// entry with <c>"sha": null</c> deletes its path ("If the value is null then the file will be
/// deleted"), deleting a path that is not there is refused ("Returns an error if you try to delete
/// a file that does not exist"), an entry with neither sha nor content is refused, and
/// createCommitOnBranch applies every addition and deletion in one commit and refuses a path given twice.
/// </summary>
public sealed class MultiFileCommitFidelityTests : IAsyncLifetime
{
    private const string Token = "ghs_test-multifile00000000000-0000000000000001";
    private StandInGitHubServer _github = null!;
    private readonly HttpClient _http = new();
    private FakeRepo _repo = null!;
    private string _base = "";

    public async Task InitializeAsync()
    {
        _github = await StandInGitHubServer.StartAsync();
        _github.State.AddOrg("org");
        _repo = _github.State.AddRepo("org", ".github");
        _base = _repo.Commit("main", new Dictionary<string, string>
        {
            ["profile/README.md"] = "# Profil\n",
            ["profile/cards/summary-light.svg"] = "<svg/>",
            ["profile/cards/mine.svg"] = "<svg>hand-made</svg>",
        });
        _github.State.AddToken(Token);
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("profilegen-tests/1.0");
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", Token);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _github.DisposeAsync();
    }

    private string BaseTree => _repo.Git.Commits[_base].Tree;

    private async Task<(HttpStatusCode Status, JsonNode? Body)> Post(string path, JsonNode body)
    {
        var response = await _http.PostAsync(_github.ApiUrl + "/" + path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private static JsonObject Entry(string path, JsonNode? sha) => new() { ["path"] = path, ["mode"] = "100644", ["type"] = "blob", ["sha"] = sha };

    [Fact]
    public async Task A_tree_entry_whose_sha_is_null_deletes_that_path_and_nothing_else()
    {
        var (status, body) = await Post("repos/org/.github/git/trees", new JsonObject
        {
            ["base_tree"] = BaseTree,
            ["tree"] = new JsonArray(Entry("profile/cards/summary-light.svg", null)),
        });

        Assert.Equal(HttpStatusCode.Created, status);
        var tree = _repo.Git.Trees[body!["sha"]!.GetValue<string>()];
        Assert.Equal(["profile/README.md", "profile/cards/mine.svg"], tree.Keys);
    }

    [Fact]
    public async Task Deleting_a_path_the_base_tree_does_not_hold_is_refused_as_GitHub_refuses_it()
    {
        var (status, body) = await Post("repos/org/.github/git/trees", new JsonObject
        {
            ["base_tree"] = BaseTree,
            ["tree"] = new JsonArray(Entry("profile/cards/gone.svg", null)),
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("GitRPC::BadObjectState", body!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_entry_with_neither_sha_nor_content_is_refused()
    {
        var entry = Entry("profile/x.svg", null);
        entry.Remove("sha");
        var (status, body) = await Post("repos/org/.github/git/trees", new JsonObject { ["base_tree"] = BaseTree, ["tree"] = new JsonArray(entry) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.StartsWith("Must supply either tree.sha or tree.content", body!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Octokit_leaves_a_null_sha_out_so_its_own_tree_type_cannot_delete()
    {
        // Why the gateway writes the tree's JSON itself (octokit/octokit.net#2836).
        var client = new GitHubClient(new Octokit.ProductHeaderValue("profilegen-tests"), new Uri(_github.ApiUrl + "/")) { Credentials = new Credentials(Token) };
        var tree = new NewTree { BaseTree = BaseTree };
        tree.Tree.Add(new NewTreeItem { Path = "profile/cards/summary-light.svg", Mode = "100644", Type = TreeType.Blob, Sha = null });

        var refused = await Assert.ThrowsAsync<ApiValidationException>(() => client.Git.Tree.Create("org", ".github", tree));
        Assert.StartsWith("Must supply either tree.sha or tree.content", refused.Message, StringComparison.Ordinal);
    }

    private async Task<JsonNode> Mutation(JsonObject fileChanges)
    {
        var (status, body) = await Post("graphql", new JsonObject
        {
            ["query"] = "mutation CommitOnBranch($commit: CreateCommitOnBranchInput!) { commit: createCommitOnBranch(input: $commit) { commit { oid } } }",
            ["variables"] = new JsonObject
            {
                ["commit"] = new JsonObject
                {
                    ["branch"] = new JsonObject { ["repositoryNameWithOwner"] = "org/.github", ["branchName"] = "main" },
                    ["expectedHeadOid"] = _base,
                    ["message"] = new JsonObject { ["headline"] = "Cartes" },
                    ["fileChanges"] = fileChanges,
                },
            },
        });
        Assert.Equal(HttpStatusCode.OK, status);
        return body!;
    }

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task CreateCommitOnBranch_adds_changes_and_deletes_several_files_in_one_commit()
    {
        var answer = await Mutation(new JsonObject
        {
            ["additions"] = new JsonArray(
                new JsonObject { ["path"] = "profile/README.md", ["contents"] = B64("# Profil 2\n") },
                new JsonObject { ["path"] = "profile/cards/lifecycle-dark.svg", ["contents"] = B64("<svg>d</svg>") }),
            ["deletions"] = new JsonArray(new JsonObject { ["path"] = "profile/cards/summary-light.svg" }),
        });

        var head = answer["data"]!["commit"]!["commit"]!["oid"]!.GetValue<string>();
        Assert.Equal(head, _repo.Git.Resolve("main"));
        Assert.Equal([_base], _repo.Git.Commits[head].Parents);
        Assert.Equal(["profile/README.md", "profile/cards/lifecycle-dark.svg", "profile/cards/mine.svg"], _repo.Git.Trees[_repo.Git.Commits[head].Tree].Keys);
        Assert.Equal("# Profil 2\n", _repo.TextAt("main", "profile/README.md"));
    }

    [Fact]
    public async Task CreateCommitOnBranch_refuses_a_path_given_twice_and_commits_nothing()
    {
        var answer = await Mutation(new JsonObject
        {
            ["additions"] = new JsonArray(new JsonObject { ["path"] = "profile/cards/mine.svg", ["contents"] = B64("x") }),
            ["deletions"] = new JsonArray(new JsonObject { ["path"] = "profile/cards/mine.svg" }),
        });

        Assert.Null(answer["data"]!["commit"]);
        Assert.NotNull(answer["errors"]);
        Assert.Equal(_base, _repo.Git.Resolve("main"));
    }
}
