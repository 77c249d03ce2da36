using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CQEN.ProfileGen.Tests.StandInGitHub;

// GraphQL: the organization-repositories query, answered for real (cursor paging, the README
// blob, the root tree, licence info), not a general GraphQL engine. A query that asks for
// anything this stand-in does not serve gets a GraphQL error, so a drifting client fails loudly.
public sealed partial class StandInGitHubServer
{
    private static readonly HashSet<string> Served = new(StringComparer.Ordinal)
    {
        "query", "OrgRepos", "org", "String", "cursor", "rateLimit", "cost", "limit", "remaining", "used", "resetAt", "nodeCount",
        "organization", "login", "name", "description", "url", "websiteUrl", "location", "email", "avatarUrl", "isVerified", "createdAt",
        "pinnedItems", "first", "types", "REPOSITORY", "nodes", "on", "Repository",
        "repositories", "after", "orderBy", "field", "NAME", "direction", "ASC", "totalCount", "pageInfo", "hasNextPage", "endCursor",
        "nameWithOwner", "homepageUrl", "visibility", "isPrivate", "isArchived", "isFork", "isTemplate", "isEmpty", "isDisabled",
        "stargazerCount", "forkCount", "pushedAt", "updatedAt", "defaultBranchRef", "primaryLanguage", "color",
        "licenseInfo", "key", "spdxId", "pseudoLicense", "nickname", "repositoryTopics", "topic",
        "readme", "object", "expression", "HEAD", "README", "md", "Blob", "text", "isBinary", "isTruncated", "byteSize",
        "root", "Tree", "entries", "type", "licenseFile", "licenceFile", "licenseMarkdown",
    };

