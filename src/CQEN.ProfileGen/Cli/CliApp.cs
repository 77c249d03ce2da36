using System.CommandLine;
using CQEN.ProfileGen.GitHub;

namespace CQEN.ProfileGen.Cli;

/// <summary>
/// The command line: builds the verbs, parses, runs, and is the one place where failures
/// become one line on stderr and an exit code. Nothing else in the tool writes to the console.
/// </summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliEnvironment env, GitHubConnector? connector = null, CancellationToken ct = default)
    {
        connector ??= GitHubConnector.Default(env.Clock);
        var context = new CommandContext(env, connector);
        var root = new RootCommand("CQEN.ProfileGen keeps a GitHub organization's profile README true to what the organization holds.")
        {
            new RenderCommand(context),
            new SnapshotCommand(context),
            new ValidateCommand(context),
            new PublishCommand(context),
            new AuditCommand(context),
            new InitCommand(context),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            await env.Error.WriteLineAsync($"profilegen: error: {parse.Errors[0].Message} (see 'profilegen --help')").ConfigureAwait(false);
            return ExitCodes.Error;
        }
        var timeout = parse.GetValue(RunOptions.Timeout) ?? 600;
        if (timeout <= 0)
        {
            await env.Error.WriteLineAsync($"profilegen: error: --timeout: must be a positive number of seconds (got {timeout})").ConfigureAwait(false);
            return ExitCodes.Error;
        }
        // The overall deadline: when it passes, every pending call is cancelled and nothing is written.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(timeout));
        try
        {
            var output = new InvocationConfiguration { Output = env.Out, Error = env.Error, EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(output, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            await env.Error.WriteLineAsync($"profilegen: error: the run did not finish within --timeout {timeout} s; nothing was written").ConfigureAwait(false);
            return ExitCodes.Error;
        }
        catch (Exception ex)
        {
            var message = context.Scrub(Describe(ex, env));
            await env.Error.WriteLineAsync("profilegen: error: " + message).ConfigureAwait(false);
            if (GitHubActions.IsActive(env))
            {
                await env.Error.WriteLineAsync(GitHubActions.ErrorAnnotation(message)).ConfigureAwait(false);
            }
            return ExitCodes.Error;
        }
    }

    private static string Describe(Exception ex, CliEnvironment env) => ex switch
    {
        InputException or GitHubException or Publishing.ManagedRegionException => OneLine(ex.Message),
        OperationCanceledException => "the run was cancelled; nothing was written",
        // Anything else is a bug: still one line (no stack trace), but saying so.
        _ => env.Get("PROFILEGEN_DEBUG") is not null
            ? ex.ToString()
            : $"unexpected {ex.GetType().Name}: {OneLine(ex.Message)} (this is a bug in profilegen; set PROFILEGEN_DEBUG=1 for details)",
    };

    private static string OneLine(string s) => s.ReplaceLineEndings(" ").Trim();
}

/// <summary>What every verb needs: the environment, the GitHub connector, and the secrets to scrub.</summary>
public sealed class CommandContext
{
    private readonly List<string> _secrets = [];

    public CommandContext(CliEnvironment env, GitHubConnector connector)
    {
        Env = env;
        Connector = connector;
        // Tokens minted during the run (GitHub App installation tokens) are scrubbed too.
        connector.SecretMinted = _secrets.Add;
    }

    public CliEnvironment Env { get; }
    public GitHubConnector Connector { get; }

    public RunSettings Resolve(ParseResult parse)
    {
        var settings = RunSettings.Resolve(parse, Env);
        _secrets.AddRange(settings.Credentials.Secrets);
        return settings;
    }

    /// <summary>Removes every known secret from a text that is about to leave the process.</summary>
    public string Scrub(string text)
    {
        foreach (var secret in _secrets.Concat(new[] { Env.Get("GITHUB_TOKEN"), Env.Get("GH_TOKEN"), Env.Get("PROFILEGEN_APP_PRIVATE_KEY") }))
        {
            if (!string.IsNullOrEmpty(secret) && secret.Length >= 4)
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal);
            }
        }
        return text;
    }

    /// <summary>Writes the result to --output (atomically, only once everything succeeded) or to stdout.</summary>
    public async Task WriteResultAsync(string? outputPath, string text, CancellationToken ct)
    {
        if (outputPath is null)
        {
            await Env.Out.WriteAsync(text).ConfigureAwait(false);
            await Env.Out.FlushAsync(ct).ConfigureAwait(false);
            return;
        }
        var directory = Path.GetDirectoryName(outputPath)!;
        if (!Directory.Exists(directory))
        {
            throw new InputException($"--output: folder does not exist: {directory}");
        }
        var temp = Path.Combine(directory, $".{Path.GetFileName(outputPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllTextAsync(temp, text, new System.Text.UTF8Encoding(false), ct).ConfigureAwait(false);
            File.Move(temp, outputPath, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"--output: cannot write {outputPath}: {ex.Message}");
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
