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
        "query", "OrgRepos", "org", "String", "cursor", "Int", "rateLimit", "cost", "limit", "remaining", "used", "resetAt", "nodeCount",
        "organization", "login", "name", "description", "url", "websiteUrl", "location", "email", "avatarUrl", "isVerified", "createdAt",
        "pinnedItems", "first", "types", "REPOSITORY", "nodes", "on", "Repository",
        "repositories", "after", "orderBy", "field", "NAME", "direction", "ASC", "totalCount", "pageInfo", "hasNextPage", "endCursor",
        "nameWithOwner", "homepageUrl", "visibility", "isPrivate", "isArchived", "isFork", "isTemplate", "isEmpty", "isDisabled",
        "stargazerCount", "forkCount", "pushedAt", "updatedAt", "defaultBranchRef", "primaryLanguage", "color",
        "licenseInfo", "key", "spdxId", "pseudoLicense", "nickname", "repositoryTopics", "topic",
        "readme", "object", "expression", "HEAD", "README", "md", "Blob", "text", "isBinary", "isTruncated", "byteSize",
        "root", "Tree", "entries", "type", "mode", "target", "oid", "licenseFile", "licenceFile", "licenseMarkdown",
        // Health, asked in a list page only by the bench, to measure what it would cost there (GraphQlHealth is the tool's pass).
        "isSecurityPolicyEnabled", "codeOfConduct", "contributingGuidelines", "latestRelease", "tagName", "publishedAt", "Commit", "statusCheckRollup", "state", "ciHead",
    };

    private Response GraphQlAnswer(string body, FakeToken? user, string apiBase)
    {
        if (user is null)
        {
            return Json(401, new JsonObject { ["message"] = "This endpoint requires you to be authenticated.", ["documentation_url"] = "https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql", ["status"] = "401" });
        }
        var input = Body(body);
        var query = Str(input, "query") ?? "";
        // An older server's schema: fields it does not have are refused as GitHub refuses them.
        if (FieldsUnknownToServer.Any(f => Regex.IsMatch(query, $@"\b{f}\b")))
        {
            return OlderSchemaRefusal(query);
        }
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
        if (query.TrimStart().StartsWith("query PublishState", StringComparison.Ordinal))
        {
            return GraphQlPublishState(query, input["variables"], user);
        }
        if (query.TrimStart().StartsWith("query Files", StringComparison.Ordinal))
        {
            return GraphQlFiles(query, input["variables"], user);
        }
        if (query.TrimStart().StartsWith("query Health", StringComparison.Ordinal))
        {
            return GraphQlHealth(query, input["variables"], user);
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
        // repositories(first: $first) or a literal: 1–100, as GitHub allows.
        var pageSize = Regex.Match(query, @"repositories\(first:\s*(\$?\w+)") is { Success: true } sized
            ? sized.Groups[1].Value.StartsWith('$') ? input["variables"]?[sized.Groups[1].Value[1..]]?.GetValue<int>() ?? 0 : int.Parse(sized.Groups[1].Value, CultureInfo.InvariantCulture)
            : 0;
        if (pageSize is < 1 or > 100)
        {
            return GraphQlError("ARGUMENT_LIMIT", "Requesting more than 100 records on a connection is not supported.");
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
            // The repositories the token can see, as REST lists them: a token narrowed to some
            // repositories does not see the others' private ones.
            var all = user.Repositories is null ? State.ReposOf(org.Login) : State.ReposOf(org.Login).Where(r => Visible(r, user)).ToArray();
            var start = cursor is null ? 0 : int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(cursor))["cursor:".Length..], CultureInfo.InvariantCulture);
            var page = all.Skip(start).Take(pageSize).ToArray();
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
                        ["email"] = org.Email,
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

    private JsonNode GraphQlRepo(FakeRepo r, (string Alias, string Path)[] objects)
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
            ["defaultBranchRef"] = head is null ? null : new JsonObject { ["name"] = r.DefaultBranch, ["target"] = new JsonObject { ["oid"] = head } },
            ["primaryLanguage"] = r.Language is null ? null : new JsonObject { ["name"] = r.Language },
            ["licenseInfo"] = r.License is { } l ? new JsonObject { ["key"] = l.Key, ["name"] = l.Name, ["spdxId"] = l.SpdxId, ["pseudoLicense"] = l.Key == "other" } : null,
            ["repositoryTopics"] = new JsonObject { ["nodes"] = new JsonArray([.. r.Topics.Select(t => (JsonNode)new JsonObject { ["topic"] = new JsonObject { ["name"] = t } })]) },
        };
        // object(expression: "HEAD:path"): a Blob for a file (paths are case-sensitive), a Tree for "", else null.
        foreach (var (alias, path) in objects)
        {
            node[alias] = head is null ? null
                : path.Length == 0 ? TreeJson(r, head, "")
                : r.FileAt(head, path) is { } bytes ? Blob(bytes)
                : null;
        }
        return node;
    }

    /// <summary>Paths ("owner/repo:path") stored as symbolic links: git mode 120000, the blob holding the target's path.</summary>
    public HashSet<string> Symlinks { get; } = new(StringComparer.Ordinal);

    // A folder's entries as GitHub lists them: files (mode 100644, or 120000 for a link) and
    // folders (tree, 040000), from the flat paths of the stand-in's trees.
    private JsonObject TreeJson(FakeRepo r, string head, string folder)
    {
        var prefix = folder.Length == 0 ? "" : folder + "/";
        var entries = new SortedDictionary<string, bool>(StringComparer.Ordinal);
        foreach (var path in r.Git.Trees[r.Git.Commits[head].Tree].Keys.Where(p => p.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var rest = path[prefix.Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            entries[slash < 0 ? rest : rest[..slash]] = slash >= 0;
        }
        return new JsonObject
        {
            ["entries"] = new JsonArray([.. entries.Select(e => (JsonNode)new JsonObject
            {
                ["name"] = e.Key,
                ["type"] = e.Value ? "tree" : "blob",
                ["mode"] = e.Value ? 0x4000 : Symlinks.Contains($"{r.FullName}:{prefix}{e.Key}") ? 0xA000 : 0x81A4,
            })]),
        };
    }

    /// <summary>Above this size GitHub stops looking at a blob: <c>isBinary: null</c>, <c>isTruncated: true</c> (REAL-GITHUB.md R2).</summary>
    public const int BlobTruncatedAbove = 512 * 1024;

    /// <summary>
    /// What a blob over <see cref="BlobTruncatedAbove"/> carries as text: nothing (null), or its
    /// first 512 KB. GitHub's choice is not documented; the tests try both.
    /// </summary>
    public bool TruncatedBlobsKeepText { get; set; }

    // A Blob as GitHub answers it: text decoded as UTF-8 (lossy for other encodings); binary (a NUL
    // in the first 8,000 bytes, git's rule) has no text; over 512 KB GitHub cannot tell, so
    // isBinary is null and the text is cut or missing. Unasked fields are left out by the client's parse.
    private JsonObject Blob(byte[] bytes)
    {
        if (bytes.Length > BlobTruncatedAbove)
        {
            return new JsonObject
            {
                ["text"] = TruncatedBlobsKeepText ? Encoding.UTF8.GetString(bytes, 0, BlobTruncatedAbove) : null,
                ["isBinary"] = null,
                ["isTruncated"] = true,
                ["byteSize"] = bytes.Length,
            };
        }
        var binary = bytes.AsSpan(0, Math.Min(bytes.Length, 8000)).Contains((byte)0);
        return new JsonObject
        {
            ["text"] = binary ? null : Encoding.UTF8.GetString(bytes),
            ["isBinary"] = binary,
            ["isTruncated"] = false,
            ["byteSize"] = bytes.Length,
        };
    }

    /// <summary>GitHub's GraphQL rate-limit error type: RATE_LIMITED (documented) or RATE_LIMIT (also seen).</summary>
    public string GraphQlRateLimitType { get; set; } = "RATE_LIMITED";

    // An older GitHub Enterprise Server refuses a document naming what its schema lacks in
    // graphql-ruby's shapes: no `type`, the code in `extensions.code`, and for a missing mutation
    // also its input type ("isn't a defined input type") and the variable left unused.
    private Response OlderSchemaRefusal(string query)
    {
        var document = GraphQLParser.Parser.Parse(query);
        var operation = document.Definitions.OfType<GraphQLParser.AST.GraphQLOperationDefinition>().First();
        var (kind, name) = (operation.Operation == GraphQLParser.AST.OperationType.Mutation ? "mutation" : "query", operation.Name?.StringValue ?? "anonymous");
        var errors = new JsonArray();
        JsonObject Error(string message, string code, params string[] path) => new()
        {
            ["message"] = message,
            ["locations"] = new JsonArray(new JsonObject { ["line"] = 1, ["column"] = 1 }),
            ["path"] = new JsonArray([(JsonNode)$"{kind} {name}", .. path.Select(p => (JsonNode)p)]),
            ["extensions"] = new JsonObject { ["code"] = code },
        };
        var unknownTypes = FieldsUnknownToServer.Contains("updateRefs") ? new[] { "RefUpdate" } : [];
        // The operation's variables and their named types, e.g. "$refUpdates: [RefUpdate!]!".
        var variables = Regex.Matches(query[..query.IndexOf('{', StringComparison.Ordinal)], @"\$(\w+)\s*:\s*\[?\s*(\w+)")
            .Select(m => (Name: m.Groups[1].Value, Type: m.Groups[2].Value)).Where(v => unknownTypes.Contains(v.Type)).ToArray();
        foreach (var (variable, type) in variables)
        {
            errors.Add(Error($"{type} isn't a defined input type (on ${variable})", "variableRequiresValidType", "$" + variable));
        }
        foreach (var field in FieldsUnknownToServer.Where(f => Regex.IsMatch(query, $@"\b{f}\b")))
        {
            var typeName = kind == "mutation" ? "Mutation" : "Query";
            errors.Add(Error($"Field '{field}' doesn't exist on type '{typeName}'", "undefinedField", field));
        }
        foreach (var (variable, _) in variables)
        {
            errors.Add(Error($"Variable ${variable} is declared by {name} but not used", "variableNotUsed"));
        }
        return Json(200, new JsonObject { ["errors"] = errors });
    }

    /// <summary>Fields this server's schema lacks, as on an older GitHub Enterprise Server (e.g. createCommitOnBranch).</summary>
    public HashSet<string> FieldsUnknownToServer { get; } = new(StringComparer.Ordinal);

    /// <summary>Partial answers GitHub gives under load: the next GraphQL queries get data with an error of this type.</summary>
    public string? PartialAnswerType { get; set; }

    public int PartialAnswers { get; set; }

    // Mutations the publisher uses, applied to the same state the REST routes change. As on
    // GitHub, the fields of a mutation run one after the other; one that fails is null in `data`
    // with its error, and the next still runs.
    private Response GraphQlMutation(string query, JsonNode? variables, FakeToken user)
    {
        if (!user.CanWrite)
        {
            return GraphQlError("FORBIDDEN", "Resource not accessible by integration");
        }
        return EachTopLevelField(query, (field, key, errors) =>
        {
            var input = field.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "input") is { } argument ? Value(argument.Value, variables) : null;
            try
            {
                return field.Name.StringValue switch
                {
                    "updateRefs" => UpdateRefs(input, user),
                    "createCommitOnBranch" => CreateCommitOnBranch(input, user),
                    var other => throw new GraphQlFieldError("undefinedField", $"this stand-in does not serve the {other} mutation"),
                };
            }
            catch (GraphQlFieldError e)
            {
                errors.Add(new JsonObject { ["type"] = e.Type, ["path"] = new JsonArray(key), ["message"] = e.Message });
                return null;
            }
        });
    }

    // What every document of aliased top-level fields shares: each field answered in turn under the
    // state's lock (a field that fails is null in `data`, its error in `errors`, and the next still
    // runs, as on GitHub), `errors` present only when one was added.
    private Response EachTopLevelField(string query, Func<GraphQLParser.AST.GraphQLField, string, JsonArray, JsonNode?> answer)
    {
        var operation = GraphQLParser.Parser.Parse(query).Definitions.OfType<GraphQLParser.AST.GraphQLOperationDefinition>().First();
        var data = new JsonObject();
        var errors = new JsonArray();
        lock (State.Gate)
        {
            foreach (var field in operation.SelectionSet.Selections.OfType<GraphQLParser.AST.GraphQLField>())
            {
                var key = field.Alias?.Name.StringValue ?? field.Name.StringValue;
                data[key] = answer(field, key, errors);
            }
        }
        var document = new JsonObject { ["data"] = data };
        if (errors.Count > 0)
        {
            document["errors"] = errors;
        }
        return Json(200, document);
    }

    // A repository(owner:, name:) field: null with GitHub's NOT_FOUND when the repository does not
    // exist or the token cannot see it (GitHub does not say which), the rest of the answer kept.
    private FakeRepo? VisibleRepo(string? owner, string? name, FakeToken user, string key, JsonArray errors)
    {
        if (State.Repos.TryGetValue($"{owner}/{name}", out var repo) && Visible(repo, user))
        {
            return repo;
        }
        errors.Add(new JsonObject { ["type"] = "NOT_FOUND", ["path"] = new JsonArray(key), ["message"] = $"Could not resolve to a Repository with the name '{owner}/{name}'." });
        return null;
    }

    private sealed class GraphQlFieldError(string type, string message) : Exception(message)
    {
        public string Type { get; } = type;
    }

    private FakeRepo RepoByNodeId(string? id) =>
        State.Repos.Values.FirstOrDefault(r => RepositoryNodeId(r) == id) ?? throw new GraphQlFieldError("NOT_FOUND", $"Could not resolve to a node with the global id of '{id}'");

    private JsonNode UpdateRefs(JsonNode? input, FakeToken user)
    {
        var repo = RepoByNodeId(Str(input, "repositoryId"));
        if (!user.Reaches(repo))
        {
            throw new GraphQlFieldError("FORBIDDEN", "Resource not accessible by integration");
        }
        var updates = input?["refUpdates"]?.AsArray() ?? [];
        // All or nothing, as GitHub does: every beforeOid is checked before any ref moves.
        foreach (var update in updates)
        {
            var name = Str(update, "name")!;
            var before = Str(update, "beforeOid");
            var after = Str(update, "afterOid")!;
            var current = repo.Git.Refs.GetValueOrDefault(name);
            if (before is not null && (before == ZeroOid ? current is not null : current != before))
            {
                throw new GraphQlFieldError("UNPROCESSABLE", $"A ref update for {name} failed: expected {before} but the ref points to {current ?? ZeroOid}");
            }
            if (after != ZeroOid && !repo.Git.Commits.ContainsKey(after))
            {
                throw new GraphQlFieldError("UNPROCESSABLE", $"Object {after} does not exist");
            }
            if (after != ZeroOid && current is not null && update?["force"]?.GetValue<bool>() != true && !repo.Git.IsAncestor(current, after))
            {
                throw new GraphQlFieldError("UNPROCESSABLE", $"A ref update for {name} is not a fast forward");
            }
            if (RuleRefusal(repo, name, current, after == ZeroOid ? null : after) is { } refusal)
            {
                throw new GraphQlFieldError("UNPROCESSABLE", $"Repository rule violations found\n\n{refusal}\n\n");
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
        return new JsonObject { ["clientMutationId"] = null };
    }

    private JsonNode CreateCommitOnBranch(JsonNode? input, FakeToken user)
    {
        var branch = input?["branch"];
        var nameWithOwner = Str(branch, "repositoryNameWithOwner") ?? throw new GraphQlFieldError("UNPROCESSABLE", "branch.repositoryNameWithOwner is required by this stand-in");
        var branchName = Str(branch, "branchName") ?? throw new GraphQlFieldError("UNPROCESSABLE", "branch.branchName is required by this stand-in");
        var repo = State.Repos.GetValueOrDefault(nameWithOwner) ?? throw new GraphQlFieldError("NOT_FOUND", $"Could not resolve to a Repository with the name '{nameWithOwner}'.");
        if (!user.Reaches(repo))
        {
            throw new GraphQlFieldError("FORBIDDEN", "Resource not accessible by integration");
        }
        var git = repo.Git;
        var head = git.Refs.GetValueOrDefault("refs/heads/" + branchName) ?? throw new GraphQlFieldError("NOT_FOUND", $"A ref named \"refs/heads/{branchName}\" does not exist.");
        if (Str(input, "expectedHeadOid") != head)
        {
            throw new GraphQlFieldError("STALE_DATA", $"Expected branch to point to \"{Str(input, "expectedHeadOid")}\" but it did not. Pull and try again.");
        }
        var tree = new SortedDictionary<string, string>(git.Trees[git.Commits[head].Tree], StringComparer.Ordinal);
        // "path values must be unique across all additions and deletions provided. Any duplication
        // will result in a validation error" (FileChanges in GitHub's schema).
        var paths = (input?["fileChanges"]?["additions"]?.AsArray() ?? []).Concat(input?["fileChanges"]?["deletions"]?.AsArray() ?? []).Select(c => Str(c, "path")).ToArray();
        if (paths.Distinct(StringComparer.Ordinal).Count() != paths.Length)
        {
            throw new GraphQlFieldError("UNPROCESSABLE", "A path was given more than once in fileChanges");
        }
        foreach (var addition in input?["fileChanges"]?["additions"]?.AsArray() ?? [])
        {
            tree[Str(addition, "path")!] = git.AddBlob(Convert.FromBase64String(Str(addition, "contents")!));
        }
        foreach (var deletion in input?["fileChanges"]?["deletions"]?.AsArray() ?? [])
        {
            tree.Remove(Str(deletion, "path")!);
        }
        var message = Str(input?["message"], "headline") + (Str(input?["message"], "body") is { Length: > 0 } body ? "\n\n" + body : "");
        var sha = git.AddCommit(git.AddTree(tree), [head], message, user.Login);
        git.Refs["refs/heads/" + branchName] = sha;
        return new JsonObject { ["commit"] = new JsonObject { ["oid"] = sha, ["url"] = $"https://github.com/{repo.FullName}/commit/{sha}" } };
    }

    // An argument's value with its variables substituted, as JSON.
    private static JsonNode? Value(GraphQLParser.AST.GraphQLValue value, JsonNode? variables) => value switch
    {
        GraphQLParser.AST.GraphQLVariable v => variables?[v.Name.StringValue]?.DeepClone(),
        GraphQLParser.AST.GraphQLObjectValue o => new JsonObject((o.Fields ?? []).Select(f => KeyValuePair.Create(f.Name.StringValue, Value(f.Value, variables)))),
        GraphQLParser.AST.GraphQLListValue l => new JsonArray([.. (l.Values ?? []).Select(v => Value(v, variables))]),
        GraphQLParser.AST.GraphQLStringValue s => JsonValue.Create((string)s.Value),
        GraphQLParser.AST.GraphQLBooleanValue b => JsonValue.Create(b.BoolValue),
        GraphQLParser.AST.GraphQLIntValue i => JsonValue.Create(long.Parse((string)i.Value, CultureInfo.InvariantCulture)),
        GraphQLParser.AST.GraphQLEnumValue e => JsonValue.Create(e.Name.StringValue),
        _ => null,
    };

    private const string ZeroOid = "0000000000000000000000000000000000000000";

    // Aliased repository(owner:, name:) fields, each with aliased object(expression: "HEAD:path")
    // blobs: whatever files a client asks for, many repositories in one request.
    private Response GraphQlFiles(string query, JsonNode? variables, FakeToken user) =>
        EachTopLevelField(query, (field, key, errors) =>
        {
            string? Argument(GraphQLParser.AST.GraphQLField f, string name) =>
                f.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == name) is { } a ? Value(a.Value, variables)?.GetValue<string>() : null;
            if (VisibleRepo(Argument(field, "owner"), Argument(field, "name"), user, key, errors) is not { } repo)
            {
                return null;
            }
            var head = repo.Git.Resolve(repo.DefaultBranch);
            var node = new JsonObject();
            var selections = field.SelectionSet?.Selections.OfType<GraphQLParser.AST.GraphQLField>().ToArray() ?? [];
            // The health fields, when the batch asks them too: answered as the health pass's (FORBIDDEN
            // at the rollup the token may not read, under the alias it was asked by).
            var ciAlias = selections.FirstOrDefault(f => f.Name.StringValue == "defaultBranchRef" && Mentions(f.SelectionSet, "statusCheckRollup")) is { } ci
                ? ci.Alias?.Name.StringValue ?? "defaultBranchRef" : null;
            JsonObject? health = null;
            JsonObject Health() => health ??= HealthJson(repo, ciAlias is null ? [] : errors, new JsonArray(key, ciAlias, "target", "statusCheckRollup"));
            foreach (var blob in selections)
            {
                var alias = blob.Alias?.Name.StringValue ?? blob.Name.StringValue;
                if (blob.Name.StringValue == "defaultBranchRef")
                {
                    node[alias] = alias == ciAlias ? Health()["defaultBranchRef"]?.DeepClone()
                        : head is null ? null
                        : new JsonObject { ["name"] = repo.DefaultBranch, ["target"] = new JsonObject { ["oid"] = head } };
                    continue;
                }
                if (blob.Name.StringValue is "isDisabled" or "isSecurityPolicyEnabled" or "codeOfConduct" or "contributingGuidelines" or "latestRelease")
                {
                    node[alias] = Health()[blob.Name.StringValue]?.DeepClone();
                    continue;
                }
                var expression = Argument(blob, "expression") ?? "";
                var path = expression.StartsWith("HEAD:", StringComparison.Ordinal) ? expression["HEAD:".Length..] : null;
                var bytes = head is null || path is null ? null : repo.FileAt(head, path);
                // "HEAD:" is the root tree.
                var folder = head is not null && path is not null && bytes is null
                    && (path.Length == 0 || repo.Git.Trees[repo.Git.Commits[head].Tree].Keys.Any(p => p.StartsWith(path + "/", StringComparison.Ordinal)));
                // A fragment on the other type answers an empty object, as GitHub does.
                var on = blob.SelectionSet?.Selections.OfType<GraphQLParser.AST.GraphQLInlineFragment>().FirstOrDefault()?.TypeCondition?.Type.Name.StringValue;
                node[blob.Alias?.Name.StringValue ?? blob.Name.StringValue] = folder ? on == "Tree" ? TreeJson(repo, head!, path!) : new JsonObject()
                    : bytes is null ? null : on == "Tree" ? new JsonObject() : Blob(bytes);
            }
            return node;
        });

    // Whether a field of this name is selected anywhere under the selection (through fragments too).
    private static bool Mentions(GraphQLParser.AST.GraphQLSelectionSet? selection, string name) =>
        selection?.Selections.Any(s => s switch
        {
            GraphQLParser.AST.GraphQLField f => f.Name.StringValue == name || Mentions(f.SelectionSet, name),
            GraphQLParser.AST.GraphQLInlineFragment fragment => Mentions(fragment.SelectionSet, name),
            _ => false,
        }) == true;

    // The publish path's one read: a repository, two refs with their head commit and a file in
    // it, and the pull requests of a head branch with labels, reviewers, reviews and comments.
    private Response GraphQlPublishState(string query, JsonNode? variables, FakeToken user)
    {
        // Team fields need members: read (read:org for a classic token): without it, each team
        // request is null with its own error, beside the rest of the data (R5).
        var asksTeams = Regex.IsMatch(query, @"on\s+Team\s*\{");
        var teamErrors = new JsonArray();
        var (owner, name, path, branch) = (Str(variables, "owner") ?? "", Str(variables, "name") ?? "", Str(variables, "path") ?? "", Str(variables, "branch") ?? "");
        lock (State.Gate)
        {
            var notFound = new JsonArray();
            if (VisibleRepo(owner, name, user, "repository", notFound) is not { } repo)
            {
                return Json(200, new JsonObject { ["data"] = new JsonObject { ["repository"] = null }, ["errors"] = notFound });
            }
            var git = repo.Git;
            // Aliased file(path: $cN) fields of the Head fragment: more files of the same commit.
            var aliasedFiles = GraphQLParser.Parser.Parse(query).Definitions.OfType<GraphQLParser.AST.GraphQLFragmentDefinition>()
                .SelectMany(f => f.SelectionSet.Selections.OfType<GraphQLParser.AST.GraphQLField>())
                .Where(f => f.Name.StringValue == "file" && f.Alias is not null)
                .Select(f => (Alias: f.Alias!.Name.StringValue, Path: f.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "path") is { } a ? Value(a.Value, variables)?.GetValue<string>() : null))
                .ToArray();
            JsonNode? Ref(string? qualified) => qualified is not null && git.Refs.TryGetValue(qualified, out var sha)
                ? new JsonObject { ["name"] = qualified["refs/heads/".Length..], ["target"] = HeadCommit(git.Commits[sha]) }
                : null;
            JsonNode HeadCommit(GitCommit c)
            {
                var tree = git.Trees[c.Tree];
                var parentTree = c.Parents.Count > 0 ? git.Trees[git.Commits[c.Parents[0]].Tree] : [];
                var bytes = tree.TryGetValue(path, out var blob) ? git.Blobs[blob] : null;
                var commit = new JsonObject
                {
                    ["oid"] = c.Sha,
                    ["message"] = c.Message,
                    ["changedFilesIfAvailable"] = tree.Keys.Union(parentTree.Keys).Count(p => tree.GetValueOrDefault(p) != parentTree.GetValueOrDefault(p)),
                    ["tree"] = new JsonObject { ["oid"] = c.Tree },
                    ["parents"] = new JsonObject { ["nodes"] = new JsonArray([.. c.Parents.Select(p => (JsonNode)new JsonObject { ["oid"] = p })]) },
                    ["file"] = bytes is null ? null : new JsonObject { ["object"] = Blob(bytes) },
                };
                foreach (var (alias, filePath) in aliasedFiles)
                {
                    commit[alias] = filePath is not null && tree.TryGetValue(filePath, out var other) ? new JsonObject { ["object"] = Blob(git.Blobs[other]) } : null;
                }
                return commit;
            }
            var namedBase = Regex.IsMatch(query, @"base:\s*ref\(");
            var baseRef = namedBase ? Ref(Str(variables, "baseRef")) : Ref("refs/heads/" + repo.DefaultBranch);
            var pulls = repo.Pulls.Where(p => p.Head == branch).OrderByDescending(p => p.Number).Take(20).ToArray();
            JsonNode? TeamNode(FakePullRequest p, string slug)
            {
                if (!asksTeams)
                {
                    return new JsonObject(); // a Team, but no fragment selects its fields
                }
                if (user.May("members", "read", repo))
                {
                    return new JsonObject { ["slug"] = slug };
                }
                var at = new JsonArray("repository", "pullRequests", "nodes", Array.IndexOf(pulls, p), "reviewRequests", "nodes", p.Reviewers.Count(r => !p.Reviews.Contains(r)) + p.TeamReviewers.IndexOf(slug), "requestedReviewer");
                teamErrors.Add(user.Kind == TokenKind.ClassicPat
                    ? new JsonObject { ["type"] = "INSUFFICIENT_SCOPES", ["path"] = at, ["message"] = $"Your token has not been granted the required scopes to execute this query. The 'slug' field requires one of the following scopes: ['read:org'], but your token has only been granted the: [{string.Join(", ", (user.Scopes ?? []).Select(s => $"'{s}'"))}] scopes. Please modify your token's scopes at: https://github.com/settings/tokens." }
                    : new JsonObject { ["type"] = "FORBIDDEN", ["path"] = at, ["message"] = "Resource not accessible by integration" });
                return null;
            }
            var answer = new JsonObject
            {
                ["data"] = new JsonObject
                {
                    ["viewer"] = new JsonObject { ["login"] = user.Login },
                    ["repository"] = new JsonObject
                    {
                        ["id"] = RepositoryNodeId(repo),
                        ["visibility"] = repo.Visibility.ToUpperInvariant(),
                        ["isPrivate"] = repo.Visibility != "public",
                        ["name"] = repo.Name,
                        ["owner"] = new JsonObject { ["login"] = repo.Owner },
                        ["defaultBranchRef"] = new JsonObject { ["name"] = repo.DefaultBranch },
                        ["base"] = baseRef,
                        ["branch"] = Ref(Str(variables, "branchRef")),
                        ["pullRequests"] = new JsonObject
                        {
                            ["nodes"] = new JsonArray([.. pulls.Select(p => (JsonNode)new JsonObject
                            {
                                ["number"] = p.Number,
                                ["url"] = $"https://github.com/{repo.FullName}/pull/{p.Number}",
                                ["title"] = p.Title,
                                ["body"] = p.Body,
                                ["state"] = p.State.ToUpperInvariant(),
                                ["headRefName"] = p.Head,
                                ["headRefOid"] = git.Resolve(p.Head) ?? ZeroOid,
                                ["baseRefName"] = p.Base,
                                ["headRepositoryOwner"] = new JsonObject { ["login"] = repo.Owner },
                                ["author"] = new JsonObject { ["login"] = p.Author },
                                ["labels"] = new JsonObject { ["nodes"] = new JsonArray([.. p.Labels.Select(l => (JsonNode)new JsonObject { ["name"] = l })]) },
                                ["reviewRequests"] = new JsonObject
                                {
                                    ["nodes"] = new JsonArray([
                                        .. p.Reviewers.Where(r => !p.Reviews.Contains(r)).Select(r => (JsonNode)new JsonObject { ["requestedReviewer"] = new JsonObject { ["login"] = r } }),
                                        .. p.TeamReviewers.Select(t => (JsonNode)new JsonObject { ["requestedReviewer"] = TeamNode(p, t) })]),
                                },
                                ["assignees"] = new JsonObject { ["nodes"] = new JsonArray([.. p.Assignees.Select(a => (JsonNode)new JsonObject { ["login"] = a })]) },
                                ["latestReviews"] = new JsonObject { ["nodes"] = new JsonArray([.. p.Reviews.Select(r => (JsonNode)new JsonObject { ["author"] = new JsonObject { ["login"] = r } })]) },
                                ["comments"] = new JsonObject { ["nodes"] = new JsonArray([.. p.Comments.TakeLast(100).Select(c => (JsonNode)new JsonObject { ["body"] = c })]) },
                            })]),
                        },
                    },
                },
            };
            if (teamErrors.Count > 0)
            {
                answer["errors"] = teamErrors;
            }
            return Json(200, answer);
        }
    }

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
