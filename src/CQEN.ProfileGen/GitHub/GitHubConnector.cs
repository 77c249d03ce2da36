using CQEN.ProfileGen.Cli;

namespace CQEN.ProfileGen.GitHub;

/// <summary>
/// Turns run settings into a connected gateway: endpoint, credentials, and the HTTP pipeline
/// (resilience over the transport). Tests give their own transport options and retry timings.
/// </summary>
public class GitHubConnector(Func<HttpMessageHandler> transport, ResilienceOptions resilience, TimeProvider clock)
{
    public static GitHubConnector Default(TimeProvider clock) =>
        new(() => new SocketsHttpHandler
        {
            AllowAutoRedirect = false, // Octokit follows redirects itself and drops auth across hosts
            AutomaticDecompression = System.Net.DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        }, new ResilienceOptions(), clock);

    public ResilienceOptions Resilience => resilience;

    public virtual Task<IGitHubGateway> ConnectAsync(RunSettings settings, CancellationToken ct)
    {
        var options = settings.RateLimitWait is { } wait ? resilience with { MaxRateLimitWait = wait } : resilience;
        var client = GitHubClientFactory.Create(settings.Endpoint, settings.Credentials.Token, () => new GitHubResilienceHandler(transport(), options, clock, ct));
        // GraphQL answers only authenticated calls; anonymous runs read with REST.
        var reader = settings.Reader == OrgReader.Auto && settings.Credentials.Token is null ? OrgReader.Rest : settings.Reader;
        if (reader == OrgReader.GraphQl && settings.Credentials.Token is null)
        {
            throw new InputException("--reader graphql: GitHub's GraphQL API needs a token (GITHUB_TOKEN, GH_TOKEN or a GitHub App)");
        }
        return Task.FromResult<IGitHubGateway>(new OctokitGateway(client, settings.Endpoint, clock, reader));
    }
}
