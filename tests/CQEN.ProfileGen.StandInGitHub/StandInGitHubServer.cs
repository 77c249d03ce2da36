using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Constraints;
using Microsoft.Extensions.DependencyInjection;
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
/// <remarks>
/// The pipeline on Kestrel: the GHES prefix becomes the path base, ASP.NET Core routing picks the
/// endpoint (the route table is in StandInGitHubServer.Routes.cs), then one middleware does what
/// every request shares: faults, the caller's token and rate limit, ETags and the request log.
/// </remarks>
public sealed partial class StandInGitHubServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly object _faultGate = new();

    private StandInGitHubServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // The slim builder leaves out regex route constraints; the routes use them for numbers.
        builder.Services.Configure<RouteOptions>(o => o.SetParameterPolicy<RegexInlineRouteConstraint>("regex"));
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Use(SplitEnterprisePrefix);
        _app.UseRouting();
        _app.Use(HandleAsync);
        MapRoutes(_app);
    }

    public GitHubState State { get; } = new();
    public RequestLog Log { get; } = new();
    public List<Fault> Faults { get; } = [];

    /// <summary>
    /// How long every request takes, from its arrival to its answer (the stand-in's own work
    /// included, so a large answer is not slower than the model says): for benchmarks and tests
    /// that model a real network and server.
    /// </summary>
    public TimeSpan Latency { get; set; }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>What a GitHub Enterprise user passes as --api-url: http://127.0.0.1:PORT/api/v3</summary>
    public string ApiUrl => BaseUrl + "api/v3";

    public string GraphQlUrl => BaseUrl + "api/graphql";

    public static async Task<StandInGitHubServer> StartAsync()
    {
        var server = new StandInGitHubServer();
        await server._app.StartAsync();
        server.BaseUrl = server._app.Urls.First().TrimEnd('/') + "/";
        return server;
    }

    public void AddFault(Fault fault)
    {
        lock (_faultGate)
        {
            Faults.Add(fault);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(new CancellationToken(canceled: true));
        await _app.DisposeAsync();
    }

    // ---- the request pipeline ------------------------------------------------------------

    // GitHub Enterprise serves the REST API under /api/v3/: routes see the path after it.
    private static Task SplitEnterprisePrefix(HttpContext context, RequestDelegate next)
    {
        const string Prefix = "/api/v3";
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith(Prefix + "/", StringComparison.Ordinal))
        {
            context.Request.PathBase = Prefix;
            context.Request.Path = path[Prefix.Length..];
        }
        return next(context);
    }

    private async Task HandleAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var arrived = Stopwatch.GetTimestamp();
        // On the model's clock a request starts when it arrives: read before anything of it is
        // handled, so requests sent together overlap however long the stand-in takes to answer each.
        var arrivedOnModel = ModelledSeconds;
        var fullPath = request.PathBase.Value + request.Path.Value;
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync();
        }
        var call = new Call(context, body, Token(request)) { ArrivedOnModel = arrivedOnModel };
        var inFlight = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref _maxInFlight, inFlight);
        using var done = new InFlight(this);
        context.Features.Set(call);
        Response response;
        var matched = MatchFault(request.Method, request.Path.Value ?? "/", body);
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
                await AnswerAsync(context, next, call);
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
                Log.Add(new LoggedRequest(request.Method, fullPath, request.QueryString.Value ?? "", 0, Fingerprint(call.Token), body));
                context.Abort();
                return;
            }
            response = new Response(fault.Status, fault.Body, fault.Headers);
        }
        else
        {
            try
            {
                response = await AnswerAsync(context, next, call);
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
        // The answer leaves when the request's latency has passed since it arrived: building it is
        // part of that time, as on GitHub, not added to it.
        if (Latency - Stopwatch.GetElapsedTime(arrived) is { Ticks: > 0 } left)
        {
            await Task.Delay(left);
        }
        await WriteAsync(context, fullPath, response, call.Token);
        Log.Add(new LoggedRequest(request.Method, fullPath, request.QueryString.Value ?? "", context.Response.StatusCode, Fingerprint(call.Token), body, ApiVersionOf(request)));
    }

    private int _inFlight;
    private int _maxInFlight;

    /// <summary>The most requests the stand-in was answering at one time (GitHub asks for serial requests).</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    private sealed class InFlight(StandInGitHubServer server) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref server._inFlight);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var was && was != seen)
        {
            seen = was;
        }
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

    /// <summary>The REST API versions GitHub serves; another asked for in X-GitHub-Api-Version gets 400.</summary>
    public static readonly string[] SupportedApiVersions = ["2022-11-28", "2026-03-10"];

    private static string? ApiVersionOf(HttpRequest request) =>
        request.Headers.TryGetValue("X-GitHub-Api-Version", out var v) && v.Count > 0 ? v.ToString() : null;

    private static string? Token(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var space = header.IndexOf(' ');
        return space > 0 && header[..space].ToLowerInvariant() is "token" or "bearer" ? header[(space + 1)..].Trim() : null;
    }

    private static string? Fingerprint(string? token) =>
        token is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..8];

    private async Task WriteAsync(HttpContext context, string fullPath, Response response, string? token)
    {
        var http = context.Response;
        // Rate-limit headers on every answer, counted per token (anonymous callers share one budget).
        // GET /rate_limit does not count against the limit (GitHub: "free").
        var (limit, remaining, used) = Count(token, fullPath.EndsWith("/rate_limit", StringComparison.Ordinal) ? 304 : response.Status);
        http.Headers["x-ratelimit-limit"] = limit.ToString(CultureInfo.InvariantCulture);
        http.Headers["x-ratelimit-remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        http.Headers["x-ratelimit-used"] = used.ToString(CultureInfo.InvariantCulture);
        http.Headers["x-ratelimit-reset"] = ResetEpoch.ToString(CultureInfo.InvariantCulture);
        http.Headers["x-ratelimit-resource"] = fullPath.EndsWith("graphql", StringComparison.Ordinal) ? "graphql" : "core";
        http.Headers["x-github-request-id"] = $"CAFE:{Guid.NewGuid():N}"[..20].ToUpperInvariant();
        // Classic tokens hear their scopes back on every answer; other kinds do not (GitHub's behaviour).
        if (token is not null && State.Tokens.TryGetValue(token, out var known) && known is { Kind: TokenKind.ClassicPat, Scopes: { } scopes })
        {
            http.Headers["x-oauth-scopes"] = string.Join(", ", scopes);
        }
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

    // ---- who may call what ---------------------------------------------------------------

    // The answer of the endpoint routing chose, once the caller is let through. A path no route
    // knows (or a known path with another method) is a 404 after the same checks as the REST API.
    private async Task<Response> AnswerAsync(HttpContext context, RequestDelegate next, Call call)
    {
        var route = context.GetEndpoint()?.Metadata.GetMetadata<StandInRoute>();
        if (Refusal(call, route?.Access ?? Access.Rest) is { } refused)
        {
            return refused;
        }
        if (route is null)
        {
            return Error(404, "Not Found");
        }
        await next(context);
        return call.Answer ?? Error(404, "Not Found");
    }

    private Response? Refusal(Call call, Access access)
    {
        var request = call.Context.Request;
        if (string.IsNullOrEmpty(request.Headers.UserAgent.ToString()))
        {
            return Error(403, "Request forbidden by administrative rules. Please make sure your request has a User-Agent header (https://docs.github.com/en/rest/overview/resources-in-the-rest-api#user-agent-required).");
        }
        if (ApiVersionOf(request) is { } version && !SupportedApiVersions.Contains(version))
        {
            return Error(400, $"API version {version} is not supported.", "https://docs.github.com/rest/about-the-rest-api/api-versions");
        }
        if (access is Access.Anyone or Access.AppJwt)
        {
            return null;
        }
        FakeToken? user = null;
        if (call.Token is { } token && !State.Tokens.TryGetValue(token, out user))
        {
            return new Response(401, """{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest","status":"401"}""",
                new Dictionary<string, string> { ["x-ratelimit-limit"] = "0", ["x-ratelimit-remaining"] = "0" });
        }
        call.User = user;
        if (IsExhausted(call.Token) && request.Path.Value?.EndsWith("/graphql", StringComparison.Ordinal) == true)
        {
            // GraphQL's primary limit is a 200 with an error (x-ratelimit-remaining: 0 comes with every answer).
            return new Response(200, $$"""{"errors":[{"type":"{{GraphQlRateLimitType}}","code":"graphql_rate_limit","message":"API rate limit already exceeded for user ID {{user?.UserId ?? 0}}."}]}""");
        }
        if (IsExhausted(call.Token))
        {
            return new Response(403, $$"""{"message":"API rate limit exceeded for user ID {{user?.UserId ?? 0}}.","documentation_url":"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting"}""");
        }
        var isWrite = call.Method is not ("GET" or "HEAD");
        if (access is Access.Rest && isWrite && user is null)
        {
            return Error(401, "Requires authentication", "https://docs.github.com/rest");
        }
        if (access is Access.Rest && isWrite && !user!.CanWrite)
        {
            return Error(403, "Resource not accessible by integration", "https://docs.github.com/rest");
        }
        return null;
    }

    // ---- lookups and errors ----------------------------------------------------------------

    private FakeOrg Org(Call call) =>
        State.Orgs.TryGetValue(call["org"], out var org) ? org : throw new ApiError(Error(404, "Not Found", "https://docs.github.com/rest/orgs/orgs#get-an-organization"));

    // Private repositories answer 404, not 403, to callers who cannot see them (as GitHub does).
    private FakeRepo Repo(Call call) =>
        State.Repos.TryGetValue($"{call["owner"]}/{call["repo"]}", out var repo) && Visible(repo, call.User)
            ? repo
            : throw new ApiError(Error(404, "Not Found", "https://docs.github.com/rest/repos/repos#get-a-repository"));

    // Public repositories are readable by anyone; others by a token that reaches them.
    private static bool Visible(FakeRepo repo, FakeToken? user) => repo.Visibility == "public" || user is not null && user.Reaches(repo);

    // The names GitHub's detector (licensee) reads: LICENSE, COPYING, COPYRIGHT, OFL with any
    // extension or suffix, and X-LICENSE / X-COPYING.
    private static bool IsLicenseName(string name) =>
        Regex.IsMatch(name, @"^((UN)?LICEN[CS]E|COPYING|COPYRIGHT|OFL)([._-].*)?$|-(UN)?LICEN[CS]E|-COPY(ING|RIGHT)", RegexOptions.IgnoreCase);

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
            // The other parameters (sort, direction, type) are carried along too, as GitHub does.
            var others = string.Concat(query.Where(q => q.Key is not ("per_page" or "page")).Select(q => $"&{q.Key}={Uri.EscapeDataString(q.Value.ToString())}"));
            string Link(int n, string rel) => $"<{apiBase}{route}?per_page={perPage}&page={n}{others}>; rel=\"{rel}\"";
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
