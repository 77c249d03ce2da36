using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace CQEN.ProfileGen.Tests.StandInGitHub;

// Responses are GitHub's official examples with the state's values written over them.
public sealed partial class StandInGitHubServer
{
    private static readonly Dictionary<string, JsonNode> Examples = new(StringComparer.Ordinal);

    internal static JsonNode Payload(string name)
    {
        lock (Examples)
        {
            if (!Examples.TryGetValue(name, out var node))
            {
                node = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "StandInGitHub", "Payloads", name)))!;
                Examples[name] = node;
            }
            return node.DeepClone();
        }
    }

    private static string Iso(DateTimeOffset d) => d.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private JsonNode OrgJson(FakeOrg org, string apiBase)
    {
        var json = Payload("get_orgs_org.200.default-response.json");
        json["login"] = org.Login;
        json["id"] = org.Id;
        json["url"] = $"{apiBase}orgs/{org.Login}";
        json["repos_url"] = $"{apiBase}orgs/{org.Login}/repos";
        json["html_url"] = $"https://github.com/{org.Login}";
        json["name"] = org.Name;
        json["description"] = org.Description;
        json["blog"] = org.Blog;
        json["location"] = org.Location;
        json["email"] = org.Email;
        json["public_repos"] = State.Repos.Values.Count(r => r.Owner == org.Login && r.Visibility == "public");
        // The example's private counts are octocat's: the organization's own, as its members see them.
        var privateRepos = State.Repos.Values.Count(r => r.Owner == org.Login && r.Visibility != "public");
        json["total_private_repos"] = privateRepos;
        json["owned_private_repos"] = privateRepos;
        return json;
    }

    private JsonNode MinimalRepoJson(FakeRepo repo, string apiBase)
    {
        var json = Payload("get_orgs_org_repos.200.default.json")[0]!.DeepClone();
        Fill(json, repo, apiBase);
        return json;
    }

    private JsonNode FullRepoJson(FakeRepo repo, string apiBase)
    {
        var json = Payload("get_repos_owner_repo.200.default-response.json");
        Fill(json, repo, apiBase);
        return json;
    }

    private void Fill(JsonNode json, FakeRepo repo, string apiBase)
    {
        // Every URL of the example points at octocat/Hello-World on api.github.com: re-aim them.
        foreach (var (key, value) in json.AsObject().ToArray())
        {
            if (value is JsonValue v && v.TryGetValue<string>(out var s) && key.EndsWith("url", StringComparison.Ordinal))
            {
                json[key] = s.Replace("https://api.github.com/", apiBase, StringComparison.Ordinal).Replace("octocat/Hello-World", repo.FullName, StringComparison.Ordinal);
            }
        }
        json["id"] = repo.Id;
        json["node_id"] = RepositoryNodeId(repo);
        json["name"] = repo.Name;
        json["full_name"] = repo.FullName;
        var owner = json["owner"]!;
        owner["login"] = repo.Owner;
        owner["type"] = "Organization";
        owner["html_url"] = $"https://github.com/{repo.Owner}";
        json["private"] = repo.Visibility != "public";
        json["visibility"] = repo.Visibility;
        json["html_url"] = $"https://github.com/{repo.FullName}";
        json["description"] = repo.Description;
        json["fork"] = repo.Fork;
        json["homepage"] = repo.Homepage;
        json["language"] = repo.Language;
        json["stargazers_count"] = repo.Stars;
        json["watchers_count"] = repo.Stars;
        json["forks_count"] = repo.Forks;
        json["archived"] = repo.Archived;
        json["is_template"] = repo.IsTemplate;
        json["topics"] = new JsonArray([.. repo.Topics.Select(t => (JsonNode)t)]);
        json["default_branch"] = repo.DefaultBranch;
        json["created_at"] = Iso(repo.CreatedAt);
        json["updated_at"] = Iso(repo.UpdatedAt);
        json["pushed_at"] = repo.PushedAt is { } pushed ? Iso(pushed) : null;
        json["license"] = LicenseJson(repo); // present on real list items, absent from the example
    }

    private static JsonNode? LicenseJson(FakeRepo repo) => repo.License is { } l
        ? new JsonObject
        {
            ["key"] = l.Key,
            ["name"] = l.Name,
            ["spdx_id"] = l.SpdxId,
            ["url"] = l.SpdxId == "NOASSERTION" ? null : $"https://api.github.com/licenses/{l.Key}",
            ["node_id"] = "MDc6TGljZW5zZTA=",
        }
        : null;

    // readme / license / contents: the file as GitHub describes it, base64 in 60-column lines.
    private static JsonNode ContentJson(string example, FakeRepo repo, string gitRef, string path, string apiBase)
    {
        var bytes = repo.FileAt(gitRef, path)!;
        var sha = repo.Git.Trees[repo.Git.Commits[repo.Git.Resolve(gitRef)!].Tree][path];
        var json = Payload(example);
        json["name"] = Path.GetFileName(path);
        json["path"] = path;
        json["sha"] = sha;
        json["size"] = bytes.Length;
        json["url"] = $"{apiBase}repos/{repo.FullName}/contents/{path}?ref={gitRef}";
        json["html_url"] = $"https://github.com/{repo.FullName}/blob/{gitRef}/{path}";
        json["git_url"] = $"{apiBase}repos/{repo.FullName}/git/blobs/{sha}";
        json["download_url"] = $"https://raw.githubusercontent.com/{repo.FullName}/{gitRef}/{path}";
        json["type"] = "file";
        json["encoding"] = "base64";
        json["content"] = Base64Lines(bytes);
        if (json["_links"] is JsonObject links)
        {
            links["self"] = json["url"]!.GetValue<string>();
            links["git"] = json["git_url"]!.GetValue<string>();
            links["html"] = json["html_url"]!.GetValue<string>();
        }
        return json;
    }

    /// <summary>GitHub's base64: 60-character lines, each ending in \n, the last one too.</summary>
    public static string Base64Lines(byte[] bytes)
    {
        var b64 = Convert.ToBase64String(bytes);
        var sb = new StringBuilder(b64.Length + b64.Length / 60 + 1);
        for (var i = 0; i < b64.Length; i += 60)
        {
            sb.Append(b64, i, Math.Min(60, b64.Length - i)).Append('\n');
        }
        return sb.ToString();
    }

    private static JsonNode RefJson(FakeRepo repo, string name, string sha, string apiBase)
    {
        var json = Payload("post_repos_owner_repo_git_refs.201.default.json");
        json["ref"] = name;
        json["node_id"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"ref:{repo.FullName}:{name}"));
        json["url"] = $"{apiBase}repos/{repo.FullName}/git/{name}";
        json["object"] = new JsonObject { ["type"] = "commit", ["sha"] = sha, ["url"] = $"{apiBase}repos/{repo.FullName}/git/commits/{sha}" };
        return json;
    }

    private static JsonNode CommitJson(FakeRepo repo, GitCommit commit, string apiBase, string example)
    {
        var json = Payload(example);
        json["sha"] = commit.Sha;
        json["node_id"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("commit:" + commit.Sha));
        json["url"] = $"{apiBase}repos/{repo.FullName}/git/commits/{commit.Sha}";
        json["html_url"] = $"https://github.com/{repo.FullName}/commit/{commit.Sha}";
        json["message"] = commit.Message;
        foreach (var who in new[] { "author", "committer" })
        {
            json[who] = new JsonObject { ["date"] = Iso(commit.Date), ["name"] = commit.Author, ["email"] = $"{commit.Author}@users.noreply.github.com" };
        }
        json["tree"] = new JsonObject { ["sha"] = commit.Tree, ["url"] = $"{apiBase}repos/{repo.FullName}/git/trees/{commit.Tree}" };
        json["parents"] = new JsonArray([.. commit.Parents.Select(p => (JsonNode)new JsonObject { ["sha"] = p, ["url"] = $"{apiBase}repos/{repo.FullName}/git/commits/{p}", ["html_url"] = $"https://github.com/{repo.FullName}/commit/{p}" })]);
        return json;
    }

    private static JsonNode PullJson(FakeRepo repo, FakePullRequest pull, string apiBase)
    {
        var json = Payload("post_repos_owner_repo_pulls.201.default.json");
        json["number"] = pull.Number;
        json["id"] = 1_000_000 + pull.Number;
        json["url"] = $"{apiBase}repos/{repo.FullName}/pulls/{pull.Number}";
        json["html_url"] = $"https://github.com/{repo.FullName}/pull/{pull.Number}";
        json["title"] = pull.Title;
        json["body"] = pull.Body;
        json["state"] = pull.State;
        json["closed_at"] = pull.State == "closed" ? "2026-01-01T00:00:00Z" : null;
        json["merged"] = false;
        json["merged_at"] = null;
        json["user"]!["login"] = pull.Author;
        json["requested_reviewers"] = new JsonArray([.. pull.Reviewers.Where(r => !pull.Reviews.Contains(r)).Select(r => (JsonNode)User(r))]);
        json["requested_teams"] = new JsonArray([.. pull.TeamReviewers.Select(t => (JsonNode)new JsonObject { ["id"] = 1, ["node_id"] = "T_" + t, ["url"] = $"https://api.github.com/teams/{t}", ["html_url"] = $"https://github.com/orgs/{repo.Owner}/teams/{t}", ["name"] = t, ["slug"] = t, ["description"] = null, ["privacy"] = "closed", ["permission"] = "admin", ["members_url"] = "", ["repositories_url"] = "" })]);
        json["assignees"] = new JsonArray([.. pull.Assignees.Select(a => (JsonNode)User(a))]);
        json["draft"] = pull.Draft;
        json["labels"] = new JsonArray([.. pull.Labels.Select(l => (JsonNode)new JsonObject { ["id"] = 1, ["node_id"] = "LA_x", ["url"] = $"{apiBase}repos/{repo.FullName}/labels/{l}", ["name"] = l, ["description"] = null, ["color"] = "ededed", ["default"] = false })]);
        foreach (var (side, branch) in new[] { ("head", pull.Head), ("base", pull.Base) })
        {
            var end = json[side]!;
            end["ref"] = branch;
            end["label"] = $"{repo.Owner}:{branch}";
            end["sha"] = repo.Git.Resolve(branch) ?? "0000000000000000000000000000000000000000";
            end["repo"]!["full_name"] = repo.FullName;
            end["repo"]!["name"] = repo.Name;
            end["repo"]!["owner"]!["login"] = repo.Owner;
            end["user"]!["login"] = repo.Owner;
        }
        return json;
    }

    // A user as GitHub lists one (the shape of the example's "user"), for a login.
    private static JsonObject User(string login) => new()
    {
        ["login"] = login,
        ["id"] = Math.Abs(login.GetHashCode(StringComparison.Ordinal)) % 1_000_000,
        ["node_id"] = "U_" + login,
        ["avatar_url"] = $"https://github.com/images/error/{login}_happy.gif",
        ["url"] = $"https://api.github.com/users/{login}",
        ["html_url"] = $"https://github.com/{login}",
        ["type"] = "User",
        ["site_admin"] = false,
    };

    // GET /repos/{o}/{r}/commits/{sha}: GitHub has no official example of it in the shared
    // examples, so this follows the documented shape: the git commit nested, and the files
    // changed against the first parent.
    private static JsonNode CommitWithFilesJson(FakeRepo repo, GitCommit commit, string apiBase)
    {
        var git = repo.Git;
        var tree = git.Trees[commit.Tree];
        var parentTree = commit.Parents.Count > 0 ? git.Trees[git.Commits[commit.Parents[0]].Tree] : new SortedDictionary<string, string>(StringComparer.Ordinal);
        var changed = tree.Keys.Union(parentTree.Keys).Where(p => tree.GetValueOrDefault(p) != parentTree.GetValueOrDefault(p)).Order(StringComparer.Ordinal);
        return new JsonObject
        {
            ["sha"] = commit.Sha,
            ["node_id"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("commit:" + commit.Sha)),
            ["commit"] = CommitJson(repo, commit, apiBase, "get_repos_owner_repo_git_commits_commit_sha.200.default.json"),
            ["url"] = $"{apiBase}repos/{repo.FullName}/commits/{commit.Sha}",
            ["html_url"] = $"https://github.com/{repo.FullName}/commit/{commit.Sha}",
            ["parents"] = new JsonArray([.. commit.Parents.Select(p => (JsonNode)new JsonObject { ["sha"] = p, ["url"] = $"{apiBase}repos/{repo.FullName}/commits/{p}", ["html_url"] = $"https://github.com/{repo.FullName}/commit/{p}" })]),
            ["files"] = new JsonArray([.. changed.Select(path => (JsonNode)new JsonObject
            {
                ["sha"] = tree.GetValueOrDefault(path) ?? parentTree[path],
                ["filename"] = path,
                ["status"] = !parentTree.ContainsKey(path) ? "added" : !tree.ContainsKey(path) ? "removed" : "modified",
                ["additions"] = 0,
                ["deletions"] = 0,
                ["changes"] = 0,
                ["blob_url"] = $"https://github.com/{repo.FullName}/blob/{commit.Sha}/{path}",
                ["raw_url"] = $"https://github.com/{repo.FullName}/raw/{commit.Sha}/{path}",
                ["contents_url"] = $"{apiBase}repos/{repo.FullName}/contents/{path}?ref={commit.Sha}",
            })]),
        };
    }

    private static JsonNode ReviewJson(FakeRepo repo, FakePullRequest pull, string login, int index) => new JsonObject
    {
        ["id"] = 80 + index,
        ["node_id"] = "PRR_x" + index,
        ["user"] = User(login),
        ["body"] = "",
        ["state"] = "APPROVED",
        ["html_url"] = $"https://github.com/{repo.FullName}/pull/{pull.Number}#pullrequestreview-{80 + index}",
        ["pull_request_url"] = $"https://api.github.com/repos/{repo.FullName}/pulls/{pull.Number}",
        ["commit_id"] = repo.Git.Resolve(pull.Head),
        ["submitted_at"] = "2026-01-01T00:00:00Z",
        ["author_association"] = "MEMBER",
    };

    private static JsonNode CommentJson(FakeRepo repo, FakePullRequest pull, string body, int index, string apiBase) => new JsonObject
    {
        ["id"] = 5_000_000 + pull.Number * 1000 + index,
        ["node_id"] = "IC_x",
        ["url"] = $"{apiBase}repos/{repo.FullName}/issues/comments/{index}",
        ["html_url"] = $"https://github.com/{repo.FullName}/pull/{pull.Number}#issuecomment-{index}",
        ["body"] = body,
        ["user"] = new JsonObject { ["login"] = "profilegen-bot", ["id"] = 1, ["type"] = "Bot" },
        ["created_at"] = "2026-01-01T00:00:00Z",
        ["updated_at"] = "2026-01-01T00:00:00Z",
        ["issue_url"] = $"{apiBase}repos/{repo.FullName}/issues/{pull.Number}",
        ["author_association"] = "NONE",
    };
}
