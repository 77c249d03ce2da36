namespace CQEN.ProfileGen.GitHub;

/// <summary>
/// Turns what a run needs from GitHub into a connected gateway: endpoint, credentials, and the HTTP pipeline
/// (resilience over the transport). Tests give their own transport options and retry timings.
/// </summary>
internal class GitHubConnector(Func<HttpMessageHandler> transport, ResilienceOptions resilience, TimeProvider clock)
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

    /// <summary>The secrets minted during the run (App installation tokens), so output can be scrubbed of them.</summary>
    public IEnumerable<string> MintedTokens => _minted.Select(m => m.Token);

    private IGitHubGateway? _gateway;
    private GitHubAccess? _connectedWith;
    private readonly List<(GitHubEndpoint Endpoint, string Token, Func<HttpMessageHandler> Pipeline)> _minted = [];

    /// <summary>
    /// The run's gateway: connected once (a GitHub App token is minted once per run, however many
    /// steps need GitHub), then the same one for the same endpoint and credentials.
    /// </summary>
    public virtual async Task<IGitHubGateway> ConnectAsync(GitHubAccess access, CancellationToken ct)
    {
        if (_gateway is not null && _connectedWith == access)
        {
            return _gateway;
        }
        _gateway = await ConnectOnceAsync(access, ct).ConfigureAwait(false);
        _connectedWith = access;
        return _gateway;
    }

    /// <summary>Revokes the installation tokens the run minted; best effort, as the run's own outcome is already decided.</summary>
    public async Task RevokeMintedTokensAsync()
    {
        // Not through the run's own pipeline: after Ctrl-C or --timeout its cancellation would
        // cancel the revocation too. Its own short deadline instead, so a GitHub that does not
        // answer cannot hold the exit.
        using var deadline = new CancellationTokenSource(RevocationTime);
        foreach (var (endpoint, token, _) in _minted)
        {
            try
            {
                await GitHubAppAuthenticator.RevokeAsync(endpoint, token,
                    () => new GitHubResilienceHandler(new UsageHandler(transport(), Usage), resilience, clock, deadline.Token)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is GitHubException or OperationCanceledException or HttpRequestException)
            {
                // It expires within the hour anyway.
            }
        }
        _minted.Clear();
    }

    /// <summary>How long revoking the run's tokens may take at its end, whatever ended it.</summary>
    public static readonly TimeSpan RevocationTime = TimeSpan.FromSeconds(15);

    private async Task<IGitHubGateway> ConnectOnceAsync(GitHubAccess access, CancellationToken ct)
    {
        var options = access.RateLimitWait is { } wait ? resilience with { MaxRateLimitWait = wait } : resilience;
        HttpMessageHandler Pipeline()
        {
            HttpMessageHandler handler = new GitHubResilienceHandler(new UsageHandler(transport(), Usage), options, clock, ct);
            return access.CacheDirectory is { } cache ? new ConditionalRequestHandler(handler, cache) : handler;
        }
        var token = access.Credentials switch
        {
            GitHubCredentials.Token given => given.Value,
            GitHubCredentials.App app => await MintAsync(app).ConfigureAwait(false),
            _ => null,
        };
        var client = GitHubClientFactory.Create(access.Endpoint, token, Pipeline);
        // GraphQL answers only authenticated calls: anonymous runs read with REST.
        var reader = token is null ? OrgReader.Rest : access.Reader;
        return new OctokitGateway(client, access.Endpoint, clock, reader)
        {
            Anonymous = token is null,
            Usage = Usage,
            ReadCacheDirectory = access.CacheDirectory,
            ReadTimeBudget = access.ReadTimeBudget,
            List = access.List,
            CatalogueFiles = access.CatalogueFiles,
            CustomPropertyNames = access.CustomPropertyNames,
        };

        async Task<string> MintAsync(GitHubCredentials.App app)
        {
            var org = access.Org ?? throw new ArgumentException("a GitHub App's installation is looked up on an organization, and none was given", nameof(access));
            var minted = await GitHubAppAuthenticator.CreateInstallationTokenAsync(access.Endpoint, app.AppId, app.PrivateKeyPem, app.KeySource,
                org, Pipeline, clock, write: access.WriteTo is not null, onlyRepository: access.WriteToOnly ? access.WriteTo : null,
                labels: access.WriteTo is not null && access.WritesLabels, teams: access.WriteTo is not null && access.AsksTeams,
                customProperties: access.CustomPropertyNames is not null).ConfigureAwait(false);
            _minted.Add((access.Endpoint, minted, Pipeline));
            return minted;
        }
    }
}
