namespace CQEN.ProfileGen.GitHub;

/// <summary>The REST and GraphQL addresses of github.com or of a GitHub Enterprise Server.</summary>
public sealed record GitHubEndpoint(Uri RestBase, Uri GraphQl)
{
    public static readonly GitHubEndpoint DotCom = new(new Uri("https://api.github.com/"), new Uri("https://api.github.com/graphql"));

    /// <summary>
    /// From what a user passes as --api-url: github.com, api.github.com, https://HOST/api/v3
    /// (GHES), or a bare https://HOST (GHES, /api/v3 assumed). Null when it is not a URL.
    /// </summary>
    public static GitHubEndpoint? Parse(string apiUrl, string? graphQlUrl = null)
    {
        if (!Uri.TryCreate(apiUrl.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return null;
        }
        Uri rest, graphQl;
        if (uri.Host is "github.com" or "api.github.com" or "www.github.com")
        {
            (rest, graphQl) = (DotCom.RestBase, DotCom.GraphQl);
        }
        else
        {
            var path = uri.AbsolutePath.TrimEnd('/');
            if (path.Length == 0)
            {
                path = "/api/v3";
            }
            rest = new Uri(uri, path + "/");
            // GHES serves GraphQL at /api/graphql, not under /api/v3.
            var root = path.EndsWith("/v3", StringComparison.Ordinal) ? path[..^3] : path;
            graphQl = new Uri(uri, root.TrimEnd('/') + "/graphql");
        }
        if (graphQlUrl is not null)
        {
            if (!Uri.TryCreate(graphQlUrl, UriKind.Absolute, out var g) || g.Scheme is not ("https" or "http"))
            {
                return null;
            }
            graphQl = g;
        }
        return new GitHubEndpoint(rest, graphQl);
    }
}
