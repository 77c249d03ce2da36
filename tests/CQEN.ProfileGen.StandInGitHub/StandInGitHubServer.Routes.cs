using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CQEN.ProfileGen.Tests.StandInGitHub;

// The route table: ASP.NET Core route templates, each with who may call it (Access) and a
// handler that turns the request into a Response. The templates are the paths of GitHub's REST
// API after the GHES prefix; the handlers' bodies are the behaviour GitHub documents.
public sealed partial class StandInGitHubServer
{
    private const string Digits = @"regex(^\d+$)";

    private void MapRoutes(IEndpointRouteBuilder app)
    {
        // No token needed: the download host (signed URLs) and the App's JWT-authenticated routes.
        Map(app, null, $"/_downloads/{{id:{Digits}}}/{{name}}", Access.Anyone, Download);
        Map(app, null, "/orgs/{org}/installation", Access.AppJwt, OrgInstallation);
        Map(app, null, $"/app/installations/{{id:{Digits}}}/access_tokens", Access.AppJwt, InstallationToken);

        // A token, if any, must be known; no write check (GraphQL mutations are POSTs like its queries).
        Map(app, null, "/graphql", Access.Token, GraphQlEndpoint);
        Map(app, null, "/api/graphql", Access.Token, c => c.Prefix.Length == 0 ? GraphQlEndpoint(c) : Error(404, "Not Found"));
        Map(app, "DELETE", "/installation/token", Access.Token, RevokeInstallationToken);

        Map(app, "GET", "/rate_limit", Access.Rest, RateLimit);
        Map(app, "GET", "/orgs/{org}", Access.Rest, c => Json(200, OrgJson(Org(c), c.ApiBase)));
        Map(app, "GET", "/orgs/{org}/repos", Access.Rest, OrgRepos);

        MapRepo(app, "GET", "", (c, repo) => Json(200, RepoJsonFor(c, repo)));
        MapRepo(app, "GET", "/topics", (c, repo) => Json(200, new JsonObject { ["names"] = new JsonArray([.. repo.Topics.Select(t => (JsonNode)t)]) }));
        MapRepo(app, "GET", "/readme", Readme);
        MapRepo(app, "GET", "/license", License);
        MapRepo(app, "GET", "/contents/{**path}", Contents);
        MapRepo(app, "GET", "/contents", Contents);
        MapRepo(app, "GET", "/tags", Tags);
        MapRepo(app, "GET", "/releases", Releases);
        MapRepo(app, "GET", "/releases/tags/{**tag}", ReleaseByTag);
        MapRepo(app, "GET", $"/releases/assets/{{id:{Digits}}}", ReleaseAsset);
        MapRepo(app, "GET", "/attestations/{**digest}", Attestations);
        foreach (var kind in new[] { "refs", "ref", "matching-refs" })
        {
            MapRepo(app, "GET", $"/git/{kind}/{{**ref}}", (c, repo) => GetRefs(repo, kind, c["ref"], c.ApiBase));
        }
        MapRepo(app, "POST", "/git/refs", CreateRef);
        MapRepo(app, "PATCH", "/git/refs/{**ref}", UpdateRef);
        MapRepo(app, "DELETE", "/git/refs/{**ref}", DeleteRef);
        MapRepo(app, "POST", "/git/blobs", CreateBlob);
        MapRepo(app, "POST", "/git/trees", CreateTree);
        MapRepo(app, "GET", "/git/trees/{sha}", GetTree);
        MapRepo(app, "POST", "/git/commits", CreateCommit);
        MapRepo(app, "GET", "/commits/{sha}", CommitWithFiles);
        MapRepo(app, "GET", "/git/commits/{sha}", GitCommit);
        MapRepo(app, "GET", "/pulls", ListPulls);
        MapRepo(app, "POST", "/pulls", CreatePull);
        // A pull request is an issue too: every sub-resource answers under both names.
        foreach (var kind in new[] { "pulls", "issues" })
        {
            var n = $"/{kind}/{{n:{Digits}}}";
            MapPull(app, "GET", n, (c, repo, pull) => Json(200, PullJson(repo, pull, c.ApiBase)));
            MapPull(app, "PATCH", n, UpdatePull);
            MapPull(app, "GET", n + "/comments", (c, repo, pull) =>
                Paged(pull.Comments.Select((x, i) => (x, i)).ToArray(), c.Query, c.ApiBase, $"repos/{repo.FullName}/issues/{pull.Number}/comments", x => CommentJson(repo, pull, x.x, x.i, c.ApiBase)));
            MapPull(app, "POST", n + "/comments", AddComment);
            MapPull(app, "POST", n + "/labels", AddLabels);
            MapPull(app, "POST", n + "/requested_reviewers", RequestReviewers);
            MapPull(app, "POST", n + "/assignees", AddAssignees);
            MapPull(app, "GET", n + "/reviews", (c, repo, pull) =>
                Paged(pull.Reviews.Select((r, i) => (r, i)).ToArray(), c.Query, c.ApiBase, $"repos/{repo.FullName}/pulls/{pull.Number}/reviews", x => ReviewJson(repo, pull, x.r, x.i)));
        }
        MapPermissionRoutes(app);
        MapDoctorRoutes(app);
        MapCustomPropertyRoutes(app);
        // Anything else under a repository: still 404 for a repository the caller cannot see,
        // 403 for a write to one it cannot reach, then 404.
        MapRepo(app, null, "/{**rest}", (_, _) => Error(404, "Not Found"));
    }

