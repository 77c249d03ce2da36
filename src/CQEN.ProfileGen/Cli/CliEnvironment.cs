namespace CQEN.ProfileGen.Cli;

/// <summary>
/// What the command line reads from the outside world, passed in so the whole CLI runs
/// in-process in tests with its own variables, folder, clock and output.
/// </summary>
internal sealed record CliEnvironment
{
    public required IReadOnlyDictionary<string, string?> Variables { get; init; }
    public required TextWriter Out { get; init; }
    public required TextWriter Error { get; init; }
    public required string CurrentDirectory { get; init; }
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Whether standard output is a terminal (colour is used only then, and never with NO_COLOR).</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>Whether standard error is a terminal (progress is drawn only then).</summary>
    public bool ErrorIsTerminal { get; init; }

    public string? Get(string name) => Variables.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v) ? v : null;

    public string ResolvePath(string path) => Path.GetFullPath(Path.Combine(CurrentDirectory, path));

    public static CliEnvironment FromProcess() => new()
    {
        Variables = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal),
        Out = Console.Out,
        Error = Console.Error,
        CurrentDirectory = Directory.GetCurrentDirectory(),
        OutputIsTerminal = !Console.IsOutputRedirected,
        ErrorIsTerminal = !Console.IsErrorRedirected,
    };
}
