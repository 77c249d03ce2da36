namespace CQEN.ProfileGen;

/// <summary>A GitHub failure the command line reports in one line (never with a token in it).</summary>
internal class GitHubException(string message, int? statusCode = null, Exception? inner = null) : Exception(message, inner)
{
    public int? StatusCode { get; } = statusCode;
}

/// <summary>The primary rate limit is exhausted; <see cref="Reset"/> says when it comes back.</summary>
internal sealed class RateLimitException(string message, DateTimeOffset reset, Exception? inner = null) : GitHubException(message, 403, inner)
{
    public DateTimeOffset Reset { get; } = reset;
}
