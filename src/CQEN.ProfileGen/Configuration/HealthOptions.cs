namespace CQEN.ProfileGen.Configuration;

/// <summary>
/// The <c>health:</c> section of profilegen.yml: whether the default templates show the health
/// view, when a repository counts as slowing or stale, and the topics that exempt one from
/// staleness (a finished library, a specification). The audit rules themselves are switched
/// under <c>audit.rules</c>, like every rule.
/// </summary>
internal sealed record HealthOptions
{
    public const int DefaultSlowingDays = 180;
    public const int DefaultStaleDays = 365;

    /// <summary>false: the default templates show no health view (the model still has it).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Days without a push after which an active repository is slowing.</summary>
    public int SlowingDays { get; init; } = DefaultSlowingDays;

    /// <summary>Days without a push after which a repository is stale (more than <see cref="SlowingDays"/>).</summary>
    public int StaleDays { get; init; } = DefaultStaleDays;

    /// <summary>Topics that exempt a repository from staleness (its activity reads "exempt").</summary>
    public IReadOnlyList<string> ExemptTopics { get; init; } = [];
}