    private Response GraphQl(string body, FakeToken? user, string apiBase)
    {
        if (user is null)
        {
            return Json(401, new JsonObject { ["message"] = "This endpoint requires you to be authenticated.", ["documentation_url"] = "https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql", ["status"] = "401" });
        }
        var input = Body(body);
        var query = Str(input, "query") ?? "";
        // First as GitHub would: the document must be valid against GitHub's published schema.
        var invalid = GraphQlSchema.ValidateAsync(query, Inputs(input["variables"])).GetAwaiter().GetResult();
        if (invalid.Count > 0)
        {
            return GraphQlError("undefinedField", string.Join("; ", invalid));
        }
        if (query.TrimStart().StartsWith("mutation", StringComparison.Ordinal))
        {
            return GraphQlMutation(query, input["variables"], user);
        }
        var unknown = Regex.Matches(Regex.Replace(query, "\"[^\"]*\"", " "), @"[A-Za-z_][A-Za-z0-9_]*").Select(m => m.Value).FirstOrDefault(w => !Served.Contains(w));
        if (unknown is not null || !query.Contains("organization(login: $org)", StringComparison.Ordinal))
        {
            return GraphQlError("undefinedField", $"Field '{unknown ?? "organization"}' doesn't exist or is not served by this stand-in");
        }
        foreach (Match m in Regex.Matches(query, @"first:\s*(\d+)"))
        {
            if (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is < 1 or > 100)
            {
                return GraphQlError("ARGUMENT_LIMIT", "Requesting more than 100 records on a connection is not supported.");
            }
        }
        var login = Str(input["variables"], "org") ?? "";
        var cursor = Str(input["variables"], "cursor");
        var rate = new JsonObject { ["cost"] = 1, ["limit"] = 5000, ["remaining"] = 4999, ["used"] = 1, ["resetAt"] = "2030-01-01T00:00:00Z", ["nodeCount"] = 2100 };
        lock (State.Gate)
        {
            if (!State.Orgs.TryGetValue(login, out var org))
            {
                return Json(200, new JsonObject
                {
                    ["data"] = new JsonObject { ["rateLimit"] = rate, ["organization"] = null },
                    ["errors"] = new JsonArray(new JsonObject { ["type"] = "NOT_FOUND", ["path"] = new JsonArray("organization"), ["locations"] = new JsonArray(new JsonObject { ["line"] = 3, ["column"] = 3 }), ["message"] = $"Could not resolve to an Organization with the login of '{login}'." }),
                });
            }
            var all = State.Repos.Values.Where(r => r.Owner.Equals(org.Login, StringComparison.OrdinalIgnoreCase)).OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToArray();
            var start = cursor is null ? 0 : int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(cursor))["cursor:".Length..], CultureInfo.InvariantCulture);
            var page = all.Skip(start).Take(100).ToArray();
            var end = start + page.Length;
            if (PartialAnswers > 0)
            {
                PartialAnswers--;
                return Json(200, new JsonObject
                {
                    ["data"] = new JsonObject { ["rateLimit"] = rate, ["organization"] = new JsonObject { ["login"] = org.Login, ["repositories"] = null } },
                    ["errors"] = new JsonArray(new JsonObject { ["type"] = PartialAnswerType ?? "SERVICE_UNAVAILABLE", ["path"] = new JsonArray("organization", "repositories"), ["message"] = "Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug." }),
                });
            }
            var blobs = Regex.Matches(query, @"(\w+):\s*object\(expression:\s*""HEAD:([^""]*)""\)").Select(m => (Alias: m.Groups[1].Value, Path: m.Groups[2].Value)).ToArray();
            return Json(200, new JsonObject
            {
                ["data"] = new JsonObject
                {
                    ["rateLimit"] = rate,
                    ["organization"] = new JsonObject
                    {
                        ["login"] = org.Login,
                        ["name"] = org.Name,
                        ["description"] = org.Description,
                        ["url"] = $"https://github.com/{org.Login}",
                        ["websiteUrl"] = org.Blog,
                        ["location"] = org.Location,
                        ["email"] = null,
                        ["avatarUrl"] = $"https://avatars.githubusercontent.com/u/{org.Id}?v=4",
                        ["isVerified"] = false,
                        ["createdAt"] = "2020-01-01T00:00:00Z",
                        ["pinnedItems"] = new JsonObject { ["nodes"] = new JsonArray([.. org.Pinned.Select(p => (JsonNode)new JsonObject { ["name"] = p })]) },
                        ["repositories"] = new JsonObject
                        {
                            ["totalCount"] = all.Length,
                            ["pageInfo"] = new JsonObject { ["hasNextPage"] = end < all.Length, ["endCursor"] = page.Length == 0 ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes($"cursor:{end}")) },
                            ["nodes"] = new JsonArray([.. page.Select(r => GraphQlRepo(r, blobs))]),
                        },
                    },
                },
            });
        }
    }

    private static JsonNode GraphQlRepo(FakeRepo r, (string Alias, string Path)[] objects)
    {
        var head = r.Git.Resolve(r.DefaultBranch);
        var node = new JsonObject
        {
            ["name"] = r.Name,
            ["nameWithOwner"] = r.FullName,
            ["url"] = $"https://github.com/{r.FullName}",
            ["description"] = r.Description,
            ["homepageUrl"] = r.Homepage,
            ["visibility"] = r.Visibility.ToUpperInvariant(),
            ["isPrivate"] = r.Visibility != "public",
            ["isArchived"] = r.Archived,
            ["isFork"] = r.Fork,
            ["isTemplate"] = r.IsTemplate,
            ["isEmpty"] = head is null,
            ["stargazerCount"] = r.Stars,
            ["forkCount"] = r.Forks,
            ["pushedAt"] = r.PushedAt is { } p ? Iso(p) : null,
            ["updatedAt"] = Iso(r.UpdatedAt),
            ["createdAt"] = Iso(r.CreatedAt),
            ["defaultBranchRef"] = head is null ? null : new JsonObject { ["name"] = r.DefaultBranch },
            ["primaryLanguage"] = r.Language is null ? null : new JsonObject { ["name"] = r.Language },
            ["licenseInfo"] = r.License is { } l ? new JsonObject { ["key"] = l.Key, ["name"] = l.Name, ["spdxId"] = l.SpdxId, ["pseudoLicense"] = l.Key == "other" } : null,
            ["repositoryTopics"] = new JsonObject { ["nodes"] = new JsonArray([.. r.Topics.Select(t => (JsonNode)new JsonObject { ["topic"] = new JsonObject { ["name"] = t } })]) },
        };
        // object(expression: "HEAD:path"): a Blob for a file (paths are case-sensitive), a Tree for "", else null.
        foreach (var (alias, path) in objects)
        {
            node[alias] = head is null ? null
                : path.Length == 0 ? new JsonObject { ["entries"] = new JsonArray([.. r.RootFiles(head).Select(f => (JsonNode)new JsonObject { ["name"] = f, ["type"] = "blob" })]) }
                : r.FileAt(head, path) is { } bytes ? new JsonObject { ["text"] = Encoding.UTF8.GetString(bytes), ["isBinary"] = false, ["isTruncated"] = false, ["byteSize"] = bytes.Length }
                : null;
        }
        return node;
    }

    /// <summary>Partial answers GitHub gives under load: the next GraphQL queries get data with an error of this type.</summary>
    public string? PartialAnswerType { get; set; }

    public int PartialAnswers { get; set; }

    // Mutations the publisher uses, applied to the same state the REST routes change.
    private Response GraphQlMutation(string query, JsonNode? variables, FakeToken user)
    {
        if (!Regex.IsMatch(query, @"\bupdateRefs\s*\("))
        {
            return GraphQlError("undefinedField", "this stand-in serves the updateRefs mutation only");
        }
        if (!user.CanWrite)
        {
            return GraphQlError("FORBIDDEN", "Resource not accessible by integration");
        }
        var repositoryId = Str(variables, "repositoryId") ?? "";
        lock (State.Gate)
        {
            var repo = State.Repos.Values.FirstOrDefault(r => RepositoryNodeId(r) == repositoryId);
            if (repo is null)
            {
                return GraphQlError("NOT_FOUND", $"Could not resolve to a node with the global id of '{repositoryId}'");
            }
            var updates = variables?["refUpdates"]?.AsArray() ?? [];
            // All or nothing, as GitHub does: every beforeOid is checked before any ref moves.
            foreach (var update in updates)
            {
                var name = Str(update, "name")!;
                var before = Str(update, "beforeOid");
                var after = Str(update, "afterOid")!;
                var current = repo.Git.Refs.GetValueOrDefault(name);
                if (before is not null && (before == ZeroOid ? current is not null : current != before))
                {
                    return GraphQlError("UNPROCESSABLE", $"A ref update for {name} failed: expected {before} but the ref points to {current ?? ZeroOid}");
                }
                if (after != ZeroOid && !repo.Git.Commits.ContainsKey(after))
                {
                    return GraphQlError("UNPROCESSABLE", $"Object {after} does not exist");
                }
                if (after != ZeroOid && current is not null && update?["force"]?.GetValue<bool>() != true && !repo.Git.IsAncestor(current, after))
                {
                    return GraphQlError("UNPROCESSABLE", $"A ref update for {name} is not a fast forward");
                }
            }
            foreach (var update in updates)
            {
                var (name, after) = (Str(update, "name")!, Str(update, "afterOid")!);
                if (after == ZeroOid)
                {
                    repo.Git.Refs.Remove(name);
                }
                else
                {
                    repo.Git.Refs[name] = after;
                }
            }
            return Json(200, new JsonObject { ["data"] = new JsonObject { ["updateRefs"] = new JsonObject { ["clientMutationId"] = null } } });
        }
    }

    private const string ZeroOid = "0000000000000000000000000000000000000000";

    internal static string RepositoryNodeId(FakeRepo repo) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"010:Repository{repo.Id}"));

    // JSON variables as GraphQL for .NET's validator takes them.
    private static GraphQL.Inputs Inputs(JsonNode? variables) =>
        variables is JsonObject o ? new GraphQL.Inputs(o.ToDictionary(p => p.Key, p => Plain(p.Value))) : GraphQL.Inputs.Empty;

    private static object? Plain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => Plain(p.Value)),
        JsonArray a => a.Select(Plain).ToList(),
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<double>(out var d) => d,
        _ => node.ToString(),
    };

    private static Response GraphQlError(string type, string message) =>
        Json(200, new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["type"] = type, ["message"] = message, ["locations"] = new JsonArray(new JsonObject { ["line"] = 1, ["column"] = 1 }) }) });
}
