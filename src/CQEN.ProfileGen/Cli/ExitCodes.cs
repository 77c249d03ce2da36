namespace CQEN.ProfileGen.Cli;

/// <summary>The process exit codes, in one place (documented in docs/command-line.md).</summary>
internal static class ExitCodes
{
    /// <summary>Done, or already up to date.</summary>
    public const int Success = 0;

    /// <summary>Any error: bad input, GitHub failure, blocked publish. Nothing was written.</summary>
    public const int Error = 1;

    /// <summary>audit: findings at or above --fail-on.</summary>
    public const int Findings = 3;

    /// <summary>With --detailed-exitcode: there were changes (dry-run: would change).</summary>
    public const int Changes = 2;

    /// <summary>
    /// The read stopped before the run's time ran out (a read cache and PROFILEGEN_TIMEOUT_MINUTES):
    /// what was read is kept in the cache, nothing was written, and the next run goes on from there.
    /// </summary>
    public const int ReadUnfinished = 4;

    /// <summary>Interrupted (Ctrl-C): 128 + SIGINT, as shells report it.</summary>
    public const int Cancelled = 130;
}
