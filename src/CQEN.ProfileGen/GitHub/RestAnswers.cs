using System.Text.Json.Serialization;

namespace CQEN.ProfileGen.GitHub;

// What the GraphQL reader keeps of a REST list page (GET /orgs/{org}/repos): the fields its list
// entry needs, read with the source-generated RestJson context below. Octokit's own repository
// objects carry every URL template, the owner and the permissions, and its parser builds a tree of
// the whole page first: at 50,000 repositories that was most of the REST list's extra memory.

internal sealed record RestRepo(
    string Name, string FullName, string HtmlUrl, string? Description, string? Homepage, string? Visibility, bool Private,
    bool Archived, bool Fork, bool IsTemplate, int StargazersCount, int ForksCount,
    DateTimeOffset? PushedAt, DateTimeOffset? UpdatedAt, DateTimeOffset? CreatedAt,
    string? DefaultBranch, string? Language, RestLicense? License, IReadOnlyList<string>? Topics);

internal sealed record RestLicense(string? Key, string? Name, string? SpdxId);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(List<RestRepo>))]
internal sealed partial class RestJson : JsonSerializerContext;

// ---- the organization's custom properties (OrgCustomProperties) --------------------------

/// <summary>One property the organization defines (GET /orgs/{org}/properties/schema).</summary>
internal sealed record RestPropertyDefinition(string PropertyName);

/// <summary>One repository's values (GET /orgs/{org}/properties/values).</summary>
internal sealed record RestRepositoryProperties(string RepositoryName, IReadOnlyList<RestPropertyValue>? Properties);

/// <summary>A property's value: a text, a list of texts (multi-select), or null (not set).</summary>
internal sealed record RestPropertyValue(string PropertyName, System.Text.Json.JsonElement Value);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(List<RestPropertyDefinition>))]
[JsonSerializable(typeof(List<RestRepositoryProperties>))]
internal sealed partial class RestPropertiesJson : JsonSerializerContext;
