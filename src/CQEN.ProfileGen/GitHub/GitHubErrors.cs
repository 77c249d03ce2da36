using Octokit;

namespace CQEN.ProfileGen.GitHub;

/// <summary>
/// The one place Octokit's exceptions are turned into <see cref="GitHubException"/> with a
/// one-line message that says what was being read or written. Messages are built from
/// status codes and GitHub's own error text, never from request headers, so no token leaks.
/// </summary>
internal static class GitHubErrors
{
    public static async Task<T> Guard<T>(Func<Task<T>> call, string what)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (Translate(ex, what) is { } translated)
        {
            throw translated;
        }
    }

    public static async Task Guard(Func<Task> call, string what)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (Translate(ex, what) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>Like <see cref="Guard{T}"/>, but a 404 means "there is none" and gives null.</summary>
    public static async Task<T?> GuardOptional<T>(Func<Task<T>> call, string what) where T : class
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            return null;
        }
        catch (Exception ex) when (Translate(ex, what) is { } translated)
        {
            throw translated;
        }
    }

    public static GitHubException? Translate(Exception ex, string what) => ex switch
    {
        GitHubException g => g,
        AuthorizationException => new GitHubException($"GitHub rejected the credentials while reading {what} (401 Bad credentials): check GITHUB_TOKEN / GH_TOKEN or the App settings", 401, ex),
        RateLimitExceededException r => new RateLimitException(
            $"GitHub's API rate limit is exhausted ({r.Limit} requests/hour) while reading {what}; it resets at {r.Reset.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC",
            r.Reset, ex),
        SecondaryRateLimitExceededException or AbuseException => new GitHubException($"GitHub's secondary rate limit stopped the run while reading {what}; try again in a few minutes", 403, ex),
        NotFoundException => new GitHubException($"GitHub found no {what} (404): it does not exist or this token cannot see it", 404, ex),
        ForbiddenException f when ApiMessage(f).Contains(ActionsMayNotCreatePullRequests, StringComparison.OrdinalIgnoreCase) =>
            new GitHubException($"GitHub refused {what}: {ActionsMayNotCreatePullRequests} (403). {TurnOnActionsPullRequests}", 403, ex),
        ForbiddenException f => new GitHubException($"GitHub refused access to {what} (403 {ApiMessage(f)})", 403, ex),
        ApiValidationException v => new GitHubException($"GitHub refused {what} (422 {ValidationMessage(v)})", 422, ex),
        ApiException a when (int)a.StatusCode == 429 => new GitHubException($"GitHub's rate limit stopped the run while reading {what} (429 {ApiMessage(a)})", 429, ex),
        ApiException a => new GitHubException($"GitHub answered {(int)a.StatusCode} for {what}: {ApiMessage(a)}", (int)a.StatusCode, ex),
        HttpRequestException h => new GitHubException($"Could not reach GitHub for {what}: {h.Message}", null, ex),
        TaskCanceledException or TimeoutException => new GitHubException($"GitHub did not answer in time for {what}", null, ex),
        _ => null,
    };

    /// <summary>GitHub's words when a workflow's GITHUB_TOKEN may not open pull requests (REAL-GITHUB R1).</summary>
    public const string ActionsMayNotCreatePullRequests = "GitHub Actions is not permitted to create or approve pull requests";

    /// <summary>What to change, in the words of GitHub's settings pages: both levels, or an App instead.</summary>
    public const string TurnOnActionsPullRequests =
        "Turn on \"Allow GitHub Actions to create and approve pull requests\" under Settings → Actions → General → Workflow permissions, in the organization's settings and in the repository's, or publish with a GitHub App token (app-id and private-key)";

    private static string ApiMessage(ApiException ex) =>
        OneLine(ex.ApiError?.Message is { Length: > 0 } m ? m : ex.StatusCode.ToString());

    private static string ValidationMessage(ApiValidationException ex)
    {
        var details = ex.ApiError?.Errors?.Select(e => e.Message).Where(m => !string.IsNullOrEmpty(m)).ToArray() ?? [];
        return OneLine(details.Length > 0 ? string.Join("; ", details) : ApiMessage(ex));
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ").Trim();
}
