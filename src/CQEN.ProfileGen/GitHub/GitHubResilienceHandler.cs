using System.Globalization;
using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CQEN.ProfileGen.GitHub;

/// <summary>
/// Retries and rate-limit handling for every GitHub call, below Octokit (which has none).
/// Reads are retried on 5xx, timeouts and reset connections with jittered exponential backoff;
/// writes only where GitHub certainly did not act on them (rate-limit refusals, 502/503).
/// Secondary limits wait for retry-after; an exhausted primary limit waits for its reset when
/// that is near (<see cref="ResilienceOptions.MaxRateLimitWait"/>), else ends the run with the reset time.
/// </summary>
internal sealed class GitHubResilienceHandler : DelegatingHandler
{
    private readonly ResilienceOptions _options;
    private readonly TimeProvider _clock;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    private readonly CancellationToken _runToken;

    /// <param name="runToken">The run's overall deadline: Octokit passes no token of ours, so it comes in here.</param>
    public GitHubResilienceHandler(HttpMessageHandler inner, ResilienceOptions options, TimeProvider clock, CancellationToken runToken = default) : base(inner)
    {
        _runToken = runToken;
        _options = options;
        _clock = clock;
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && ShouldRetry(args.Context, args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } r ? RateLimitDelay(r) : null),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    private static readonly AsyncLocal<bool> ShrinkingCaller = new();

    /// <summary>
    /// Marks the GraphQL requests made until disposed as ones whose caller asks again with a
    /// smaller page when GitHub finds them too heavy (502/504, its timeout or resource-limit
    /// errors): those are handed back at once instead of retried as they are, which would fail
    /// the same way and cost penalty points each time.
    /// </summary>
    public static IDisposable CallerShrinksHeavyRequests()
    {
        ShrinkingCaller.Value = true;
        return new Unmark();
    }

    private sealed class Unmark : IDisposable
    {
        public void Dispose() => ShrinkingCaller.Value = false;
    }

    private static readonly ResiliencePropertyKey<bool> CallerShrinks = new("profilegen.caller-shrinks");

