namespace CQEN.ProfileGen.GitHub;

/// <summary>The REST and GraphQL addresses of github.com or of a GitHub Enterprise Server.</summary>
internal sealed record GitHubEndpoint(Uri RestBase, Uri GraphQl)
{
    public static readonly GitHubEndpoint DotCom = new(new Uri("https://api.github.com/"), new Uri("https://api.github.com/graphql"));

    /// <summary>
    /// From what a user passes as --api-url: github.com, api.github.com, SUBDOMAIN.ghe.com or
    /// api.SUBDOMAIN.ghe.com (GHE.com, laid out as github.com), https://HOST/api/v3 (GHES, also
    /// behind a path prefix), or a bare https://HOST (GHES, /api/v3 assumed).
    /// </summary>
    /// <exception cref="InputException">Not such a URL; the message never repeats credentials it held.</exception>
    public static GitHubEndpoint Parse(string apiUrl, string? graphQlUrl = null, string source = "the API URL")
    {
        var uri = Absolute(apiUrl, source);
        Uri rest, graphQl;
        var path = uri.AbsolutePath.TrimEnd('/');
        if (uri.Host is "github.com" or "api.github.com" or "www.github.com")
        {
            if (path.Length != 0)
            {
                throw Refused(source, apiUrl, "github.com's API has no path (use https://api.github.com)");
            }
            (rest, graphQl) = (DotCom.RestBase, DotCom.GraphQl);
        }
        else if (DataResidencyApiHost(uri.Host) is { } apiHost)
        {
            // GitHub Enterprise Cloud with data residency is laid out as github.com, at
            // api.SUBDOMAIN.ghe.com: no /api/v3 (REAL-GITHUB.md R12).
            if (path.Length != 0)
            {
                throw Refused(source, apiUrl, $"a GHE.com API has no path (use https://{apiHost})");
            }
            rest = new UriBuilder(uri.Scheme, apiHost, uri.Port).Uri;
            graphQl = new Uri(rest, "graphql");
        }
        else
        {
            // Anything but "" or ".../api/v3" is a typo; accepting it would make every request 404
            // and the error blame the organization.
            if (path.Length == 0)
            {
                path = "/api/v3";
            }
            else if (!path.EndsWith("/api/v3", StringComparison.Ordinal))
            {
                throw Refused(source, apiUrl, "a GitHub Enterprise API URL ends in /api/v3 (e.g. https://HOST/api/v3)");
            }
            rest = new Uri(uri, path + "/");
            // GHES serves GraphQL at /api/graphql, not under /api/v3.
            graphQl = new Uri(uri, path[..^"/v3".Length] + "/graphql");
        }
        if (graphQlUrl is not null)
        {
            graphQl = Absolute(graphQlUrl, "$GITHUB_GRAPHQL_URL");
        }
        return new GitHubEndpoint(rest, graphQl);
    }

    // SUBDOMAIN.ghe.com (the web address users see) or api.SUBDOMAIN.ghe.com → api.SUBDOMAIN.ghe.com.
    private static string? DataResidencyApiHost(string host)
    {
        if (!host.EndsWith(".ghe.com", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var subdomain = host[..^".ghe.com".Length];
        if (subdomain.StartsWith("api.", StringComparison.OrdinalIgnoreCase))
        {
            subdomain = subdomain["api.".Length..];
        }
        return subdomain.Length == 0 || subdomain.Contains('.', StringComparison.Ordinal) ? null : $"api.{subdomain}.ghe.com".ToLowerInvariant();
    }

    private static Uri Absolute(string text, string source)
    {
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || text.Trim().Any(char.IsWhiteSpace))
        {
            throw Refused(source, text, "not an http(s) API URL (e.g. https://api.github.com or https://HOST/api/v3)");
        }
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            throw Refused(source, text, "credentials do not belong in the API URL; pass a token in GITHUB_TOKEN or GH_TOKEN");
        }
        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw Refused(source, text, "an API URL has no query or fragment; pass a token in GITHUB_TOKEN or GH_TOKEN");
        }
        return uri;
    }

    private static InputException Refused(string source, string text, string why) =>
        new($"{source}: {why} (got '{SafeUrl.Redact(text)}')");
}
