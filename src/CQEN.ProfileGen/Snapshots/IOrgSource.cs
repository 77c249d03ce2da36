namespace CQEN.ProfileGen.Snapshots;

/// <summary>Where an <see cref="OrgSnapshot"/> comes from: the GitHub API, or a snapshot file.</summary>
internal interface IOrgSource
{
    /// <summary>
    /// Reads the whole organization. Either returns complete data or throws: a partial
    /// snapshot must never reach the renderer (and so never a published README).
    /// </summary>
    Task<OrgSnapshot> ReadAsync(string org, CancellationToken cancellationToken);
}