    /// <summary>Who may call a route, checked before its handler runs.</summary>
    private enum Access
    {
        /// <summary>Anyone, no token read (the download host).</summary>
        Anyone,

        /// <summary>The handler checks the App's JWT itself, under the state's lock.</summary>
        AppJwt,

        /// <summary>A token, if sent, must be known and within its rate limit.</summary>
        Token,

        /// <summary>As Token, and writes need a token that may write; the handler runs under the state's lock.</summary>
        Rest,
    }

    private sealed record StandInRoute(Access Access, Func<Call, Response> Handle);

    private void Map(IEndpointRouteBuilder app, string? method, string template, Access access, Func<Call, Response> handle)
    {
        var route = new StandInRoute(access, handle);
        RequestDelegate run = async context =>
        {
            var call = context.Features.Get<Call>()!;
            if (access is Access.Rest or Access.AppJwt)
            {
                lock (State.Gate)
                {
                    call.Answer = handle(call);
                }
                // GitHub's time for a list page is spent outside the state's lock, so pages asked
                // for together are answered together, as GitHub answers them.
                if (call.ListedRepositories is { } listed && await ChargeRestListAsync(listed, call.ArrivedOnModel) is { } timedOut)
                {
                    call.Answer = timedOut;
                }
            }
            else
            {
                call.Answer = handle(call);
            }
        };
        var endpoint = method is null ? app.Map(template, run) : app.MapMethods(template, [method], run);
        endpoint.WithMetadata(route);
    }

    // Under /repos/{owner}/{repo}: the repository must be visible to the caller, and a write must reach it.
    private void MapRepo(IEndpointRouteBuilder app, string? method, string rest, Func<Call, FakeRepo, Response> handle) =>
        Map(app, method, "/repos/{owner}/{repo}" + rest, Access.Rest, call =>
        {
            var repo = Repo(call);
            if (call.Method is not ("GET" or "HEAD") && !call.User!.Reaches(repo))
            {
                return Error(403, "Resource not accessible by integration", "https://docs.github.com/rest");
            }
            return handle(call, repo);
        });

    private void MapPull(IEndpointRouteBuilder app, string method, string rest, Func<Call, FakeRepo, FakePullRequest, Response> handle) =>
        MapRepo(app, method, rest, (call, repo) =>
        {
            var number = int.Parse(call["n"], CultureInfo.InvariantCulture);
            var pull = repo.Pulls.FirstOrDefault(p => p.Number == number) ?? throw new ApiError(Error(404, "Not Found"));
            return handle(call, repo, pull);
        });

    // ---- the API's root ------------------------------------------------------------------

    private Response GraphQlEndpoint(Call call) =>
        call.Method == "POST" ? GraphQl(call.Body, call.User, call.ApiBase, call.ArrivedOnModel) : Error(404, "Not Found");

    private Response RevokeInstallationToken(Call call)
    {
        if (call.User is not { } user)
        {
            return Error(401, "Requires authentication", "https://docs.github.com/rest");
        }
        // Revoking an installation token: it stops working at once.
        State.Tokens.Remove(user.Token);
        return new Response(204, "");
    }

    private Response RateLimit(Call call)
    {
        // The example's shape, with the caller's own figures for the core resource and GraphQL (one budget here).
        var json = Payload("get_rate_limit.200.default.json");
        var (limit, remaining, used) = Count(call.User?.Token, 304);
        foreach (var node in new[] { json["resources"]!["core"]!, json["resources"]!["graphql"]!, json["rate"]! })
        {
            node["limit"] = limit;
            node["remaining"] = remaining;
            node["used"] = used;
            node["reset"] = ResetEpoch;
        }
        return Json(200, json);
    }

