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
