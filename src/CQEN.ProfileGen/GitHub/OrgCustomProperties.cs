using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Octokit;

namespace CQEN.ProfileGen.GitHub;

/// <summary>
/// The organization's custom properties, read only when the configuration uses them (the
/// custom-property catalogue source): first the organization's schema (one request), and only
/// when it defines one of the names asked for, every repository's values, 100 a page
/// (<c>GET /orgs/{org}/properties/values</c>). An organization that defines none of them costs
/// one request a run, not one per 100 repositories. Only the names asked for are kept: other
/// properties may hold what the organization does not publish. A token that may not read them
/// (a workflow's GITHUB_TOKEN; an App or fine-grained token without the organization's "Custom
/// properties: read" permission) gets 403 or 404: a notice, and the run goes on without them.
/// </summary>
internal static class OrgCustomProperties
{
    /// <summary>Repositories on a page of values (GitHub's most).</summary>
    internal const int PerPage = 100;

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> None = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// Each repository's values of the properties named (a repository with none set has an empty
    /// map); null when GitHub would not give them (after a notice).
    /// </summary>
    public static async Task<Func<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>?> ReadAsync(
        IGitHubClient client, string org, IReadOnlyCollection<string> names, Func<string, Task>? notice)
    {
        var wanted = names.ToHashSet(StringComparer.Ordinal);
        var what = $"the custom properties of '{org}'";
        try
        {
            var (schema, _) = await GetAsync(client, $"orgs/{Uri.EscapeDataString(org)}/properties/schema", null, RestPropertiesJson.Default.ListRestPropertyDefinition, what).ConfigureAwait(false);
            if (!schema.Any(d => wanted.Contains(d.PropertyName)))
            {
                return _ => None;
            }
            var values = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>>(StringComparer.OrdinalIgnoreCase);
            for (var page = 1; ; page++)
            {
                var parameters = new Dictionary<string, string>
                {
                    ["per_page"] = PerPage.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
                };
                var (repos, more) = await GetAsync(client, $"orgs/{Uri.EscapeDataString(org)}/properties/values", parameters, RestPropertiesJson.Default.ListRestRepositoryProperties, what).ConfigureAwait(false);
                foreach (var repo in repos)
                {
                    var set = (repo.Properties ?? []).Where(p => wanted.Contains(p.PropertyName)).Select(p => (p.PropertyName, Values: Values(p.Value)))
                        .Where(p => p.Values.Count > 0).ToDictionary(p => p.PropertyName, p => p.Values, StringComparer.Ordinal);
                    values[repo.RepositoryName] = set.Count == 0 ? None : set;
                }
                if (!more)
                {
                    break;
                }
            }
            return name => values.GetValueOrDefault(name) ?? None;
        }
        catch (GitHubException ex) when (ex.StatusCode is 403 or 404)
        {
            if (notice is not null)
            {
                await notice($"the custom properties of '{org}' were not read ({ex.StatusCode}: this token may not read them; a workflow's GITHUB_TOKEN never can, an App or fine-grained token needs the organization's \"Custom properties: read\" permission): the custom-property catalogue source is left out of this run").ConfigureAwait(false);
            }
            return null;
        }
    }

    // A text, a multi-select's texts; null (not set) or anything else: no value.
    private static IReadOnlyList<string> Values(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array => [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)],
        _ => [],
    };

    // A page, and whether GitHub's Link header names a next one.
    private static async Task<(List<T> Items, bool More)> GetAsync<T>(IGitHubClient client, string path, Dictionary<string, string>? parameters, JsonTypeInfo<List<T>> type, string what)
    {
        var response = await GitHubErrors.Guard(() => client.Connection.GetRaw(new Uri(path, UriKind.Relative), parameters), what).ConfigureAwait(false);
        var text = response.HttpResponse.Body as string ?? (response.Body is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes) : "");
        try
        {
            return (JsonSerializer.Deserialize(text, type) ?? [], response.HttpResponse.ApiInfo?.Links?.ContainsKey("next") == true);
        }
        catch (JsonException ex)
        {
            throw new GitHubException($"GitHub's REST API gave an answer that is not what it documents for {what}: {ex.Message}");
        }
    }
}