    private static readonly ResiliencePropertyKey<bool> IsWrite = new("profilegen.is-write");
    private static readonly ResiliencePropertyKey<bool> IsGraphQl = new("profilegen.is-graphql");
    private static readonly ResiliencePropertyKey<bool> IsPost = new("profilegen.is-post");
    private static readonly ResiliencePropertyKey<int> Attempts = new("profilegen.attempts");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken requestToken)
    {
        // The REST API version the tool was written against, pinned rather than left to GitHub's default.
        if (!request.Headers.Contains(GitHubClientFactory.ApiVersionHeader))
        {
            request.Headers.TryAddWithoutValidation(GitHubClientFactory.ApiVersionHeader, GitHubClientFactory.ApiVersion);
        }
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(requestToken, _runToken);
        var cancellationToken = linked.Token;
        // A request can be sent once only: buffer its body so each attempt sends a fresh copy.
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        var graphQl = request.Method == HttpMethod.Post && PathOf(request).EndsWith("/graphql", StringComparison.Ordinal);
        // A GraphQL query is a read sent with POST: retried like any read. A mutation is a write.
        context.Properties.Set(IsWrite, graphQl ? IsMutation(body) : request.Method != HttpMethod.Get && request.Method != HttpMethod.Head);
        context.Properties.Set(IsGraphQl, graphQl);
        context.Properties.Set(CallerShrinks, graphQl && ShrinkingCaller.Value);
        context.Properties.Set(IsPost, request.Method == HttpMethod.Post);
        context.Properties.Set(Attempts, 0);
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(async (ctx, state) =>
            {
                ctx.Properties.Set(Attempts, ctx.Properties.GetValue(Attempts, 0) + 1);
                try
                {
                    var attempt = Clone(state.request, state.body);
                    var response = await base.SendAsync(attempt, ctx.CancellationToken).ConfigureAwait(false);
                    if (response.Content is not null)
                    {
                        await response.Content.LoadIntoBufferAsync(ctx.CancellationToken).ConfigureAwait(false);
                    }
                    return Outcome.FromResult(response);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    return Outcome.FromException<HttpResponseMessage>(ex);
                }
            }, context, (request, body)).ConfigureAwait(false);

            if (outcome.Exception is { } exception)
            {
                var attempts = context.Properties.GetValue(Attempts, 1);
                var times = attempts == 1 ? "once (a write that may have reached GitHub is never repeated)" : $"{attempts} times";
                throw exception switch
                {
                    TimeoutRejectedException => new GitHubException($"GitHub did not answer {request.Method} {PathOf(request)} within {_options.AttemptTimeout.TotalSeconds:0} s; tried {times}"),
                    HttpRequestException or IOException => new GitHubException($"Could not reach GitHub for {request.Method} {PathOf(request)}; tried {times}: {exception.Message}", null, exception),
                    _ => exception,
                };
            }
            var final = outcome.Result!;
            if (PrimaryLimitReset(final) is { } reset)
            {
                final.Dispose();
                throw new RateLimitException(
                    $"GitHub's API rate limit is exhausted; it resets at {reset.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, more than {_options.MaxRateLimitWait.TotalMinutes:0.#} min away, so the run stopped before writing anything",
                    reset);
            }
            return final;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private bool ShouldRetry(ResilienceContext context, Outcome<HttpResponseMessage> outcome)
    {
        var write = context.Properties.GetValue(IsWrite, false);
        if (outcome.Exception is { } ex)
        {
            // A timed-out or reset write may have been applied: never repeat it.
            return !write && ex is HttpRequestException or TimeoutRejectedException or IOException;
        }
        var response = outcome.Result!;
        var status = (int)response.StatusCode;
        if (IsRateLimited(response))
        {
            return RateLimitDelay(response) is not null;
        }
        var shrinks = context.Properties.GetValue(CallerShrinks, false);
        if (!write && status == 200 && context.Properties.GetValue(IsGraphQl, false))
        {
            return IsTransientGraphQlError(response, shrinks);
        }
        if (shrinks && status is 502 or 504)
        {
            return false;
        }
        // A 502 is also GitHub's timeout, after which a write may have been applied (REAL-GITHUB
        // R18): only an idempotent one (PATCH, PUT, DELETE) is sent again; the caller of a POST
        // reads what GitHub holds, then decides.
        return write ? status == 503 || (status == 502 && !context.Properties.GetValue(IsPost, false)) : status is 500 or 502 or 503 or 504;
    }

    private static bool IsMutation(byte[]? body)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(body ?? []);
            var query = json.RootElement.TryGetProperty("query", out var q) ? q.GetString() ?? "" : "";
            return query.TrimStart().StartsWith("mutation", StringComparison.Ordinal);
        }
        catch (System.Text.Json.JsonException)
        {
            return true; // not a query we can read: treat it as a write, never repeated
        }
    }

    // GitHub answers 200 with `errors` when part of a query failed on its side (a timeout, a
    // service down): the data is incomplete, so the whole query is asked again. Other errors
    // (not found, a bad field) are answers, and the reader reports them.
    private static bool IsTransientGraphQlError(HttpResponseMessage response, bool callerShrinks)
    {
        var text = response.Content?.ReadAsStringAsync().GetAwaiter().GetResult() ?? ""; // already buffered
        if (!text.Contains("\"errors\"", StringComparison.Ordinal))
        {
            return false;
        }
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(text);
            if (!json.RootElement.TryGetProperty("errors", out var errors) || errors.ValueKind != System.Text.Json.JsonValueKind.Array)
            {
                return false;
            }
            foreach (var error in errors.EnumerateArray())
            {
                var type = error.TryGetProperty("type", out var t) && t.ValueKind == System.Text.Json.JsonValueKind.String ? t.GetString() : null;
                var message = error.TryGetProperty("message", out var m) && m.ValueKind == System.Text.Json.JsonValueKind.String ? m.GetString() ?? "" : "";
                if (callerShrinks && (type is "TIMEOUT" or "RESOURCE_LIMITS_EXCEEDED" or "MAX_NODE_LIMIT_EXCEEDED"
                    || message.StartsWith("Something went wrong while executing your query", StringComparison.Ordinal)))
                {
                    return false; // too heavy: the caller asks again with a smaller page
                }
                if (type is "SERVICE_UNAVAILABLE" or "TIMEOUT" or "INTERNAL"
                    || message.Contains("timeout", StringComparison.OrdinalIgnoreCase)
                    || message.Contains("timed out", StringComparison.OrdinalIgnoreCase)
                    || message.Contains("Something went wrong while executing your query", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
            return false;
        }
        catch (System.Text.Json.JsonException)
        {
            return true; // a cut-off answer: ask again
        }
    }

    /// <summary>How long to wait before retrying a rate-limited response; null when it is not one, or the wait is too long.</summary>
    private TimeSpan? RateLimitDelay(HttpResponseMessage response)
    {
        if (!IsRateLimited(response))
        {
            return null;
        }
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            var wait = retryAfter.Delta ?? (retryAfter.Date - _clock.GetUtcNow()) ?? TimeSpan.Zero;
            return wait <= _options.MaxDelay ? Max(wait, TimeSpan.Zero) : null;
        }
        if (Remaining(response) == 0 && Reset(response) is { } reset)
        {
            var wait = reset - _clock.GetUtcNow() + TimeSpan.FromSeconds(1);
            return wait <= _options.MaxRateLimitWait ? Max(wait, TimeSpan.Zero) : null;
        }
        return _options.SecondaryLimitWait; // secondary limit with no retry-after
    }

    private DateTimeOffset? PrimaryLimitReset(HttpResponseMessage response) =>
        IsRateLimited(response) && response.Headers.RetryAfter is null && Remaining(response) == 0 ? Reset(response) : null;

    private static bool IsRateLimited(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return true;
        }
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return IsGraphQlRateLimited(response);
        }
        if (response.StatusCode != HttpStatusCode.Forbidden)
        {
            return false;
        }
        if (Remaining(response) == 0 || response.Headers.RetryAfter is not null)
        {
            return true;
        }
        var text = response.Content?.ReadAsStringAsync().GetAwaiter().GetResult() ?? ""; // already buffered
        return text.Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase)
            || text.Contains("abuse detection", StringComparison.OrdinalIgnoreCase)
            || text.Contains("rate limit exceeded", StringComparison.OrdinalIgnoreCase);
    }

    // GraphQL answers its rate limits with 200: an error of type RATE_LIMITED (or RATE_LIMIT, seen
    // but undocumented) and, for the primary limit, x-ratelimit-remaining: 0 (REAL-GITHUB.md R14).
    private static bool IsGraphQlRateLimited(HttpResponseMessage response)
    {
        var text = response.Content?.ReadAsStringAsync().GetAwaiter().GetResult() ?? ""; // already buffered
        if (!text.Contains("\"RATE_LIMIT", StringComparison.Ordinal))
        {
            return false;
        }
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(text);
            return json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && json.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == System.Text.Json.JsonValueKind.Array
                && errors.EnumerateArray().Any(e => e.ValueKind == System.Text.Json.JsonValueKind.Object
                    && e.TryGetProperty("type", out var t) && t.ValueKind == System.Text.Json.JsonValueKind.String && t.GetString() is "RATE_LIMITED" or "RATE_LIMIT");
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static long? Remaining(HttpResponseMessage r) => Header(r, "x-ratelimit-remaining");

    private static DateTimeOffset? Reset(HttpResponseMessage r) =>
        Header(r, "x-ratelimit-reset") is { } s ? DateTimeOffset.FromUnixTimeSeconds(s) : null;

    private static long? Header(HttpResponseMessage r, string name) =>
        r.Headers.TryGetValues(name, out var values) && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    // The path only: query strings and headers (where a token lives) never reach a message.
    private static string PathOf(HttpRequestMessage request) => request.RequestUri?.AbsolutePath ?? "";

    private static HttpRequestMessage Clone(HttpRequestMessage request, byte[]? body)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, VersionPolicy = request.VersionPolicy };
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            foreach (var header in request.Content!.Headers)
            {
                copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }
        foreach (var option in request.Options)
        {
            copy.Options.Set(new HttpRequestOptionsKey<object?>(option.Key), option.Value);
        }
        return copy;
    }
}
