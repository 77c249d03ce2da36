using CQEN.ProfileGen.GitHub;
using Spectre.Console;

namespace CQEN.ProfileGen.Cli;

/// <summary>
/// Every line the user sees that is not the result itself (which goes to stdout or --output):
/// progress, the plan, warnings, errors. Every line is scrubbed of the run's secrets first. On a
/// terminal progress is a status line on stderr; <see cref="ActionsReporter"/> adds what GitHub
/// Actions understands (groups, annotations, masks, outputs, the job summary).
/// </summary>
internal class Reporter(CliEnvironment env, GitHubUsage usage)
{
    private readonly List<string> _secrets = [];

    public static Reporter For(CliEnvironment env, GitHubUsage usage) =>
        GitHubActions.IsActive(env) ? new ActionsReporter(env, usage) : new Reporter(env, usage);

    protected CliEnvironment Env => env;

    /// <summary>What the run cost on GitHub so far.</summary>
    protected GitHubUsage Usage => usage;

    /// <summary>The profile's language, for what the organization reads (the job summary).</summary>
    public ProfileCulture Culture { get; set; } = ProfileCulture.English;

    /// <summary>Errors only (--quiet).</summary>
    public bool Quiet { get; set; }

    /// <summary>
    /// Secrets the run learns: never printed from now on. <paramref name="minted"/>: made during
    /// the run (App installation tokens), which, unlike the secrets a workflow passes in, its runner
    /// does not know to hide.
    /// </summary>
    public void AddSecrets(IEnumerable<string> secrets, bool minted = false)
    {
        foreach (var secret in secrets)
        {
            if (secret.Length >= 4 && !_secrets.Contains(secret))
            {
                _secrets.Add(secret);
                if (minted)
                {
                    Minted(secret);
                }
            }
        }
    }

    /// <summary>A secret the run has just made.</summary>
    protected virtual void Minted(string secret)
    {
    }

    /// <summary>Removes every known secret and every credential-shaped string (<see cref="CredentialScrubber"/>) from a text about to leave the process.</summary>
    public string Scrub(string text)
    {
        var raw = new[] { env.Get("GITHUB_TOKEN"), env.Get("GH_TOKEN"), env.Get("PROFILEGEN_APP_PRIVATE_KEY") };
        // The raw values (with any pasted line break) and their trimmed forms.
        return CredentialScrubber.Scrub(text, _secrets.Concat(raw).Concat(raw.Select(s => s?.Trim())));
    }

    /// <summary>A status line ("profilegen: …"), unless --quiet.</summary>
    public Task InfoAsync(string line) => Quiet ? Task.CompletedTask : WriteAsync("profilegen: " + line);

    public virtual Task WarnAsync(string message) => Quiet ? Task.CompletedTask : WriteAsync("profilegen: warning: " + message);

    /// <summary>The run failed: one line (a message that is already one line), whatever --quiet says.</summary>
    public virtual Task FailAsync(string message) => WriteAsync("profilegen: error: " + message);

    /// <summary>The run stopped early on purpose and another run goes on: one line, whatever --quiet says.</summary>
    public virtual Task UnfinishedAsync(string message, Func<ProfileCulture, string> summary) => WriteAsync("profilegen: " + message);

    /// <summary>Lines that belong together (the plan of writes), one "profilegen: " line each.</summary>
    public virtual async Task ListAsync(string title, IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            await InfoAsync(line).ConfigureAwait(false);
        }
    }

    /// <summary>An annotation of the run (<paramref name="level"/>: error, warning or notice): nothing on a console, where the result says it.</summary>
    public virtual Task AnnotateAsync(string level, string title, string text) => Task.CompletedTask;

    /// <summary>The step's outputs, by name: nothing on a console.</summary>
    public virtual Task OutputsAsync(IReadOnlyList<(string Name, string? Value)> outputs) => Task.CompletedTask;

    /// <summary>A section of the job summary: nothing on a console.</summary>
    public virtual Task SummaryAsync(string markdown) => Task.CompletedTask;

    /// <summary>A section of the job summary made for the bytes it may take (what the summary has left, less what the end's section keeps): nothing on a console.</summary>
    public virtual Task SummaryAsync(Func<int, string> section) => Task.CompletedTask;

    /// <summary>
    /// A section for the end of the job summary, after the run's outcome or its failure, made for
    /// the bytes left then (it keeps up to a quarter of the summary): nothing on a console.
    /// </summary>
    public virtual void SummaryAtEnd(Func<int, string> section)
    {
    }

    /// <summary>Writes the end's section, once (<see cref="SummaryAtEnd"/>).</summary>
    public virtual Task EndSummaryAsync() => Task.CompletedTask;

    /// <summary>A phase of the run: on a terminal, a status line redrawn in place with the requests made so far.</summary>
    public virtual async Task<T> PhaseAsync<T>(string name, Func<Task<T>> work)
    {
        if (Quiet || !env.ErrorIsTerminal)
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
                status.Status(Markup.Escape($"{name} ({repositories}{usage.Requests} request{(usage.Requests == 1 ? "" : "s")} to GitHub)"));
            }
            return await task.ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>The one way to stderr: scrubbed, whatever --quiet says.</summary>
    public Task WriteAsync(string line) => env.Error.WriteLineAsync(Scrub(line));
}
