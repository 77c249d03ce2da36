namespace CQEN.ProfileGen.GitHub;

/// <summary>How hard the tool tries before a GitHub failure ends the run.</summary>
internal sealed record ResilienceOptions
{
    /// <summary>Retries after the first attempt, for 5xx, timeouts, resets and secondary rate limits.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>First backoff delay; it doubles each retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest single wait, whatever GitHub's retry-after or reset says beyond it.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Time limit of one attempt of one request.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// When the primary (hourly) limit is exhausted, wait for the reset if it is at most this far
    /// away; otherwise stop at once, naming the reset time.
    /// </summary>
    public TimeSpan MaxRateLimitWait { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Wait for a secondary limit without retry-after (GitHub: "at least one minute").</summary>
    public TimeSpan SecondaryLimitWait { get; init; } = TimeSpan.FromSeconds(60);
}
