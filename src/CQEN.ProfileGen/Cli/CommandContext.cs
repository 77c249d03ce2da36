using System.CommandLine;
using CQEN.ProfileGen.Application;
using CQEN.ProfileGen.GitHub;
using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Cli;

/// <summary>
/// What every verb shares: the environment, the one GitHub connection of the run, the reporter,
/// and the two steps most verbs take (get a snapshot, render it).
/// </summary>
internal sealed class CommandContext(CliEnvironment env, GitHubConnector connector)
{
    public CliEnvironment Env => env;
    public GitHubConnector Connector => connector;
    public Reporter Reporter { get; } = Reporter.For(env, connector.Usage);

    /// <summary>The options the verbs share, made for this run's command tree only.</summary>
    public RunOptions Options { get; } = new();

    /// <summary>The run's steps and its one GitHub connection.</summary>
    public ProfileRun Run { get; } = new(connector, env.Clock);

    public RunSettings Resolve(ParseResult parse)
    {
        Reporter.Quiet = parse.GetValue(Options.Quiet);
        var settings = RunSettings.Resolve(parse, Options, Env);
        Reporter.AddSecrets(settings.GitHub.Credentials.Secrets);
        Reporter.Culture = settings.Config.Culture;
        return settings;
    }

    /// <summary>The run's gateway (connected once); a token minted for it is never printed from then on.</summary>
    public async Task<IGitHubGateway> ConnectAsync(GitHubAccess access, CancellationToken ct)
    {
        var gateway = await Run.ConnectAsync(access, ct).ConfigureAwait(false);
        Reporter.AddSecrets(connector.MintedTokens, minted: true);
        return gateway;
    }

    /// <summary>The organization: from --snapshot, or read from GitHub.</summary>
    public async Task<OrgSnapshot> ReadSnapshotAsync(RunSettings settings, CancellationToken ct) =>
        await Reporter.PhaseAsync("Read the organization", async () =>
        {
            if (settings.SnapshotPath is { } path)
            {
                return await ProfileRun.ReadAsync(path, settings.Org, ct).ConfigureAwait(false);
            }
            var org = settings.RequireOrg();
            if (settings.GitHub.Credentials is GitHubCredentials.None)
            {
                await Reporter.WarnAsync("no token: reading GitHub anonymously, with 60 requests an hour and public repositories only; set GITHUB_TOKEN (or GH_TOKEN) for more").ConfigureAwait(false);
            }
            var gateway = await ConnectAsync(settings.GitHub, ct).ConfigureAwait(false);
            Connector.Usage.Warnings ??= Reporter.WarnAsync;
            return await ProfileRun.ReadAsync(gateway, org, ct).ConfigureAwait(false);
        }).ConfigureAwait(false);

    /// <summary>Writes the result to --output (only once everything succeeded) or to stdout.</summary>
    public async Task WriteResultAsync(string? outputPath, string text, CancellationToken ct)
    {
        if (outputPath is null)
        {
            await env.Out.WriteAsync(text).ConfigureAwait(false);
            await env.Out.FlushAsync(ct).ConfigureAwait(false);
            return;
        }
        await OutputFile.WriteAsync(outputPath, text, ct).ConfigureAwait(false);
    }
}
