using Octokit;
using Octokit.Internal;

namespace CQEN.ProfileGen.GitHub;

/// <summary>Builds the Octokit client: our base URL as given (no /api/v3 rewriting), our HTTP pipeline, the token.</summary>
internal static class GitHubClientFactory
{
    public static readonly string Version =
        typeof(GitHubClientFactory).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static GitHubClient Create(GitHubEndpoint endpoint, string? token, Func<HttpMessageHandler> handler)
    {
        var credentials = token is null ? Credentials.Anonymous : new Credentials(token);
        // Connection (unlike GitHubClient's own constructor) takes the base URL as is, so a
        // GHES "https://HOST/api/v3/" or a test server address are used exactly as given.
        var connection = new Connection(
            new ProductHeaderValue("CQEN.ProfileGen", Version),
            endpoint.RestBase,
            new InMemoryCredentialStore(credentials),
            new HttpClientAdapter(handler),
            new SimpleJsonSerializer());
        return new GitHubClient(connection);
    }
}