    private Response OrgRepos(Call call)
    {
        var org = Org(call);
        var type = call.Query["type"].ToString();
        var repos = State.Repos.Values.Where(r => r.Owner.Equals(org.Login, StringComparison.OrdinalIgnoreCase) && Visible(r, call.User))
            .Where(r => type switch { "public" => r.Visibility == "public", "private" => r.Visibility != "public", "forks" => r.Fork, "sources" => !r.Fork, _ => true })
            .ToArray();
        // GitHub's default for this list: sort=created, direction=desc; full_name sorts ascending
        // unless told otherwise, in the order GraphQL's NAME gives.
        var byName = call.Query["sort"].ToString() == "full_name";
        var ascending = call.Query["direction"].ToString() is { Length: > 0 } d ? d == "asc" : byName;
        IEnumerable<FakeRepo> ordered = byName ? repos.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase) : repos.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id);
        repos = [.. ascending ? ordered : ordered.Reverse()];
        var perPage = Math.Clamp(int.TryParse(call.Query["per_page"], out var pp) ? pp : 30, 1, 100);
        var page = Math.Max(1, int.TryParse(call.Query["page"], out var p) ? p : 1);
        call.ListedRepositories = Math.Clamp(repos.Length - (page - 1) * perPage, 0, perPage);
        return Paged(repos, call.Query, call.ApiBase, $"orgs/{org.Login}/repos", r => MinimalRepoJson(r, call.ApiBase));
    }

    // ---- files -----------------------------------------------------------------------------

    private static string RefOrDefault(Call call, FakeRepo repo) => call.Query["ref"].ToString() is { Length: > 0 } r ? r : repo.DefaultBranch;

    private Response Readme(Call call, FakeRepo repo)
    {
        var gitRef = RefOrDefault(call, repo);
        // GitHub's order (about-readmes.md): .github, then the root, then docs; README.md first in a folder.
        var head = repo.Git.Resolve(gitRef);
        var paths = head is null ? [] : repo.Git.Trees[repo.Git.Commits[head].Tree].Keys.ToArray();
        var name = new[] { ".github/", "", "docs/" }
            .Select(folder => paths.Where(p => p.StartsWith(folder, StringComparison.Ordinal) && !p[folder.Length..].Contains('/')
                    && p[folder.Length..].StartsWith("readme", StringComparison.OrdinalIgnoreCase))
                .OrderBy(p => p[folder.Length..] == "README.md" ? 0 : 1).ThenBy(p => p, StringComparer.Ordinal).FirstOrDefault())
            .FirstOrDefault(p => p is not null);
        return name is null ? Error(404, "Not Found", "https://docs.github.com/rest/repos/contents#get-a-repository-readme")
            : Json(200, ContentJson("get_repos_owner_repo_readme.200.default.json", repo, gitRef, name, call.ApiBase));
    }

    private Response License(Call call, FakeRepo repo)
    {
        var name = repo.RootFiles(repo.DefaultBranch).Where(IsLicenseName).OrderBy(n => n.Length).FirstOrDefault();
        if (repo.License is null || name is null)
        {
            return Error(404, "Not Found", "https://docs.github.com/rest/licenses/licenses#get-the-license-for-a-repository");
        }
        var json = ContentJson("get_repos_owner_repo_license.200.default.json", repo, repo.DefaultBranch, name, call.ApiBase);
        json["license"] = LicenseJson(repo);
        return Json(200, json);
    }

    private Response Contents(Call call, FakeRepo repo)
    {
        var gitRef = RefOrDefault(call, repo);
        var filePath = Uri.UnescapeDataString(call["path"]);
        if (repo.Git.IsEmpty)
        {
            return Error(404, "This repository is empty.", "https://docs.github.com/rest/repos/contents#get-repository-content");
        }
        if (repo.FileAt(gitRef, filePath) is not { } bytes)
        {
            return FolderContents(repo, gitRef, filePath.TrimEnd('/'), call.ApiBase) is { } folder ? Json(200, folder)
                : Error(404, "Not Found", "https://docs.github.com/rest/repos/contents#get-repository-content");
        }
        return call.Accept.Contains("raw", StringComparison.Ordinal)
            ? new Response(200, null, new Dictionary<string, string>(), bytes, "application/vnd.github.v3.raw; charset=utf-8")
            : Json(200, ContentJson("get_repos_owner_repo_contents_path.200.response-if-content-is-a-file.json", repo, gitRef, filePath, call.ApiBase));
    }

    // A folder's listing, as GitHub gives it (the example's shape): an array of its entries, files
    // ("file", or "symlink" for a link) and folders ("dir"), each with its path, sha and URLs; null
    // when no such folder is at that ref.
    private JsonArray? FolderContents(FakeRepo repo, string gitRef, string folder, string apiBase)
    {
        var head = repo.Git.Resolve(gitRef);
        if (head is null)
        {
            return null;
        }
        var prefix = folder.Length == 0 ? "" : folder + "/";
        var tree = repo.Git.Trees[repo.Git.Commits[head].Tree];
        var entries = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (path, blob) in tree.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var rest = path[prefix.Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            entries[slash < 0 ? rest : rest[..slash]] = slash < 0 ? blob : null;
        }
        if (entries.Count == 0)
        {
            return null;
        }
        var template = Payload("get_repos_owner_repo_contents_path.200.response-if-content-is-a-directory.json").AsArray();
        return new JsonArray([.. entries.Select(e =>
        {
            var path = prefix + e.Key;
            var type = e.Value is null ? "dir" : Symlinks.Contains($"{repo.FullName}:{path}") ? "symlink" : "file";
            var sha = e.Value ?? Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(repo.FullName + ":" + head + ":" + path)));
            var json = template[type == "dir" ? 1 : 0]!.DeepClone().AsObject();
            var self = $"{apiBase}repos/{repo.FullName}/contents/{path}";
            var git = $"{apiBase}repos/{repo.FullName}/git/{(type == "dir" ? "trees" : "blobs")}/{sha}";
            var html = $"https://github.com/{repo.FullName}/{(type == "dir" ? "tree" : "blob")}/{gitRef}/{path}";
            json["type"] = type;
            json["size"] = e.Value is null ? 0 : repo.Git.Blobs[e.Value].Length;
            json["name"] = e.Key;
            json["path"] = path;
            json["sha"] = sha;
            json["url"] = self;
            json["git_url"] = git;
            json["html_url"] = html;
            json["download_url"] = type == "dir" ? null : $"https://raw.githubusercontent.com/{repo.FullName}/{gitRef}/{path}";
            json["_links"] = new JsonObject { ["self"] = self, ["git"] = git, ["html"] = html };
            return (JsonNode)json;
        })]);
    }

    // ---- git data --------------------------------------------------------------------------

    private static Response GetRefs(FakeRepo repo, string kind, string name, string apiBase)
    {
        var git = repo.Git;
        if (git.IsEmpty)
        {
            return Error(409, "Git Repository is empty.", "https://docs.github.com/rest/git/refs#get-a-reference");
        }
        var full = "refs/" + name;
        if (kind == "matching-refs")
        {
            var matches = git.Refs.Where(r => r.Key.StartsWith(full, StringComparison.Ordinal)).OrderBy(r => r.Key, StringComparer.Ordinal);
            return Json(200, new JsonArray([.. matches.Select(r => (JsonNode)RefJson(repo, r.Key, r.Value, apiBase))]));
        }
        if (git.Refs.TryGetValue(full, out var sha))
        {
            return Json(200, RefJson(repo, full, sha, apiBase));
        }
        // The legacy plural route answers a list when the name is only a prefix of other refs.
        var prefixed = git.Refs.Where(r => r.Key.StartsWith(full + "/", StringComparison.Ordinal) || (kind == "refs" && r.Key.StartsWith(full, StringComparison.Ordinal))).ToArray();
        return kind == "refs" && prefixed.Length > 0
            ? Json(200, new JsonArray([.. prefixed.Select(r => (JsonNode)RefJson(repo, r.Key, r.Value, apiBase))]))
            : Error(404, "Not Found", "https://docs.github.com/rest/git/refs#get-a-reference");
    }

    private Response CreateRef(Call call, FakeRepo repo)
    {
        var git = repo.Git;
        var input = Body(call.Body);
        var name = Str(input, "ref") ?? throw Invalid("ref");
        var sha = Str(input, "sha") ?? throw Invalid("sha");
        if (git.IsEmpty)
        {
            throw new ApiError(Error(409, "Git Repository is empty.", "https://docs.github.com/rest/git/refs#create-a-reference"));
        }
        if (!name.StartsWith("refs/", StringComparison.Ordinal) || name.Count(c => c == '/') < 2)
        {
            throw new ApiError(Error(422, "Reference name must start with 'refs/' and have at least two slashes.", "https://docs.github.com/rest/git/refs#create-a-reference"));
        }
        if (git.Refs.ContainsKey(name))
        {
            throw new ApiError(Error(422, "Reference already exists", "https://docs.github.com/rest/git/refs#create-a-reference"));
        }
        if (!git.Commits.ContainsKey(sha))
        {
            throw new ApiError(Error(422, "Object does not exist", "https://docs.github.com/rest/git/refs#create-a-reference"));
        }
        CheckRules(repo, name, null, sha, "https://docs.github.com/rest/git/refs#create-a-reference");
        git.Refs[name] = sha;
        return Json(201, RefJson(repo, name, sha, call.ApiBase), new Dictionary<string, string> { ["location"] = $"{call.ApiBase}repos/{repo.FullName}/git/{name}" });
    }

    private Response UpdateRef(Call call, FakeRepo repo)
    {
        var git = repo.Git;
        var name = "refs/" + call["ref"];
        var input = Body(call.Body);
        var sha = Str(input, "sha") ?? throw Invalid("sha");
        var force = input["force"]?.GetValue<bool>() ?? false;
        if (!git.Refs.TryGetValue(name, out var current))
        {
            throw new ApiError(Error(422, "Reference does not exist", "https://docs.github.com/rest/git/refs#update-a-reference"));
        }
        if (!git.Commits.ContainsKey(sha))
        {
            throw new ApiError(Error(422, "Object does not exist", "https://docs.github.com/rest/git/refs#update-a-reference"));
        }
        if (!force && !git.IsAncestor(current, sha))
        {
            throw new ApiError(Error(422, "Update is not a fast forward", "https://docs.github.com/rest/git/refs#update-a-reference"));
        }
        CheckRules(repo, name, current, sha, "https://docs.github.com/rest/git/refs#update-a-reference");
        git.Refs[name] = sha;
        return Json(200, RefJson(repo, name, sha, call.ApiBase));
    }

    private static Response DeleteRef(Call call, FakeRepo repo)
    {
        var name = "refs/" + call["ref"];
        if (!repo.Git.Refs.TryGetValue(name, out var current))
        {
            return Error(422, "Reference does not exist", "https://docs.github.com/rest/git/refs#delete-a-reference");
        }
        CheckRules(repo, name, current, null, "https://docs.github.com/rest/git/refs#delete-a-reference");
        repo.Git.Refs.Remove(name);
        return new Response(204, null);
    }

    private static Response CreateBlob(Call call, FakeRepo repo)
    {
        var input = Body(call.Body);
        var content = Str(input, "content") ?? throw Invalid("content");
        var bytes = Str(input, "encoding") == "base64" ? Convert.FromBase64String(content) : Encoding.UTF8.GetBytes(content);
        var sha = repo.Git.AddBlob(bytes);
        return Json(201, new JsonObject { ["url"] = $"{call.ApiBase}repos/{repo.FullName}/git/blobs/{sha}", ["sha"] = sha });
    }

    private static Response CreateTree(Call call, FakeRepo repo)
    {
        var git = repo.Git;
        var input = Body(call.Body);
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Str(input, "base_tree") is { } baseTree)
        {
            if (!git.Trees.TryGetValue(baseTree, out var existing))
            {
                throw new ApiError(Error(422, "Invalid tree info", "https://docs.github.com/rest/git/trees#create-a-tree"));
            }
            foreach (var (k, v) in existing)
            {
                entries[k] = v;
            }
        }
        foreach (var item in input["tree"]?.AsArray() ?? throw Invalid("tree"))
        {
            var itemPath = Str(item, "path") ?? throw Invalid("tree.path");
            var hasSha = item is JsonObject o && o.ContainsKey("sha");
            if (hasSha && item is JsonObject both && both.ContainsKey("content"))
            {
                throw new ApiError(Error(422, "Must supply either tree.sha or tree.content. Request will be rejected if both are present.", "https://docs.github.com/rest/git/trees#create-a-tree"));
            }
            if (hasSha && item!["sha"] is null)
            {
                // "If the value is null then the file will be deleted"; "Returns an error if you try
                // to delete a file that does not exist" (GitHub's "Create a tree"), answered as
                // GitHub answers it (GitRPC::BadObjectState; buildware-ai#29 quotes the 422).
                if (!entries.Remove(itemPath))
                {
                    throw new ApiError(Error(422, "GitRPC::BadObjectState", "https://docs.github.com/rest/git/trees#create-a-tree"));
                }
                continue;
            }
            var sha = Str(item, "sha") ?? (Str(item, "content") is { } c ? git.AddBlob(Encoding.UTF8.GetBytes(c))
                : throw new ApiError(Error(422, "Must supply either tree.sha or tree.content. Request will be rejected if both are present.", "https://docs.github.com/rest/git/trees#create-a-tree")));
            if (!git.Blobs.ContainsKey(sha))
            {
                throw new ApiError(Error(422, "Invalid tree info", "https://docs.github.com/rest/git/trees#create-a-tree"));
            }
            entries[itemPath] = sha;
        }
        var treeSha = git.AddTree(entries);
        var json = Payload("post_repos_owner_repo_git_trees.201.default.json");
        json["sha"] = treeSha;
        json["url"] = $"{call.ApiBase}repos/{repo.FullName}/git/trees/{treeSha}";
        return Json(201, json);
    }

    // GET a tree, as GitHub's "Get a tree": the entries of that folder, or with ?recursive= every
    // blob and folder below it, each folder an entry of type "tree" (this store keeps whole paths,
    // so a folder's sha is made up from its name, as stable as git's for the same tree).
    private static Response GetTree(Call call, FakeRepo repo)
    {
        var git = repo.Git;
        if (!git.Trees.TryGetValue(call["sha"], out var tree))
        {
            return Error(404, "Not Found", "https://docs.github.com/rest/git/trees#get-a-tree");
        }
        var recursive = call.Query["recursive"].ToString().Length > 0;
        var folders = tree.Keys.SelectMany(p => Enumerable.Range(1, p.Count(c => c == '/')).Select(n => string.Join('/', p.Split('/').Take(n)))).Distinct(StringComparer.Ordinal);
        var entries = new JsonArray();
        foreach (var folder in folders.Where(f => recursive || !f.Contains('/', StringComparison.Ordinal)))
        {
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(Encoding.UTF8.GetBytes(call["sha"] + ":" + folder)));
            entries.Add(new JsonObject { ["path"] = folder, ["mode"] = "040000", ["type"] = "tree", ["sha"] = sha, ["url"] = $"{call.ApiBase}repos/{repo.FullName}/git/trees/{sha}" });
        }
        foreach (var (path, blob) in tree.Where(e => recursive || !e.Key.Contains('/', StringComparison.Ordinal)))
        {
            entries.Add(new JsonObject { ["path"] = path, ["mode"] = "100644", ["type"] = "blob", ["size"] = git.Blobs[blob].Length, ["sha"] = blob, ["url"] = $"{call.ApiBase}repos/{repo.FullName}/git/blobs/{blob}" });
        }
        var json = Payload("get_repos_owner_repo_git_trees_tree_sha.200.default-response.json");
        json["sha"] = call["sha"];
        json["url"] = $"{call.ApiBase}repos/{repo.FullName}/git/trees/{call["sha"]}";
        json["tree"] = entries;
        json["truncated"] = false;
        return Json(200, json);
    }

    private static Response CreateCommit(Call call, FakeRepo repo)
    {
        var git = repo.Git;
        var input = Body(call.Body);
        var tree = Str(input, "tree") ?? throw Invalid("tree");
        var parents = input["parents"]?.AsArray().Select(p => p!.GetValue<string>()).ToArray() ?? [];
        if (!git.Trees.ContainsKey(tree) || parents.Any(p => !git.Commits.ContainsKey(p)))
        {
            throw new ApiError(Error(422, "Tree SHA does not exist", "https://docs.github.com/rest/git/commits#create-a-commit"));
        }
        var sha = git.AddCommit(tree, parents, Str(input, "message") ?? throw Invalid("message"), call.User!.Login);
        if (!call.User.IsBot)
        {
            // "Commit signing is only supported with bot generated tokens" (create-pull-request docs, R8).
            git.Unsigned.Add(sha);
        }
        return Json(201, CommitJson(repo, git.Commits[sha], call.ApiBase, "post_repos_owner_repo_git_commits.201.default.json"));
    }

    private static bool IsSha(string s) => s.Length == 40 && s.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    private static Response CommitWithFiles(Call call, FakeRepo repo) =>
        !IsSha(call["sha"]) ? Error(404, "Not Found")
        : repo.Git.Commits.TryGetValue(call["sha"], out var commit)
            ? Json(200, CommitWithFilesJson(repo, commit, call.ApiBase))
            : Error(422, "No commit found for SHA: " + call["sha"], "https://docs.github.com/rest/commits/commits#get-a-commit");

    private static Response GitCommit(Call call, FakeRepo repo) =>
        !IsSha(call["sha"]) ? Error(404, "Not Found")
        : repo.Git.Commits.TryGetValue(call["sha"], out var commit)
            ? Json(200, CommitJson(repo, commit, call.ApiBase, "get_repos_owner_repo_git_commits_commit_sha.200.default.json"))
            : Error(404, "Not Found", "https://docs.github.com/rest/git/commits#get-a-commit-object");

    // ---- pull requests ----------------------------------------------------------------------

    private Response ListPulls(Call call, FakeRepo repo)
    {
        var query = call.Query;
        var state = query["state"].ToString() is { Length: > 0 } s ? s : "open";
        var pulls = repo.Pulls.Where(p => state == "all" || p.State == state);
        // GitHub filters on head only in the owner:branch form; a bare branch is ignored.
        if (query["head"].ToString() is { Length: > 0 } head && head.Contains(':'))
        {
            var (headOwner, branch) = (head[..head.IndexOf(':')], head[(head.IndexOf(':') + 1)..]);
            pulls = pulls.Where(p => headOwner.Equals(repo.Owner, StringComparison.OrdinalIgnoreCase) && p.Head == branch);
        }
        if (query["base"].ToString() is { Length: > 0 } baseBranch)
        {
            pulls = pulls.Where(p => p.Base == baseBranch);
        }
        return Paged(pulls.OrderByDescending(p => p.Number).ToArray(), query, call.ApiBase, $"repos/{repo.FullName}/pulls", p => PullJson(repo, p, call.ApiBase));
    }

    private Response CreatePull(Call call, FakeRepo repo)
    {
        var git = repo.Git;
        Require(call.User!, repo, "https://docs.github.com/rest/pulls/pulls#create-a-pull-request", "pull_requests");
        RequireActionsMayCreatePullRequests(call.User!, repo);
        var input = Body(call.Body);
        var head = Str(input, "head") ?? throw Invalid("head");
        var baseBranch = Str(input, "base") ?? throw Invalid("base");
        var branch = head.Contains(':') ? head[(head.IndexOf(':') + 1)..] : head;
        if (git.Resolve(branch) is not { } headSha || !git.Refs.ContainsKey("refs/heads/" + branch))
        {
            throw new ApiError(Validation("PullRequest", "invalid", null, "head"));
        }
        if (repo.Pulls.Any(p => p.State == "open" && p.Head == branch && p.Base == baseBranch))
        {
            throw new ApiError(Validation("PullRequest", "custom", $"A pull request already exists for {repo.Owner}:{branch}."));
        }
        var baseSha = git.Resolve(baseBranch);
        if (baseSha is null || git.IsAncestor(headSha, baseSha))
        {
            throw new ApiError(Validation("PullRequest", "custom", $"No commits between {baseBranch} and {branch}"));
        }
        CheckDraft(repo, input["draft"]?.GetValue<bool>() == true);
        var pull = new FakePullRequest { Number = repo.Pulls.Count + 1, Title = Str(input, "title") ?? branch, Body = Str(input, "body") ?? "", Head = branch, Base = baseBranch, Author = call.User!.Login, Draft = input["draft"]?.GetValue<bool>() == true };
        repo.Pulls.Add(pull);
        return Json(201, PullJson(repo, pull, call.ApiBase), new Dictionary<string, string> { ["location"] = $"{call.ApiBase}repos/{repo.FullName}/pulls/{pull.Number}" });
    }

    private static Response UpdatePull(Call call, FakeRepo repo, FakePullRequest pull)
    {
        Require(call.User!, repo, "https://docs.github.com/rest/pulls/pulls#update-a-pull-request", "pull_requests", "issues");
        var input = Body(call.Body);
        pull.Title = Str(input, "title") ?? pull.Title;
        pull.Body = Str(input, "body") ?? pull.Body;
        if (Str(input, "state") is { } state)
        {
            if (state == "open" && pull.State == "closed" && repo.Pulls.Any(p => p != pull && p.State == "open" && p.Head == pull.Head))
            {
                throw new ApiError(Validation("PullRequest", "custom", $"A pull request already exists for {repo.Owner}:{pull.Head}."));
            }
            pull.State = state;
        }
        return Json(200, PullJson(repo, pull, call.ApiBase));
    }

    private static Response AddComment(Call call, FakeRepo repo, FakePullRequest pull)
    {
        Require(call.User!, repo, "https://docs.github.com/rest/issues/comments#create-an-issue-comment", "pull_requests", "issues");
        pull.Comments.Add(Str(Body(call.Body), "body") ?? throw Invalid("body"));
        return Json(201, CommentJson(repo, pull, pull.Comments[^1], pull.Comments.Count - 1, call.ApiBase));
    }

    private static Response AddLabels(Call call, FakeRepo repo, FakePullRequest pull)
    {
        var input = Body(call.Body);
        var labels = (input as JsonArray ?? input["labels"]?.AsArray() ?? throw Invalid("labels")).Select(l => l!.GetValue<string>()).ToArray();
        Require(call.User!, repo, "https://docs.github.com/rest/issues/labels#add-labels-to-an-issue", "pull_requests", "issues");
        CreateMissingLabels(call.User!, repo, labels);
        foreach (var label in labels.Where(l => !pull.Labels.Contains(l)))
        {
            pull.Labels.Add(label);
        }
        return Json(200, new JsonArray([.. pull.Labels.Select(l => (JsonNode)new JsonObject { ["id"] = l.GetHashCode(), ["node_id"] = "LA_x", ["url"] = $"{call.ApiBase}repos/{repo.FullName}/labels/{l}", ["name"] = l, ["color"] = "ededed", ["default"] = false, ["description"] = null })]));
    }

    private Response RequestReviewers(Call call, FakeRepo repo, FakePullRequest pull)
    {
        Require(call.User!, repo, "https://docs.github.com/rest/pulls/review-requests#request-reviewers-for-a-pull-request", "pull_requests");
        var reviewers = Body(call.Body)["reviewers"]?.AsArray().Select(r => r!.GetValue<string>()).ToArray() ?? [];
        CheckReviewers(call.User!, repo, pull, reviewers, Body(call.Body)["team_reviewers"]?.AsArray().Select(r => r!.GetValue<string>()).ToArray() ?? []);
        foreach (var reviewer in reviewers)
        {
            pull.Reviews.Remove(reviewer); // re-requesting a review asks them again
            if (!pull.Reviewers.Contains(reviewer))
            {
                pull.Reviewers.Add(reviewer);
            }
        }
        foreach (var team in Body(call.Body)["team_reviewers"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
        {
            if (!pull.TeamReviewers.Contains(team))
            {
                pull.TeamReviewers.Add(team);
            }
        }
        return Json(201, PullJson(repo, pull, call.ApiBase));
    }

    private static Response AddAssignees(Call call, FakeRepo repo, FakePullRequest pull)
    {
        Require(call.User!, repo, "https://docs.github.com/rest/issues/assignees#add-assignees-to-an-issue", "pull_requests", "issues");
        // GitHub silently leaves out whoever cannot be assigned (no push access): the answer says who is.
        foreach (var assignee in Body(call.Body)["assignees"]?.AsArray().Select(r => r!.GetValue<string>()).Where(repo.Collaborators.Contains) ?? [])
        {
            if (!pull.Assignees.Contains(assignee))
            {
                pull.Assignees.Add(assignee);
            }
        }
        return Json(201, PullJson(repo, pull, call.ApiBase));
    }

    /// <summary>One request as the routes see it: its body read once, the caller, and the base of the URLs to answer with.</summary>
    internal sealed class Call(HttpContext context, string body, string? token)
    {
        public HttpContext Context => context;
        public string Method => context.Request.Method;
        public string Body => body;

        /// <summary>The token or JWT sent, as is.</summary>
        public string? Token => token;

        /// <summary>Whom the token stands for (null: anonymous), once the pipeline has checked it.</summary>
        public FakeToken? User { get; set; }

        /// <summary>The cost model's clock when the request arrived: its modelled time starts there.</summary>
        public double ArrivedOnModel { get; init; }

        /// <summary>Repositories a list page answered (the cost model charges for them).</summary>
        public int? ListedRepositories { get; set; }
        public IQueryCollection Query => context.Request.Query;
        public string Accept => context.Request.Headers.Accept.ToString();

        /// <summary>"/api/v3" on the GitHub Enterprise layout, else "".</summary>
        public string Prefix => context.Request.PathBase.Value ?? "";
        public string ApiBase => $"{context.Request.Scheme}://{context.Request.Host}{Prefix}/";

        /// <summary>A value of the route template (e.g. this["owner"]).</summary>
        public string this[string name] => context.GetRouteValue(name) as string ?? "";

        public Response? Answer { get; set; }
    }
}
