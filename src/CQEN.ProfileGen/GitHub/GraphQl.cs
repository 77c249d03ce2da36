using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Octokit;

namespace CQEN.ProfileGen.GitHub;

/// <summary>One GraphQL request through Octokit's connection (so it shares the retry pipeline, credentials and base URL).</summary>
internal static class GraphQl
{
    /// <summary>Posts a query; returns its data, or fails with GitHub's errors (a partial answer is never used).</summary>
    /// <exception cref="GraphQlUnavailableException">The server has no GraphQL endpoint.</exception>
    public static async Task<TData> QueryAsync<TData>(IGitHubClient client, GitHubEndpoint endpoint, string document, object variables, JsonTypeInfo<GraphQlAnswer<TData>> answerType, string what)
        where TData : class
    {
        var answer = await SendAsync(client, endpoint, document, variables, answerType, what).ConfigureAwait(false);
        // NOT_FOUND answers "there is none" (a null in data), which the caller reports as REST would.
        if (answer.ErrorText is { } errors && !answer.Errors!.All(e => e.Type == "NOT_FOUND"))
        {
            throw new GitHubException($"GitHub's GraphQL API refused the query for {what}: {errors}");
        }
        return answer.Data ?? throw new GitHubException($"GitHub's GraphQL API gave no data for {what}");
    }

    /// <summary>Posts a query or mutation; returns GitHub's whole answer (fields that failed are null, with their errors).</summary>
    /// <exception cref="GraphQlUnavailableException">The server has no GraphQL endpoint, or does not know the document.</exception>
    public static async Task<GraphQlAnswer<TData>> SendAsync<TData>(IGitHubClient client, GitHubEndpoint endpoint, string document, object variables, JsonTypeInfo<GraphQlAnswer<TData>> answerType, string what)
        where TData : class
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
        GraphQlAnswer<TData>? answer;
        try
        {
            answer = JsonSerializer.Deserialize(response.HttpResponse.Body as string ?? "", answerType);
        }
        catch (JsonException ex)
        {
            throw new GitHubException($"GitHub's GraphQL API gave an answer that is not JSON for {what}: {ex.Message}");
        }
        answer ??= new GraphQlAnswer<TData>(null, null);
        // Errors and no data at all: the server refused the document before running it. Where
        // it does not know a field or a mutation (an older GitHub Enterprise Server), the REST
        // path can do the same work; callers treat it as GraphQL being unavailable.
        if (answer is { Data: null, Errors: { Count: > 0 } refused } && refused.All(IsUnknownToSchema))
        {
            throw new GraphQlUnavailableException($"GitHub's GraphQL API at {endpoint.GraphQl} does not know this request for {what} ({refused[0].Message})", null);
        }
        return answer;
    }

    // graphql-ruby's validation codes and messages for a document that names what the server's
    // schema lacks: the field itself, the input type of its variables (so "isn't a defined input
    // type"), and the variable then left unused ("is declared by … but not used").
    private static readonly string[] SchemaGapCodes =
    [
        "undefinedField", "undefinedType", "argumentNotAccepted", "missingRequiredArguments",
        "variableRequiresValidType", "variableNotUsed", "undefinedArgument",
    ];

    internal static bool IsUnknownToSchema(GraphQlError error)
    {
        var message = error.Message ?? "";
        return SchemaGapCodes.Contains(error.Kind, StringComparer.Ordinal)
            || message.Contains("doesn't exist on type", StringComparison.Ordinal)
            || message.Contains("isn't a defined input type", StringComparison.Ordinal)
            || (message.Contains(" is declared by ", StringComparison.Ordinal) && message.EndsWith("but not used", StringComparison.Ordinal));
    }
}
