using CQEN.ProfileGen.Cli;
using CQEN.ProfileGen.GitHub;

namespace CQEN.ProfileGen.Tests.Cli;

/// <summary>Runs the real command line in-process: its own variables, folder and clock; returns exit code and output.</summary>
internal sealed class CliHarness
{
    public Dictionary<string, string?> Variables { get; } = new(StringComparer.Ordinal);
    public string CurrentDirectory { get; set; } = AppContext.BaseDirectory;
    public TimeProvider Clock { get; set; } = new FixedClock(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Pretend stderr is a terminal (progress is drawn there).</summary>
    public bool ErrorIsTerminal { get; set; }

    /// <summary>Fast retries for tests: the same logic, milliseconds instead of seconds.</summary>
    public ResilienceOptions Resilience { get; set; } = new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(5),
        MaxDelay = TimeSpan.FromSeconds(2),
        AttemptTimeout = TimeSpan.FromSeconds(10),
        SecondaryLimitWait = TimeSpan.FromMilliseconds(50),
        MaxRateLimitWait = TimeSpan.FromSeconds(2),
    };

    public async Task<CliResult> RunAsync(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var env = new CliEnvironment
        {
            Variables = Variables,
            Out = stdout,
            Error = stderr,
            CurrentDirectory = CurrentDirectory,
            Clock = Clock,
            ErrorIsTerminal = ErrorIsTerminal,
        };
        var connector = new GitHubConnector(() => new SocketsHttpHandler { AllowAutoRedirect = false }, Resilience, Clock);
        var exit = await CliApp.RunAsync(args, env, connector);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    public static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "samples", name);
}

public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
