using System.Text.Json;
using System.Text.Json.Nodes;
using Octokit;

namespace CQEN.ProfileGen.GitHub;

/// <summary>One GraphQL request through Octokit's connection (so it shares the retry pipeline, credentials and base URL).</summary>
internal static class GraphQl
{
    /// <summary>Posts a query; returns its data, or fails with GitHub's errors (a partial answer is never used).</summary>
    /// <exception cref="GraphQlUnavailableException">The server has no GraphQL endpoint.</exception>
    public static async Task<JsonNode> QueryAsync(IGitHubClient client, GitHubEndpoint endpoint, string document, object variables, string what)
    {
        var (root, errors) = await SendAsync(client, endpoint, document, variables, what).ConfigureAwait(false);
        // NOT_FOUND answers "there is none" (a null in data), which the caller reports as REST would.
        var onlyNotFound = root?["errors"] is JsonArray all && all.All(e => e?["type"]?.GetValue<string>() == "NOT_FOUND");
        if (errors is not null && !onlyNotFound)
        {
            throw new GitHubException($"GitHub's GraphQL API refused the query for {what}: {errors}");
        }
        return root?["data"] ?? throw new GitHubException($"GitHub's GraphQL API gave no data for {what}");
    }

    /// <summary>Posts a mutation; returns its data (fields that failed are null) and GitHub's error messages, if any.</summary>
    public static async Task<(JsonNode? Data, string? Errors)> MutateAsync(IGitHubClient client, GitHubEndpoint endpoint, string document, object variables, string what)
    {
        var (root, errors) = await SendAsync(client, endpoint, document, variables, what).ConfigureAwait(false);
        return (root?["data"], errors);
    }

    /// <summary>Posts a query or mutation; returns null on success, else GitHub's error messages in one line.</summary>
    /// <exception cref="GraphQlUnavailableException">The server has no GraphQL endpoint.</exception>
    public static async Task<string?> PostAsync(IGitHubClient client, GitHubEndpoint endpoint, string document, object variables, string what) =>
        (await SendAsync(client, endpoint, document, variables, what).ConfigureAwait(false)).Errors;

    /// <summary>Posts a document; returns GitHub's whole answer and its error messages in one line, if any.</summary>
    public static async Task<(JsonNode? Root, string? Errors)> SendAsync(IGitHubClient client, GitHubEndpoint endpoint, string document, object variables, string what)
    {
        var body = JsonSerializer.Serialize(new { query = document, variables });
        IApiResponse<string> response;
        try
        {
            response = await GitHubErrors.Guard(() => client.Connection.Post<string>(endpoint.GraphQl, body, "application/json", "application/json"), what).ConfigureAwait(false);
        }
        catch (GitHubException ex) when (ex.StatusCode is 404 or 410 or 501)
        {
            throw new GraphQlUnavailableException($"GitHub's GraphQL API is not available at {endpoint.GraphQl} ({ex.StatusCode})", ex);
        }
        var text = response.HttpResponse.Body as string ?? "";
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new GitHubException($"GitHub's GraphQL API gave an answer that is not JSON for {what}: {ex.Message}");
        }
        // Errors and no data at all: the server refused the document before running it. Where
        // it does not know a field or a mutation (an older GitHub Enterprise Server), the REST
        // path can do the same work; callers treat it as GraphQL being unavailable.
        if (root is JsonObject answer && !answer.ContainsKey("data") && answer["errors"] is JsonArray { Count: > 0 } refused
            && refused.All(e => Str(e?["type"]) is "undefinedField" or "undefinedType" or "argumentNotAccepted" or "missingRequiredArguments"
                || (Str(e?["message"]) ?? "").Contains("doesn't exist on type", StringComparison.Ordinal)))
        {
            throw new GraphQlUnavailableException($"GitHub's GraphQL API at {endpoint.GraphQl} does not know this request for {what} ({Str(refused[0]?["message"])})", null);
        }
        return (root, root?["errors"] is JsonArray { Count: > 0 } errors
            ? string.Join("; ", errors.Select(e => e?["message"]?.GetValue<string>() ?? "unknown error")).ReplaceLineEndings(" ")
            : null);
    }

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>A string property of an answer's node, or null (absent, null or not a string).</summary>
    public static string? Str(JsonNode? node, string property) => Str(node?[property]);
}
