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

    /// <summary>What the run cost on GitHub, across every connection it made.</summary>
    public GitHubUsage Usage { get; } = new();

    /// <summary>Told every secret minted during the run (App installation tokens), so output can be scrubbed of them.</summary>
    public Action<string>? SecretMinted { get; set; }

    private IGitHubGateway? _gateway;
    private (GitHubEndpoint, Cli.GitHubCredentials, OrgReader, string?)? _connectedWith;
    private readonly List<(GitHubEndpoint Endpoint, string Token, Func<HttpMessageHandler> Pipeline)> _minted = [];

    /// <summary>
    /// The run's gateway: connected once (a GitHub App token is minted once per run, however many
    /// steps need GitHub), then the same one for the same endpoint and credentials.
    /// </summary>
    public virtual async Task<IGitHubGateway> ConnectAsync(RunSettings settings, CancellationToken ct)
    {
        var key = (settings.Endpoint, settings.Credentials, settings.Reader, settings.WriteTo);
        if (_gateway is not null && _connectedWith == key)
        {
            return _gateway;
        }
        _gateway = await ConnectOnceAsync(settings, ct).ConfigureAwait(false);
        _connectedWith = key;
        return _gateway;
    }

    /// <summary>Revokes the installation tokens the run minted; best effort, as the run's own outcome is already decided.</summary>
    public async Task RevokeMintedTokensAsync()
    {
        foreach (var (endpoint, token, pipeline) in _minted)
        {
            try
            {
                await GitHubAppAuthenticator.RevokeAsync(endpoint, token, pipeline).ConfigureAwait(false);
            }
            catch (GitHubException)
            {
                // It expires within the hour anyway.
            }
        }
        _minted.Clear();
    }

    private async Task<IGitHubGateway> ConnectOnceAsync(RunSettings settings, CancellationToken ct)
    {
        var options = settings.RateLimitWait is { } wait ? resilience with { MaxRateLimitWait = wait } : resilience;
        HttpMessageHandler Pipeline()
        {
            HttpMessageHandler handler = new GitHubResilienceHandler(new UsageHandler(transport(), Usage), options, clock, ct);
            return settings.CacheDirectory is { } cache ? new ConditionalRequestHandler(handler, cache) : handler;
        }
        var credentials = settings.Credentials;
        var token = credentials.Token;
        if (credentials.IsApp)
        {
            token = await GitHubAppAuthenticator.CreateInstallationTokenAsync(settings.Endpoint, credentials.AppId!, credentials.AppPrivateKeyPem!,
                credentials.AppKeySource!, settings.RequireOrg(), Pipeline, clock, write: settings.WriteTo is not null, onlyRepository: settings.WriteToOnly ? settings.WriteTo : null).ConfigureAwait(false);
            SecretMinted?.Invoke(token);
            _minted.Add((settings.Endpoint, token, Pipeline));
        }
        var client = GitHubClientFactory.Create(settings.Endpoint, token, Pipeline);
        // GraphQL answers only authenticated calls; anonymous runs read with REST.
        var reader = settings.Reader == OrgReader.Auto && token is null ? OrgReader.Rest : settings.Reader;
        if (reader == OrgReader.GraphQl && token is null)
        {
            throw new InputException("--reader graphql: GitHub's GraphQL API needs a token (GITHUB_TOKEN, GH_TOKEN or a GitHub App)");
        }
        return new OctokitGateway(client, settings.Endpoint, clock, reader) { Anonymous = token is null, Usage = Usage };
    }
}
