using CQEN.ProfileGen.Cli;
using CQEN.ProfileGen.GitHub;

namespace CQEN.ProfileGen.Tests.Cli;

/// <summary>Runs the real command line in-process: its own variables, folder and clock; returns exit code and output.</summary>
public sealed class CliHarness
{
    public Dictionary<string, string?> Variables { get; } = new(StringComparer.Ordinal);
    public string CurrentDirectory { get; set; } = AppContext.BaseDirectory;
    /// <summary>The run's clock: a fixed instant that moves only when the run waits, and then without waiting (see <see cref="VirtualClock"/>).</summary>
    public TimeProvider Clock { get; set; } = new VirtualClock(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    /// <summary>
    /// Hosts whose requests go to another address instead, as DNS might send them: e.g.
    /// api.github.com → the stand-in, to run the tool exactly as on github.com.
    /// </summary>
    public Dictionary<string, Uri> HostRedirects { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Pretend stderr is a terminal (progress is drawn there).</summary>
    public bool ErrorIsTerminal { get; set; }

    /// <summary>Fast retries for tests: the same logic, milliseconds instead of seconds.</summary>
    internal ResilienceOptions Resilience { get; set; } = new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(5),
        MaxDelay = TimeSpan.FromSeconds(2),
        AttemptTimeout = TimeSpan.FromSeconds(10),
        SecondaryLimitWait = TimeSpan.FromMilliseconds(50),
        MaxRateLimitWait = TimeSpan.FromSeconds(2),
    };

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(args, CancellationToken.None);

    /// <summary>A run that <paramref name="ct"/> may cancel, as Ctrl-C does.</summary>
    public async Task<CliResult> RunAsync(string[] args, CancellationToken ct)
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
        var redirects = new Dictionary<string, Uri>(HostRedirects, StringComparer.OrdinalIgnoreCase);
        var connector = new GitHubConnector(() => new HostRedirectHandler(redirects, new SocketsHttpHandler { AllowAutoRedirect = false }), Resilience, Clock);
        var exit = await CliApp.RunAsync(args, env, connector, ct);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    public static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "samples", name);
}

/// <summary>Sends requests for the given hosts to other addresses; every other request as it is.</summary>
internal sealed class HostRedirectHandler(IReadOnlyDictionary<string, Uri> redirects, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && redirects.TryGetValue(uri.Host, out var target))
        {
            request.RequestUri = new Uri(target, uri.PathAndQuery);
        }
        return base.SendAsync(request, cancellationToken);
    }
}

public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>
/// A clock for runs that wait. It starts at a fixed instant and stands still, except that a wait
/// (a delay: GitHub's retry-after, a rate-limit reset, a backoff) ends at once and moves the clock
/// to the wait's end, so a test sees how long the run waited (<see cref="Elapsed"/>) without
/// spending it. A deadline (a CancellationTokenSource's timer, such as a request's time limit)
/// stays real: what it races against, the stand-in's answer, takes real time.
/// </summary>
public sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    private readonly object _gate = new();
    private readonly DateTimeOffset _start = start;
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <summary>How far the waits have moved the clock since its start.</summary>
    public TimeSpan Elapsed => GetUtcNow() - _start;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        state is CancellationTokenSource || period != Timeout.InfiniteTimeSpan
            ? System.CreateTimer(callback, state, dueTime, period)
            : new Wait(this, callback, state, dueTime);

    // Waits that overlap end where the longest ends, as in real time: the clock moves to the
    // latest end, never by their sum.
    private void MoveTo(DateTimeOffset end)
    {
        lock (_gate)
        {
            if (end > _now)
            {
                _now = end;
            }
        }
    }

    /// <summary>A one-shot timer that fires on the thread pool at once, as though its time had passed.</summary>
    private sealed class Wait : ITimer
    {
        private readonly VirtualClock _clock;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private int _version;

        public Wait(VirtualClock clock, TimerCallback callback, object? state, TimeSpan dueTime)
        {
            (_clock, _callback, _state) = (clock, callback, state);
            Change(dueTime, Timeout.InfiniteTimeSpan);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var version = Interlocked.Increment(ref _version);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return true;
            }
            var end = _clock.GetUtcNow() + dueTime;
            // Never inline: the caller (Task.Delay) finishes building its state after creating the timer.
            ThreadPool.UnsafeQueueUserWorkItem(_ =>
            {
                if (Volatile.Read(ref _version) == version)
                {
                    _clock.MoveTo(end);
                    _callback(_state);
                }
            }, null);
            return true;
        }

        public void Dispose() => Interlocked.Increment(ref _version);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
