namespace CQEN.ProfileGen.Publishing;

/// <summary>How a publish run ended, or in a dry run how it would end: the one list of them.</summary>
internal enum PublishStatus
{
    Unchanged,
    Created,
    Updated,
    Closed,
    WouldCreate,
    WouldUpdate,
    WouldClose,

    /// <summary>The run could not do its job (someone else's commits on the branch): nothing written.</summary>
    Blocked,
}

/// <summary>What each status is called where users read it (the JSON outcome, the step's outputs, the status line) and what it means.</summary>
internal static class PublishStatuses
{
    /// <summary>created, updated, unchanged, closed, would-create, would-update, would-close, blocked.</summary>
    public static string Name(this PublishStatus status) => status switch
    {
        PublishStatus.Unchanged => "unchanged",
        PublishStatus.Created => "created",
        PublishStatus.Updated => "updated",
        PublishStatus.Closed => "closed",
        PublishStatus.WouldCreate => "would-create",
        PublishStatus.WouldUpdate => "would-update",
        PublishStatus.WouldClose => "would-close",
        PublishStatus.Blocked => "blocked",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The pull request changed (or, in a dry run, would change).</summary>
    public static bool IsChange(this PublishStatus status) => status is not (PublishStatus.Unchanged or PublishStatus.Blocked);

    /// <summary>A write the run made: created, updated or closed (never a dry run's).</summary>
    public static bool IsWrite(this PublishStatus status) => status is PublishStatus.Created or PublishStatus.Updated or PublishStatus.Closed;

    public static bool IsDryRun(this PublishStatus status) => status is PublishStatus.WouldCreate or PublishStatus.WouldUpdate or PublishStatus.WouldClose;

    /// <summary>The dry run's form of a write: created → would-create, and so on.</summary>
    public static PublishStatus Would(this PublishStatus status, bool dryRun) => !dryRun ? status : status switch
    {
        PublishStatus.Created => PublishStatus.WouldCreate,
        PublishStatus.Updated => PublishStatus.WouldUpdate,
        PublishStatus.Closed => PublishStatus.WouldClose,
        _ => status,
    };
}
