using Octokit;
using Octokit.Internal;

namespace CQEN.ProfileGen.GitHub;

/// <summary>Builds the Octokit client: our base URL as given (no /api/v3 rewriting), our HTTP pipeline, the token.</summary>
internal static class GitHubClientFactory
{
    public static readonly string Version =
        typeof(GitHubClientFactory).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>The REST API version every request asks for (GitHub's default until at least 2028-03, pinned).</summary>
    public const string ApiVersion = "2022-11-28";

    public const string ApiVersionHeader = "X-GitHub-Api-Version";

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
            new TextKeepingJson());
        return new GitHubClient(connection);
    }

    /// <summary>
    /// Octokit's own JSON, except for an answer asked for as text (GraphQL's, read with GraphQlJson):
    /// Octokit would wrap that in brackets and parse it whole, then throw the result away, which
    /// cost a third of the tool's time reading a large organization.
    /// </summary>
    private sealed class TextKeepingJson : IJsonSerializer
    {
        private readonly SimpleJsonSerializer _json = new();

        public string Serialize(object item) => _json.Serialize(item);

        public T Deserialize<T>(string json) => typeof(T) == typeof(string) ? default! : _json.Deserialize<T>(json);
    }
}
