using System.Globalization;

namespace CQEN.ProfileGen.GitHub;

/// <summary>
/// What a run cost on GitHub: the requests sent (every attempt, REST and GraphQL), and the
/// rate limits as GitHub last reported them for each resource (GraphQL counts points, not requests).
/// </summary>
internal sealed class GitHubUsage
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (long Limit, long Remaining, long Used)> _limits = new(StringComparer.Ordinal);

    public int Requests { get; private set; }

    private int _repositories;

    /// <summary>Repositories read so far (for progress).</summary>
    public int Repositories => Volatile.Read(ref _repositories);

    internal void RepositoriesRead(int count) => Interlocked.Add(ref _repositories, count);

    /// <summary>Where a reader's warnings go (the run's reporter): a read that will not fit its time, a read cache ignored.</summary>
    public Func<string, Task>? Warnings { get; set; }

    internal Task WarnAsync(string message) => Warnings?.Invoke(message) ?? Task.CompletedTask;
    public int GraphQlRequests { get; private set; }
    public int RestRequests => Requests - GraphQlRequests;

    /// <summary>The last rate-limit figures GitHub sent for a resource ("core", "graphql"), if any.</summary>
    public (long Limit, long Remaining, long Used)? Limit(string resource)
    {
        lock (_gate)
        {
            return _limits.TryGetValue(resource, out var l) ? l : null;
        }
    }

    internal void Record(bool graphQl, HttpResponseMessage? response)
    {
        lock (_gate)
        {
            Requests++;
            if (graphQl)
            {
                GraphQlRequests++;
            }
            if (response is not null && Header(response, "x-ratelimit-resource") is { } resource
                && long.TryParse(Header(response, "x-ratelimit-limit"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit)
                && long.TryParse(Header(response, "x-ratelimit-remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining)
                && long.TryParse(Header(response, "x-ratelimit-used"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var used))
            {
                _limits[resource] = (limit, remaining, used);
            }
        }
    }

    /// <summary>One line for a person: requests, then each limit's standing, in <paramref name="culture"/> (the profile's, once the configuration is read).</summary>
    public string Describe(ProfileCulture culture = ProfileCulture.English)
    {
        var words = Wording.For(culture).Summary;
        var parts = new List<string> { words.Requests(Requests, GraphQlRequests, RestRequests) };
        if (Limit("graphql") is { } g)
        {
            parts.Add(words.GraphQlPoints(g.Used, g.Remaining, g.Limit));
        }
        if (Limit("core") is { } c)
        {
            parts.Add(words.RestRequests(c.Used, c.Remaining, c.Limit));
        }
        return string.Join("; ", parts);
    }

    private static string? Header(HttpResponseMessage r, string name) =>
        r.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}

/// <summary>Counts every attempt on the wire into <see cref="GitHubUsage"/> (it sits below the retries).</summary>
internal sealed class UsageHandler(HttpMessageHandler inner, GitHubUsage usage) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var graphQl = request.RequestUri?.AbsolutePath.EndsWith("/graphql", StringComparison.Ordinal) == true;
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response;
        }
        finally
        {
            usage.Record(graphQl, response);
        }
    }
}
