using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CQEN.ProfileGen.Tests.StandInGitHub;

/// <summary>
/// A stand-in for GitHub's REST and GraphQL APIs, started by the tests on 127.0.0.1 and reached
/// through --api-url exactly as a GitHub Enterprise Server would be (/api/v3/ and /api/graphql;
/// the github.com layout at the root works too). Responses start from GitHub's official example
/// payloads and follow the behaviour recorded in Payloads/errors.json and the Octokit fixtures:
/// one absolute Link header, rate-limit headers in epoch seconds, base64 wrapped at 60 columns,
/// JSON bodies read whatever their Content-Type, `head=owner:branch` (a bare name is ignored),
/// 422s for duplicate refs and pull requests, 409 on empty repositories.
/// </summary>
public sealed partial class StandInGitHubServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly object _faultGate = new();

    private StandInGitHubServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public GitHubState State { get; } = new();
    public RequestLog Log { get; } = new();
    public List<Fault> Faults { get; } = [];

    /// <summary>Added to every request: for benchmarks that model a real network.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public string BaseUrl { get; }

    /// <summary>What a GitHub Enterprise user passes as --api-url: http://127.0.0.1:PORT/api/v3</summary>
    public string ApiUrl => BaseUrl + "api/v3";

    public string GraphQlUrl => BaseUrl + "api/graphql";

    public static async Task<StandInGitHubServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        StandInGitHubServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Urls.First();
        server = new StandInGitHubServer(app, address.TrimEnd('/') + "/");
        return server;
    }

    public void AddFault(Fault fault)
    {
        lock (_faultGate)
        {
            Faults.Add(fault);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    // ---- the request pipeline ------------------------------------------------------------

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var fullPath = request.Path.Value ?? "/";
        var prefix = fullPath.StartsWith("/api/v3/", StringComparison.Ordinal) ? "/api/v3" : "";
        var path = fullPath[prefix.Length..];
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync();
        }
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency);
        }
        var token = Token(request);
        Response response;
        var matched = MatchFault(request.Method, path, body);
        if (matched?.Before is { } before)
        {
            lock (State.Gate)
            {
                before(State);
            }
            matched = null;
        }
        if (matched is { AfterApplying: true })
        {
            try
            {
                Route(context, request.Method, path, prefix, body, token);
            }
            catch (ApiError)
            {
                // applied or refused: the client hears the fault either way
            }
        }
        if (matched is { } fault)
        {
            if (fault.Delay > TimeSpan.Zero)
            {
                await Task.Delay(fault.Delay, context.RequestAborted).ContinueWith(_ => { });
            }
            if (fault.Reset)
            {
                Log.Add(new LoggedRequest(request.Method, fullPath, request.QueryString.Value ?? "", 0, Fingerprint(token), body));
                context.Abort();
                return;
            }
            response = new Response(fault.Status, fault.Body, fault.Headers);
        }
        else
        {
            try
            {
                response = Route(context, request.Method, path, prefix, body, token);
            }
            catch (ApiError e)
            {
                response = e.Response;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A bug in the stand-in itself: say so loudly in the body, as a 500.
                response = Error(500, $"stand-in server bug: {e.GetType().Name}: {e.Message}");
            }
        }
        await WriteAsync(context, response, token);
        Log.Add(new LoggedRequest(request.Method, fullPath, request.QueryString.Value ?? "", context.Response.StatusCode, Fingerprint(token), body));
    }

    private Fault? MatchFault(string method, string path, string body)
    {
        lock (_faultGate)
        {
            foreach (var f in Faults)
            {
                if ((f.Method == "*" || f.Method == method) && Regex.IsMatch(path, f.PathPattern) && f.Fired < f.Times
                    && (f.BodyContains is null || body.Contains(f.BodyContains, StringComparison.Ordinal)))
                {
                    if (f.Seen++ < f.Skip)
                    {
                        continue;
                    }
                    f.Fired++;
                    return f;
                }
            }
            return null;
        }
    }

    private static string? Token(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var space = header.IndexOf(' ');
        return space > 0 && header[..space].ToLowerInvariant() is "token" or "bearer" ? header[(space + 1)..].Trim() : null;
    }

    private static string? Fingerprint(string? token) =>
        token is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..8];

    private async Task WriteAsync(HttpContext context, Response response, string? token)
    {
        var http = context.Response;
        // Rate-limit headers on every answer, counted per token (anonymous callers share one budget).
        // GET /rate_limit does not count against the limit (GitHub: "free").
        var (limit, remaining, used) = Count(token, context.Request.Path.Value!.EndsWith("/rate_limit", StringComparison.Ordinal) ? 304 : response.Status);
        http.Headers["x-ratelimit-limit"] = limit.ToString(CultureInfo.InvariantCulture);
        http.Headers["x-ratelimit-remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        http.Headers["x-ratelimit-used"] = used.ToString(CultureInfo.InvariantCulture);
        http.Headers["x-ratelimit-reset"] = ResetEpoch.ToString(CultureInfo.InvariantCulture);
        http.Headers["x-ratelimit-resource"] = context.Request.Path.Value!.EndsWith("graphql", StringComparison.Ordinal) ? "graphql" : "core";
        http.Headers["x-github-request-id"] = $"CAFE:{Guid.NewGuid():N}"[..20].ToUpperInvariant();
        foreach (var (name, value) in response.Headers)
        {
            http.Headers[name] = value;
        }
        var bytes = response.Bytes ?? Encoding.UTF8.GetBytes(response.Json ?? "");
        if (context.Request.Method == "GET" && response.Status == 200)
        {
            var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"";
            http.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                http.StatusCode = 304;
                return;
            }
        }
        http.StatusCode = response.Status;
        if (response.Status == 204)
        {
            return;
        }
        http.ContentType = response.ContentType;
        await http.Body.WriteAsync(bytes);
    }

    private readonly Dictionary<string, int> _used = new(StringComparer.Ordinal);

    /// <summary>The hour's reset, in epoch seconds as GitHub sends it.</summary>
    public long ResetEpoch { get; set; } = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();

    private (int Limit, int Remaining, int Used) Count(string? token, int status)
    {
        lock (_used)
        {
            var key = token ?? "(anonymous)";
            var limit = token is null ? State.AnonymousRateLimit : State.RateLimit;
            var used = _used.GetValueOrDefault(key);
            if (status != 304 && status != 401)
            {
                _used[key] = ++used;
            }
            return (limit, Math.Max(0, limit - used), used);
        }
    }

    private bool IsExhausted(string? token)
    {
        lock (_used)
        {
            var limit = token is null ? State.AnonymousRateLimit : State.RateLimit;
            return _used.GetValueOrDefault(token ?? "(anonymous)") >= limit;
        }
    }

    // ---- routing -------------------------------------------------------------------------

    private Response Route(HttpContext context, string method, string path, string prefix, string body, string? token)
    {
        var request = context.Request;
        if (string.IsNullOrEmpty(request.Headers.UserAgent.ToString()))
        {
            return Error(403, "Request forbidden by administrative rules. Please make sure your request has a User-Agent header (https://docs.github.com/en/rest/overview/resources-in-the-rest-api#user-agent-required).");
        }
        if (DownloadRoute(path) is { } download)
        {
            return download;
        }
        if (Re(path, @"^/(orgs/[^/]+/installation|app/installations/\d+/access_tokens)$").Success)
        {
            lock (State.Gate)
            {
                return AppRoute(method, path, token, body);
            }
        }
        FakeToken? user = null;
        if (token is not null && !State.Tokens.TryGetValue(token, out user))
        {
            return new Response(401, """{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest","status":"401"}""",
                new Dictionary<string, string> { ["x-ratelimit-limit"] = "0", ["x-ratelimit-remaining"] = "0" });
        }
        if (IsExhausted(token))
        {
            return new Response(403, $$"""{"message":"API rate limit exceeded for user ID {{user?.UserId ?? 0}}.","documentation_url":"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting"}""");
        }
        var apiBase = $"{request.Scheme}://{request.Host}{prefix}/";
        var query = request.Query;
        if (path is "/graphql" || fullGraphQl(request.Path.Value))
        {
            return method == "POST" ? GraphQl(body, user, apiBase) : Error(404, "Not Found");
        }
        if (method == "DELETE" && path == "/installation/token" && user is not null)
        {
            // Revoking an installation token: it stops working at once.
            State.Tokens.Remove(user.Token);
            return new Response(204, "");
        }
        var isWrite = method is not ("GET" or "HEAD");
        if (isWrite && user is null)
        {
            return Error(401, "Requires authentication", "https://docs.github.com/rest");
        }
        if (isWrite && !user!.CanWrite)
        {
            return Error(403, "Resource not accessible by integration", "https://docs.github.com/rest");
        }
        _currentAccept.Value = request.Headers.Accept.ToString();
        lock (State.Gate)
        {
            return Dispatch(method, path, query, body, user, apiBase);
        }

        static bool fullGraphQl(string? p) => p is "/api/graphql";
    }

    private Response Dispatch(string method, string path, IQueryCollection query, string body, FakeToken? user, string apiBase)
    {
        Match m;
        if (method == "GET" && path == "/rate_limit")
        {
            // The example's shape, with the caller's own figures for the core resource.
            var json = Payload("get_rate_limit.200.default.json");
            var (limit, remaining, used) = Count(user?.Token, 304);
            foreach (var node in new[] { json["resources"]!["core"]!, json["rate"]! })
            {
                node["limit"] = limit;
                node["remaining"] = remaining;
                node["used"] = used;
                node["reset"] = ResetEpoch;
            }
            return Json(200, json);
        }
        if ((m = Re(path, @"^/orgs/(?<org>[^/]+)$")).Success && method == "GET")
        {
            return Json(200, OrgJson(Org(m), apiBase));
        }
        if ((m = Re(path, @"^/orgs/(?<org>[^/]+)/repos$")).Success && method == "GET")
        {
            var org = Org(m);
            var type = query["type"].ToString();
            var repos = State.Repos.Values.Where(r => r.Owner.Equals(org.Login, StringComparison.OrdinalIgnoreCase) && Visible(r, user))
                .Where(r => type switch { "public" => r.Visibility == "public", "private" => r.Visibility != "public", "forks" => r.Fork, "sources" => !r.Fork, _ => true })
                // GitHub's default for this list: sort=created, direction=desc.
                .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).ToArray();
            return Paged(repos, query, apiBase, $"orgs/{org.Login}/repos", r => MinimalRepoJson(r, apiBase));
        }
        if ((m = Re(path, @"^/repos/(?<owner>[^/]+)/(?<repo>[^/]+)(?<rest>/.*)?$")).Success)
        {
            var repo = Repo(m, user);
            if (method is not ("GET" or "HEAD") && !user!.Reaches(repo))
            {
                return Error(403, "Resource not accessible by integration", "https://docs.github.com/rest");
            }
            return RepoRoute(method, m.Groups["rest"].Value, repo, query, body, user!, apiBase);
        }
        return Error(404, "Not Found");
    }

    private Response RepoRoute(string method, string rest, FakeRepo repo, IQueryCollection query, string body, FakeToken user, string apiBase)
    {
        Match m;
        var git = repo.Git;
        switch (method, rest)
        {
            case ("GET", ""):
                return Json(200, FullRepoJson(repo, apiBase));
            case ("GET", _) when rest.StartsWith("/releases", StringComparison.Ordinal) || rest == "/tags":
                return ReleaseRoute(rest, repo, query, user, apiBase);
            case ("GET", "/topics"):
                return Json(200, new JsonObject { ["names"] = new JsonArray([.. repo.Topics.Select(t => (JsonNode)t)]) });
            case ("GET", "/readme"):
                {
                    var gitRef = query["ref"].ToString() is { Length: > 0 } r ? r : repo.DefaultBranch;
                    var name = repo.RootFiles(gitRef).FirstOrDefault(f => f.StartsWith("readme", StringComparison.OrdinalIgnoreCase));
                    return name is null ? Error(404, "Not Found", "https://docs.github.com/rest/repos/contents#get-a-repository-readme")
                        : Json(200, ContentJson("get_repos_owner_repo_readme.200.default.json", repo, gitRef, name, apiBase));
                }
            case ("GET", "/license"):
                {
                    var name = repo.RootFiles(repo.DefaultBranch).Where(IsLicenseName).OrderBy(n => n.Length).FirstOrDefault();
                    if (repo.License is null || name is null)
                    {
                        return Error(404, "Not Found", "https://docs.github.com/rest/licenses/licenses#get-the-license-for-a-repository");
                    }
                    var json = ContentJson("get_repos_owner_repo_license.200.default.json", repo, repo.DefaultBranch, name, apiBase);
                    json["license"] = LicenseJson(repo);
                    return Json(200, json);
                }
            case ("GET", _) when (m = Re(rest, @"^/contents/(?<path>.+)$")).Success:
                {
                    var gitRef = query["ref"].ToString() is { Length: > 0 } r ? r : repo.DefaultBranch;
                    var filePath = Uri.UnescapeDataString(m.Groups["path"].Value);
                    if (git.IsEmpty)
                    {
                        return Error(404, "This repository is empty.", "https://docs.github.com/rest/repos/contents#get-repository-content");
                    }
                    if (repo.FileAt(gitRef, filePath) is not { } bytes)
                    {
                        return Error(404, "Not Found", "https://docs.github.com/rest/repos/contents#get-repository-content");
                    }
                    var accept = _currentAccept.Value ?? "";
                    return accept.Contains("raw", StringComparison.Ordinal)
                        ? new Response(200, null, new Dictionary<string, string>(), bytes, "application/vnd.github.v3.raw; charset=utf-8")
                        : Json(200, ContentJson("get_repos_owner_repo_contents_path.200.response-if-content-is-a-file.json", repo, gitRef, filePath, apiBase));
                }
            case ("GET", _) when (m = Re(rest, @"^/git/(?<kind>refs|ref|matching-refs)/(?<ref>.+)$")).Success:
                return GetRefs(repo, m.Groups["kind"].Value, m.Groups["ref"].Value, apiBase);
            case ("POST", "/git/refs"):
                {
                    var input = Body(body);
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
                    git.Refs[name] = sha;
                    return Json(201, RefJson(repo, name, sha, apiBase), new Dictionary<string, string> { ["location"] = $"{apiBase}repos/{repo.FullName}/git/{name}" });
                }
            case ("PATCH", _) when (m = Re(rest, @"^/git/refs/(?<ref>.+)$")).Success:
                {
                    var name = "refs/" + m.Groups["ref"].Value;
                    var input = Body(body);
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
                    git.Refs[name] = sha;
                    return Json(200, RefJson(repo, name, sha, apiBase));
                }
            case ("DELETE", _) when (m = Re(rest, @"^/git/refs/(?<ref>.+)$")).Success:
                return git.Refs.Remove("refs/" + m.Groups["ref"].Value)
                    ? new Response(204, null)
                    : Error(422, "Reference does not exist", "https://docs.github.com/rest/git/refs#delete-a-reference");
            case ("POST", "/git/blobs"):
                {
                    var input = Body(body);
                    var content = Str(input, "content") ?? throw Invalid("content");
                    var bytes = Str(input, "encoding") == "base64" ? Convert.FromBase64String(content) : Encoding.UTF8.GetBytes(content);
                    var sha = git.AddBlob(bytes);
                    return Json(201, new JsonObject { ["url"] = $"{apiBase}repos/{repo.FullName}/git/blobs/{sha}", ["sha"] = sha });
                }
            case ("POST", "/git/trees"):
                {
                    var input = Body(body);
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
                        var sha = Str(item, "sha") ?? (Str(item, "content") is { } c ? git.AddBlob(Encoding.UTF8.GetBytes(c)) : throw Invalid("tree.sha"));
                        if (!git.Blobs.ContainsKey(sha))
                        {
                            throw new ApiError(Error(422, "Invalid tree info", "https://docs.github.com/rest/git/trees#create-a-tree"));
                        }
                        entries[itemPath] = sha;
                    }
                    var treeSha = git.AddTree(entries);
                    var json = Payload("post_repos_owner_repo_git_trees.201.default.json");
                    json["sha"] = treeSha;
                    json["url"] = $"{apiBase}repos/{repo.FullName}/git/trees/{treeSha}";
                    return Json(201, json);
                }
            case ("POST", "/git/commits"):
                {
                    var input = Body(body);
                    var tree = Str(input, "tree") ?? throw Invalid("tree");
                    var parents = input["parents"]?.AsArray().Select(p => p!.GetValue<string>()).ToArray() ?? [];
                    if (!git.Trees.ContainsKey(tree) || parents.Any(p => !git.Commits.ContainsKey(p)))
                    {
                        throw new ApiError(Error(422, "Tree SHA does not exist", "https://docs.github.com/rest/git/commits#create-a-commit"));
                    }
                    var sha = git.AddCommit(tree, parents, Str(input, "message") ?? throw Invalid("message"), user.Login);
                    return Json(201, CommitJson(repo, git.Commits[sha], apiBase, "post_repos_owner_repo_git_commits.201.default.json"));
                }
            case ("GET", _) when (m = Re(rest, @"^/commits/(?<sha>[0-9a-f]{40})$")).Success:
                return git.Commits.TryGetValue(m.Groups["sha"].Value, out var withFiles)
                    ? Json(200, CommitWithFilesJson(repo, withFiles, apiBase))
                    : Error(422, "No commit found for SHA: " + m.Groups["sha"].Value, "https://docs.github.com/rest/commits/commits#get-a-commit");
            case ("GET", _) when (m = Re(rest, @"^/git/commits/(?<sha>[0-9a-f]{40})$")).Success:
                return git.Commits.TryGetValue(m.Groups["sha"].Value, out var commit)
                    ? Json(200, CommitJson(repo, commit, apiBase, "get_repos_owner_repo_git_commits_commit_sha.200.default.json"))
                    : Error(404, "Not Found", "https://docs.github.com/rest/git/commits#get-a-commit-object");
            case ("GET", "/pulls"):
                {
                    var state = query["state"].ToString() is { Length: > 0 } s ? s : "open";
                    IEnumerable<FakePullRequest> pulls = repo.Pulls.Where(p => state == "all" || p.State == state);
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
                    return Paged(pulls.OrderByDescending(p => p.Number).ToArray(), query, apiBase, $"repos/{repo.FullName}/pulls", p => PullJson(repo, p, apiBase));
                }
            case ("POST", "/pulls"):
                {
                    var input = Body(body);
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
                    var pull = new FakePullRequest { Number = repo.Pulls.Count + 1, Title = Str(input, "title") ?? branch, Body = Str(input, "body") ?? "", Head = branch, Base = baseBranch, Author = user.Login, Draft = input["draft"]?.GetValue<bool>() == true };
                    repo.Pulls.Add(pull);
                    return Json(201, PullJson(repo, pull, apiBase), new Dictionary<string, string> { ["location"] = $"{apiBase}repos/{repo.FullName}/pulls/{pull.Number}" });
                }
            case (_, _) when (m = Re(rest, @"^/(?:pulls|issues)/(?<n>\d+)(?<tail>/[a-z_]+)?$")).Success:
                {
                    var pull = repo.Pulls.FirstOrDefault(p => p.Number == int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture))
                        ?? throw new ApiError(Error(404, "Not Found"));
                    switch (method, m.Groups["tail"].Value)
                    {
                        case ("GET", ""):
                            return Json(200, PullJson(repo, pull, apiBase));
                        case ("PATCH", ""):
                            {
                                var input = Body(body);
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
                                return Json(200, PullJson(repo, pull, apiBase));
                            }
                        case ("GET", "/comments"):
                            return Paged(pull.Comments.Select((c, i) => (c, i)).ToArray(), query, apiBase, $"repos/{repo.FullName}/issues/{pull.Number}/comments", x => CommentJson(repo, pull, x.c, x.i, apiBase));
                        case ("POST", "/comments"):
                            pull.Comments.Add(Str(Body(body), "body") ?? throw Invalid("body"));
                            return Json(201, CommentJson(repo, pull, pull.Comments[^1], pull.Comments.Count - 1, apiBase));
                        case ("POST", "/labels"):
                            {
                                var input = Body(body);
                                var labels = (input as JsonArray ?? input["labels"]?.AsArray() ?? throw Invalid("labels")).Select(l => l!.GetValue<string>());
                                foreach (var label in labels.Where(l => !pull.Labels.Contains(l)))
                                {
                                    pull.Labels.Add(label);
                                }
                                return Json(200, new JsonArray([.. pull.Labels.Select(l => (JsonNode)new JsonObject { ["id"] = l.GetHashCode(), ["node_id"] = "LA_x", ["url"] = $"{apiBase}repos/{repo.FullName}/labels/{l}", ["name"] = l, ["color"] = "ededed", ["default"] = false, ["description"] = null })]));
                            }
                        case ("POST", "/requested_reviewers"):
                            foreach (var reviewer in Body(body)["reviewers"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
                            {
                                if (reviewer.Equals(pull.Author, StringComparison.OrdinalIgnoreCase))
                                {
                                    throw new ApiError(Validation("PullRequest", "custom", "Review cannot be requested from pull request author."));
                                }
                                pull.Reviews.Remove(reviewer); // re-requesting a review asks them again
                                if (!pull.Reviewers.Contains(reviewer))
                                {
                                    pull.Reviewers.Add(reviewer);
                                }
                            }
                            foreach (var team in Body(body)["team_reviewers"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
                            {
                                if (!pull.TeamReviewers.Contains(team))
                                {
                                    pull.TeamReviewers.Add(team);
                                }
                            }
                            return Json(201, PullJson(repo, pull, apiBase));
                        case ("POST", "/assignees"):
                            foreach (var assignee in Body(body)["assignees"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
                            {
                                if (!pull.Assignees.Contains(assignee))
                                {
                                    pull.Assignees.Add(assignee);
                                }
                            }
                            return Json(201, PullJson(repo, pull, apiBase));
                        case ("GET", "/reviews"):
                            return Paged(pull.Reviews.Select((r, i) => (r, i)).ToArray(), query, apiBase, $"repos/{repo.FullName}/pulls/{pull.Number}/reviews", x => ReviewJson(repo, pull, x.r, x.i));
                    }
                    break;
                }
        }
        return Error(404, "Not Found");
    }

    private Response GetRefs(FakeRepo repo, string kind, string name, string apiBase)
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

    // ---- lookups and errors ----------------------------------------------------------------

    private FakeOrg Org(Match m) =>
        State.Orgs.TryGetValue(m.Groups["org"].Value, out var org) ? org : throw new ApiError(Error(404, "Not Found", "https://docs.github.com/rest/orgs/orgs#get-an-organization"));

    // Private repositories answer 404, not 403, to callers who cannot see them (as GitHub does).
    private FakeRepo Repo(Match m, FakeToken? user) =>
        State.Repos.TryGetValue($"{m.Groups["owner"].Value}/{m.Groups["repo"].Value}", out var repo) && Visible(repo, user)
            ? repo
            : throw new ApiError(Error(404, "Not Found", "https://docs.github.com/rest/repos/repos#get-a-repository"));

    // Public repositories are readable by anyone; others by a token that reaches them.
    private static bool Visible(FakeRepo repo, FakeToken? user) => repo.Visibility == "public" || user is not null && user.Reaches(repo);

    private static bool IsLicenseName(string name) =>
        Regex.IsMatch(name, @"^(LICEN[CS]E|UNLICENSE|COPYING)([._-].*)?$", RegexOptions.IgnoreCase);

    private static Match Re(string input, [System.Diagnostics.CodeAnalysis.StringSyntax("Regex")] string pattern) => Regex.Match(input, pattern);

    private static JsonNode Body(string body)
    {
        try
        {
            return JsonNode.Parse(body) ?? throw new JsonException();
        }
        catch (JsonException)
        {
            throw new ApiError(Error(400, "Problems parsing JSON", "https://docs.github.com/rest"));
        }
    }

    private static string? Str(JsonNode? node, string name) => node?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static ApiError Invalid(string field) =>
        new(Validation("Request", "missing_field", null, field));

    private static Response Validation(string resource, string code, string? message, string? field = null)
    {
        var error = new JsonObject { ["resource"] = resource, ["code"] = code };
        if (field is not null)
        {
            error["field"] = field;
        }
        if (message is not null)
        {
            error["message"] = message;
        }
        return Json(422, new JsonObject
        {
            ["message"] = "Validation Failed",
            ["errors"] = new JsonArray(error),
            ["documentation_url"] = "https://docs.github.com/rest/pulls/pulls#create-a-pull-request",
            ["status"] = "422",
        });
    }

    internal static Response Error(int status, string message, string documentationUrl = "https://docs.github.com/rest") =>
        Json(status, new JsonObject { ["message"] = message, ["documentation_url"] = documentationUrl, ["status"] = status.ToString(CultureInfo.InvariantCulture) });

    internal static Response Json(int status, JsonNode node, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, node.ToJsonString(), headers ?? new Dictionary<string, string>());

    private Response Paged<T>(IReadOnlyList<T> items, IQueryCollection query, string apiBase, string route, Func<T, JsonNode> toJson)
    {
        var perPage = Math.Clamp(int.TryParse(query["per_page"], out var pp) ? pp : 30, 1, 100);
        var page = Math.Max(1, int.TryParse(query["page"], out var p) ? p : 1);
        var last = Math.Max(1, (items.Count + perPage - 1) / perPage);
        var slice = items.Skip((page - 1) * perPage).Take(perPage).Select(toJson).ToArray();
        var headers = new Dictionary<string, string>();
        if (last > 1)
        {
            // One header line, absolute URLs, per_page carried along (as recorded from GitHub).
            string Link(int n, string rel) => $"<{apiBase}{route}?per_page={perPage}&page={n}>; rel=\"{rel}\"";
            var links = new List<string>();
            if (page > 1)
            {
                links.Add(Link(page - 1, "prev"));
            }
            if (page < last)
            {
                links.Add(Link(page + 1, "next"));
                links.Add(Link(last, "last"));
            }
            if (page > 1)
            {
                links.Add(Link(1, "first"));
            }
            headers["link"] = string.Join(", ", links);
        }
        return Json(200, new JsonArray(slice), headers);
    }

    private readonly AsyncLocal<string?> _currentAccept = new();

    internal sealed class ApiError(Response response) : Exception(response.Json)
    {
        public Response Response { get; } = response;
    }
}

public sealed record Response(int Status, string? Json, IReadOnlyDictionary<string, string> Headers, byte[]? Bytes = null, string ContentType = "application/json; charset=utf-8")
{
    public Response(int status, string? json) : this(status, json, new Dictionary<string, string>())
    {
    }
}
