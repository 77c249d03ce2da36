using System.CommandLine;
using CQEN.ProfileGen.GitHub;

namespace CQEN.ProfileGen.Cli;

/// <summary>
/// The command line: builds the verbs, parses, runs, and is the one place where failures
/// become one line on stderr and an exit code. Nothing else in the tool writes to the console.
/// </summary>
internal static class CliApp
{
    /// <summary>The longest wait a .NET timer takes (about 49 days); a longer one is refused as an option, never a crash.</summary>
    public const int MaxSeconds = 4_294_967;

    public static async Task<int> RunAsync(string[] args, CliEnvironment env, GitHubConnector? connector = null, CancellationToken ct = default)
    {
        connector ??= GitHubConnector.Default(env.Clock);
        // In GitHub Actions no line carrying repository data may become a workflow command.
        env = WorkflowCommandGuard.Protect(env);
        var context = new CommandContext(env, connector);
        var root = BuildRoot(context);
        var parse = root.Parse(args);
        if (args.Length == 0)
        {
            // No verb: the help, not an error.
            return await root.Parse(["--help"]).InvokeAsync(new InvocationConfiguration { Output = env.Out, Error = env.Error }, ct).ConfigureAwait(false);
        }
        if (parse.Errors.Count > 0)
        {
            var help = parse.CommandResult.Command == root ? "profilegen --help" : $"profilegen {parse.CommandResult.Command.Name} --help";
            foreach (var message in ParseErrors.Describe(parse))
            {
                await context.Reporter.FailAsync($"{message} (see '{help}')").ConfigureAwait(false);
            }
            return ExitCodes.Error;
        }
        var timeout = parse.GetValue(context.Options.Timeout) ?? 600;
        if (timeout is <= 0 or > MaxSeconds)
        {
            await context.Reporter.FailAsync($"--timeout: must be a whole number of seconds from 1 to {MaxSeconds} (got {timeout})").ConfigureAwait(false);
            return ExitCodes.Error;
        }
        // The overall deadline: when it passes, every pending call is cancelled and nothing is written.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(timeout));
        try
        {
            var output = new InvocationConfiguration { Output = env.Out, Error = env.Error, EnableDefaultExceptionHandler = false };
            try
            {
                return await parse.InvokeAsync(output, deadline.Token).ConfigureAwait(false);
            }
            finally
            {
                await connector.RevokeMintedTokensAsync().ConfigureAwait(false);
                if (connector.Usage.Requests > 0 && (parse.GetValue(context.Options.Verbose) || env.Get("RUNNER_DEBUG") == "1"))
                {
                    await context.Reporter.WriteAsync("profilegen: " + connector.Usage.Describe()).ConfigureAwait(false);
                }
            }
        }
        catch (ReadUnfinishedException unfinished)
        {
            // Not a failure to fix: the next run goes on. Its own exit code still fails the step, so
            // nothing after it publishes; the Action saves the read cache all the same.
            await context.Reporter.UnfinishedAsync(unfinished.Message, culture => GitHubActions.UnfinishedSummary(unfinished, culture)).ConfigureAwait(false);
            return ExitCodes.ReadUnfinished;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            await context.Reporter.FailAsync($"the run did not finish within --timeout {timeout} s; nothing was written").ConfigureAwait(false);
            return ExitCodes.Error;
        }
        catch (Exception ex) when (ct.IsCancellationRequested && ex is OperationCanceledException or GitHubException)
        {
            // Ctrl-C: the pending calls were cancelled and cleaned up; 130 is what shells expect (128 + SIGINT).
            await context.Reporter.WriteAsync("profilegen: cancelled" + (ex is GitHubException ? ": " + context.Reporter.Scrub(ex.Message).ReplaceLineEndings(" ") : "; nothing was written")).ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (Exception ex)
        {
            // Scrubbed before it is flattened to one line: a secret holding a line break still matches.
            var message = context.Reporter.Scrub(Describe(ex, env));
            await context.Reporter.FailAsync(env.Get("PROFILEGEN_DEBUG") is null ? OneLine(message) : message).ConfigureAwait(false);
            return ExitCodes.Error;
        }
    }

    /// <summary>The verbs, each with options of its own run (see <see cref="RunOptions"/>).</summary>
    internal static RootCommand BuildRoot(CommandContext context)
    {
        var root = new RootCommand("CQEN.ProfileGen keeps a GitHub organization's profile README true to what the organization holds.")
        {
            new RenderCommand(context),
            new SnapshotCommand(context),
            new ValidateCommand(context),
            new PublishCommand(context),
            new AuditCommand(context),
            new InitCommand(context),
            new DoctorCommand(context),
            new ExportCommand(context),
        };
        root.Subcommands.Add(new HelpCommand(root));
        Examples.AddTo(root);
        return root;
    }

    private static string Describe(Exception ex, CliEnvironment env) => ex switch
    {
        InputException or GitHubException or Publishing.ManagedRegionException => ex.Message,
        OperationCanceledException => "the run was cancelled; nothing was written",
        // Anything else is a bug: still one line (no stack trace), but saying so.
        _ => env.Get("PROFILEGEN_DEBUG") is not null
            ? ex.ToString()
            : $"unexpected {ex.GetType().Name}: {ex.Message} (this is a bug in profilegen; set PROFILEGEN_DEBUG=1 for details)",
    };

    private static string OneLine(string s) => s.ReplaceLineEndings(" ").Trim();
}
