using System.Collections.Concurrent;

namespace CQEN.ProfileGen.Tests.StandInGitHub;

/// <summary>Every request the stand-in answered (tokens kept only as a fingerprint).</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<LoggedRequest> _requests = new();

    public IReadOnlyList<LoggedRequest> All => _requests.ToArray();

    /// <summary>The requests that change something on GitHub (REST writes and GraphQL mutations; GraphQL queries are reads).</summary>
    public IReadOnlyList<LoggedRequest> Writes => All.Where(r => r.IsWrite).ToArray();

    public int Count(string method, string pathPattern) =>
        All.Count(r => r.Method == method && System.Text.RegularExpressions.Regex.IsMatch(r.Path, pathPattern));

    /// <summary>Commits created, through the Git Data API or GraphQL's createCommitOnBranch.</summary>
    public int CommitsCreated =>
        All.Count(r => r.Status is >= 200 and < 300 && (r.Method == "POST" && r.Path.EndsWith("/git/commits", StringComparison.Ordinal)
            || r.IsWrite && r.Path.EndsWith("/graphql", StringComparison.Ordinal) && r.Body!.Contains("createCommitOnBranch", StringComparison.Ordinal)));

    public void Add(LoggedRequest request) => _requests.Enqueue(request);

    public void Clear() => _requests.Clear();
}

public sealed record LoggedRequest(string Method, string Path, string Query, int Status, string? TokenFingerprint, string? Body, string? ApiVersion = null)
{
    public bool IsWrite => Path.EndsWith("/graphql", StringComparison.Ordinal)
        ? IsMutation
        : Method is not ("GET" or "HEAD") && !Path.Contains("/access_tokens", StringComparison.Ordinal);

    private bool IsMutation =>
        Body is { Length: > 0 } body && System.Text.Json.Nodes.JsonNode.Parse(body)?["query"]?.GetValue<string>().TrimStart().StartsWith("mutation", StringComparison.Ordinal) == true;

    public override string ToString() => $"{Method} {Path}{Query} → {Status}";
}

/// <summary>A scripted failure: matching requests get this answer instead of the real one.</summary>
public sealed record Fault
{
    public string Method { get; init; } = "*";
    public required string PathPattern { get; init; }

    /// <summary>Only requests whose body contains this (e.g. one GraphQL mutation among the queries).</summary>
    public string? BodyContains { get; init; }

    /// <summary>Skip this many matching requests before failing (e.g. fail page 3 of 3: Skip = 2).</summary>
    public int Skip { get; init; }

    /// <summary>How many matching requests fail; then the fault is spent.</summary>
    public int Times { get; init; } = 1;
    public int Status { get; init; } = 502;
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public string Body { get; init; } = """{"message":"Server Error"}""";
    public TimeSpan Delay { get; init; }

    /// <summary>Abort the connection instead of answering (a reset).</summary>
    public bool Reset { get; init; }

    /// <summary>Apply the request for real first, then fail its answer (GitHub did it, the client never heard).</summary>
    public bool AfterApplying { get; init; }

    /// <summary>Run this against the state first (e.g. someone pushes to a branch), then answer the request normally.</summary>
    public Action<GitHubState>? Before { get; init; }

    internal int Seen;
    internal int Fired;
}
