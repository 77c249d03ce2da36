using Spectre.Console;

namespace CQEN.ProfileGen.Cli;

/// <summary>
/// Where a run is, never on stdout: in GitHub Actions one log group per phase; on a terminal a
/// status line on stderr, redrawn in place, with the requests made so far; nothing with --quiet
/// or when stderr is not a terminal (a log file gets the plain lines only).
/// </summary>
public sealed class Progress(CliEnvironment env, GitHub.GitHubUsage usage, bool quiet)
{
    public async Task<T> PhaseAsync<T>(string name, Func<Task<T>> work)
    {
        if (GitHubActions.IsActive(env))
        {
            await env.Error.WriteLineAsync($"::group::{name}").ConfigureAwait(false);
            try
            {
                return await work().ConfigureAwait(false);
            }
            finally
            {
                await env.Error.WriteLineAsync("::endgroup::").ConfigureAwait(false);
            }
        }
        if (quiet || !env.ErrorIsTerminal)
        {
            return await work().ConfigureAwait(false);
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(env.Error), Interactive = InteractionSupport.Yes });
        return await console.Status().StartAsync(name, async status =>
        {
            var task = work();
            while (await Task.WhenAny(task, Task.Delay(200)).ConfigureAwait(false) != task)
            {
                var repositories = usage.Repositories > 0 ? $"{usage.Repositories} repositor{(usage.Repositories == 1 ? "y" : "ies")}, " : "";
                status.Status($"{name} ({repositories}{usage.Requests} request{(usage.Requests == 1 ? "" : "s")} to GitHub)");
            }
            return await task.ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    public Task PhaseAsync(string name, Func<Task> work) => PhaseAsync(name, async () =>
    {
        await work().ConfigureAwait(false);
        return true;
    });
}
