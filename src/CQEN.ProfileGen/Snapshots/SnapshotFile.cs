namespace CQEN.ProfileGen.Snapshots;

/// <summary>The offline source: a snapshot file written by `profilegen snapshot` (no network, no token).</summary>
/// <param name="askedBy">What named the organization asked for ("--org"), to start a mismatch's message with.</param>
internal sealed class SnapshotFile(string path, string? askedBy = null) : IOrgSource
{
    /// <param name="org">The organization asked for, or null for whichever the file holds.</param>
    public async Task<OrgSnapshot> ReadAsync(string? org, CancellationToken cancellationToken)
    {
        var snapshot = SnapshotJson.Deserialize(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false), path);
        return org is null || string.Equals(org, snapshot.Org.Login, StringComparison.OrdinalIgnoreCase)
            ? snapshot
            : throw new InputException($"{(askedBy is null ? "" : askedBy + ": ")}'{org}' does not match the snapshot's organization '{snapshot.Org.Login}' ({path})");
    }

    Task<OrgSnapshot> IOrgSource.ReadAsync(string org, CancellationToken cancellationToken) => ReadAsync(org, cancellationToken);
}
