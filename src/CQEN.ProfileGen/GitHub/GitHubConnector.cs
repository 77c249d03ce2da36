using CQEN.ProfileGen.Cli;

namespace CQEN.ProfileGen.GitHub;

/// <summary>Turns run settings into a connected gateway: endpoint, credentials, HTTP pipeline.</summary>
public class GitHubConnector(Func<HttpMessageHandler> handlerFactory, TimeProvider clock)
{
    public static GitHubConnector Default(TimeProvider clock) =>
        new(() => new SocketsHttpHandler
        {
            AllowAutoRedirect = false, // Octokit follows redirects itself and drops auth across hosts
            AutomaticDecompression = System.Net.DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        }, clock);

    public virtual Task<IGitHubGateway> ConnectAsync(RunSettings settings, CancellationToken ct)
    {
        var client = GitHubClientFactory.Create(settings.Endpoint, settings.Credentials.Token, handlerFactory);
        return Task.FromResult<IGitHubGateway>(new OctokitGateway(client, settings.Endpoint, clock));
    }
}
