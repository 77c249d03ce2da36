namespace CQEN.ProfileGen.Snapshots;

/// <summary>The offline source: a snapshot file written by `profilegen snapshot` (no network, no token).</summary>
internal sealed class SnapshotFile(string path) : IOrgSource
{
    /// <param name="org">The organization asked for, or null for whichever the file holds.</param>
    public async Task<OrgSnapshot> ReadAsync(string? org, CancellationToken cancellationToken)
    {
        var snapshot = SnapshotJson.Deserialize(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false), path);
        return org is null || string.Equals(org, snapshot.Org.Login, StringComparison.OrdinalIgnoreCase)
            ? snapshot
            : throw new InputException($"'{org}' does not match the snapshot's organization '{snapshot.Org.Login}' ({path})");
    }

    Task<OrgSnapshot> IOrgSource.ReadAsync(string org, CancellationToken cancellationToken) => ReadAsync(org, cancellationToken);
}
