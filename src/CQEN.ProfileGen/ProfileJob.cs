using CQEN.ProfileGen.Cli;
using CQEN.ProfileGen.GitHub;
using CQEN.ProfileGen.Rendering;
using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen;

/// <summary>
/// The one service the verbs share: get a snapshot (a file, or GitHub through the gateway),
/// and render it. Knows nothing of options or exit codes.
/// </summary>
public sealed class ProfileJob(GitHubConnector connector, TimeProvider clock, Action<string>? warn = null)
{
    public async Task<OrgSnapshot> ReadSnapshotAsync(RunSettings settings, CancellationToken ct)
    {
        if (settings.SnapshotPath is { } path)
        {
            var snapshot = SnapshotJson.Deserialize(await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false), path);
            if (settings.Org is { } given && !string.Equals(given, snapshot.Org.Login, StringComparison.OrdinalIgnoreCase))
            {
                throw new InputException($"--org: '{given}' does not match the snapshot's organization '{snapshot.Org.Login}' ({path})");
            }
            return snapshot;
        }
        var org = settings.RequireOrg();
        if (settings.Credentials is { Token: null, IsApp: false })
        {
            warn?.Invoke("no token: reading GitHub anonymously, with 60 requests an hour and public repositories only; set GITHUB_TOKEN (or GH_TOKEN) for more");
        }
        var gateway = await connector.ConnectAsync(settings, ct).ConfigureAwait(false);
        return await gateway.ReadAsync(org, ct).ConfigureAwait(false);
    }

    public string Render(OrgSnapshot snapshot, RunSettings settings, CancellationToken ct) =>
        ProfileRenderer.Render(settings.Template, TemplateModelBuilder.Build(snapshot, settings.Config, clock.GetUtcNow()), ct: ct);
}
