using System.Text.Json.Nodes;
using CQEN.ProfileGen.Badges;
using CQEN.ProfileGen.Licenses;
using CQEN.ProfileGen.Snapshots;
using Octokit;

namespace CQEN.ProfileGen.GitHub;

/// <summary>
/// Reads an organization in ceil(N/100) GraphQL requests (plus one for the org and pins) instead
/// of 2N+ REST calls: each page brings 100 repositories with licence, topics, language, README
/// text and root file names. REST is used only where GraphQL cannot answer: a README not named
/// README.md, and licence text GitHub could not identify (NOASSERTION).
/// GraphQL needs a token; without one the REST reader is used.
/// </summary>
internal sealed class GraphQlOrgReader(IGitHubClient client, GitHubEndpoint endpoint, TimeProvider clock, int maxConcurrency = 8, GitHubUsage? usage = null)
{
    internal const string Query = """
        query OrgRepos($org: String!, $cursor: String) {
          rateLimit { cost limit remaining used resetAt nodeCount }
          organization(login: $org) {
            login name description url websiteUrl location email avatarUrl isVerified createdAt
            pinnedItems(first: 6, types: REPOSITORY) { nodes { ... on Repository { name } } }
            repositories(first: 100, after: $cursor, orderBy: {field: NAME, direction: ASC}) {
              totalCount
              pageInfo { hasNextPage endCursor }
              nodes {
                name nameWithOwner url description homepageUrl visibility isPrivate isArchived isFork
                isTemplate isEmpty stargazerCount forkCount pushedAt updatedAt createdAt
                defaultBranchRef { name }
                primaryLanguage { name }
                licenseInfo { key name spdxId pseudoLicense }
                repositoryTopics(first: 100) { nodes { topic { name } } }
                readme: object(expression: "HEAD:README.md") { ... on Blob { text isBinary isTruncated } }
                root: object(expression: "HEAD:") { ... on Tree { entries { name type } } }
                licenseFile: object(expression: "HEAD:LICENSE") { ... on Blob { text isBinary } }
                licenceFile: object(expression: "HEAD:LICENCE") { ... on Blob { text isBinary } }
                licenseMarkdown: object(expression: "HEAD:LICENSE.md") { ... on Blob { text isBinary } }
              }
            }
          }
        }
        """;

    public async Task<OrgSnapshot> ReadAsync(string org, CancellationToken ct)
    {
        var repos = new List<RepoSnapshot>();
        // Repositories whose README or licence file the page could not bring: mapped once the
        // batched file request has them. Every other page is mapped as it arrives and its JSON
        // (README and licence texts included) let go, so memory holds the snapshot, not the pages.
        var waiting = new List<(JsonNode Node, WantedFiles Files)>();
        JsonNode? orgNode = null;
        HashSet<string>? pinned = null;
        // The next page is asked for before this one is mapped, so mapping overlaps the wait.
        var next = PostAsync(org, null);
        try
        {
            while (next is not null)
            {
                ct.ThrowIfCancellationRequested();
                var data = await next.ConfigureAwait(false);
                next = null;
                orgNode = data["organization"] ?? throw new GitHubException($"GitHub found no organization '{org}' (or this token cannot see it)", 404);
                pinned ??= orgNode["pinnedItems"]?["nodes"]?.AsArray().Select(n => n?["name"]?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal) ?? [];
                var page = orgNode["repositories"]!;
                if (page["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
                {
                    next = PostAsync(org, page["pageInfo"]!["endCursor"]!.GetValue<string>());
                }
                var nodes = page["nodes"]!.AsArray().OfType<JsonNode>().ToArray();
                var ready = new List<JsonNode>();
                foreach (var node in nodes)
                {
                    var files = FilesWanted(node);
                    if (files.Readme is null && files.License is null)
                    {
                        ready.Add(node);
                    }
                    else
                    {
                        waiting.Add((node, files));
                    }
                }
                repos.AddRange(await MapAsync(ready, pinned, [], ct).ConfigureAwait(false));
                usage?.RepositoriesRead(nodes.Length);
                orgNode.AsObject().Remove("repositories");
            }
        }
        finally
        {
            // A page still in flight when mapping failed: observed, so its failure goes nowhere.
            if (next is not null)
            {
                await next.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }
        }

        // Files the pages could not bring (a README or licence under another name) come in one
        // batched request per 100 repositories, not one REST call each.
        foreach (var batch in waiting.Chunk(FilesPerBatch))
        {
            var fetched = new Dictionary<string, (string? Readme, string? License)>(StringComparer.Ordinal);
            foreach (var (name, files) in await FetchFilesAsync(org, batch.Select(w => w.Files).ToArray()).ConfigureAwait(false))
            {
                fetched[name] = files;
            }
            repos.AddRange(await MapAsync(batch.Select(w => w.Node).ToList(), pinned!, fetched, ct).ConfigureAwait(false));
        }

        return new OrgSnapshot
        {
            ApiUrl = endpoint.RestBase.AbsoluteUri,
            ReadAt = clock.GetUtcNow(),
            Org = new OrgProfile
            {
                Login = Str(orgNode, "login") ?? org,
                Name = Str(orgNode, "name"),
                Description = Str(orgNode, "description"),
                Url = Str(orgNode, "url") ?? $"https://github.com/{org}",
                Blog = Str(orgNode, "websiteUrl"),
                Location = Str(orgNode, "location"),
                Email = Str(orgNode, "email"),
                AvatarUrl = Str(orgNode, "avatarUrl"),
                IsVerified = orgNode!["isVerified"]?.GetValue<bool>() ?? false,
                PublicRepos = repos.Count(r => r.Visibility == "public"),
                CreatedAt = Date(orgNode, "createdAt"),
            },
            Repos = [.. repos.OrderBy(r => r.Name, RepoOrder.Names)],
        };
    }

    // Mapping may read a licence's bytes (REST): a few at a time; the first failure stops the rest.
    private async Task<RepoSnapshot[]> MapAsync(IReadOnlyList<JsonNode> nodes, HashSet<string> pinned, Dictionary<string, (string? Readme, string? License)> fetched, CancellationToken ct)
    {
        var repos = new RepoSnapshot[nodes.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, nodes.Count), new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency, CancellationToken = ct },
            async (i, _) => repos[i] = await ToRepoAsync(nodes[i], pinned, fetched).ConfigureAwait(false)).ConfigureAwait(false);
        return repos;
    }

    private async Task<JsonNode> PostAsync(string org, string? cursor)
    {
        // The one GraphQL transport (endpoint missing → unavailable, not JSON → one line); this
        // reader maps GitHub's error types to what they mean for reading an organization.
        var (answer, _) = await GraphQl.SendAsync(client, endpoint, Query, new { org, cursor }, $"the repositories of '{org}'").ConfigureAwait(false);
        var root = answer ?? throw new GitHubException($"GitHub's GraphQL API gave an empty answer for '{org}'");
        if (root["errors"] is JsonArray { Count: > 0 } errors)
        {
            var first = errors[0]!;
            var type = Str(first, "type");
            var message = Str(first, "message") ?? "unknown error";
            throw type switch
            {
                "NOT_FOUND" => new GitHubException($"GitHub found no organization '{org}' (or this token cannot see it)", 404),
                "RATE_LIMITED" => new GitHubException($"GitHub's GraphQL rate limit stopped the run: {message}", 403),
                "SERVICE_UNAVAILABLE" or "TIMEOUT" or "INTERNAL" => new GitHubException($"GitHub's GraphQL API kept failing to answer all of the query for '{org}' ({type}: {message}); a partial answer is never rendered, so nothing was written"),
                _ => new GitHubException($"GitHub's GraphQL API refused the query for '{org}': {message}"),
            };
        }
        return root["data"] ?? throw new GitHubException($"GitHub's GraphQL API gave no data for '{org}'");
    }

    /// <summary>Repositories per batched file request: GitHub's limit on one query's nodes is far above it.</summary>
    internal const int FilesPerBatch = 100;

    private sealed record WantedFiles(string Name, string? Readme, string? License);

    // What the page did not bring: a README under another name than README.md, a licence file
    // under another name than the three the page asks for (only when GitHub could not tell the licence).
    private static WantedFiles FilesWanted(JsonNode n)
    {
        var rootFiles = RootFiles(n);
        var readme = n["readme"] is JsonObject ? null : OtherReadme(rootFiles);
        var spdx = Str(n["licenseInfo"], "spdxId");
        var licensePath = n["licenseInfo"] is null || RepoLicense.GitHubKnows(spdx) ? null : LicensePath(rootFiles);
        var license = licensePath is null or "LICENSE" or "LICENCE" or "LICENSE.md" ? null : licensePath;
        return new WantedFiles(Str(n, "name")!, readme, license);
    }

    internal static string FilesQuery(int repositories, Func<int, (bool Readme, bool License)> asks)
    {
        var query = new System.Text.StringBuilder("query Files($owner: String!");
        for (var i = 0; i < repositories; i++)
        {
            var (readme, license) = asks(i);
            query.Append($", $n{i}: String!").Append(readme ? $", $r{i}: String!" : "").Append(license ? $", $l{i}: String!" : "");
        }
        query.Append(") {\n");
        for (var i = 0; i < repositories; i++)
        {
            var (readme, license) = asks(i);
            query.Append($"  f{i}: repository(owner: $owner, name: $n{i}) {{")
                .Append(readme ? $" readme: object(expression: $r{i}) {{ ... on Blob {{ text isBinary }} }}" : "")
                .Append(license ? $" license: object(expression: $l{i}) {{ ... on Blob {{ text isBinary }} }}" : "")
                .Append(" }\n");
        }
        return query.Append('}').ToString();
    }

    private async Task<IEnumerable<(string Name, (string? Readme, string? License) Files)>> FetchFilesAsync(string org, WantedFiles[] batch)
    {
        var variables = new Dictionary<string, object?> { ["owner"] = org };
        for (var i = 0; i < batch.Length; i++)
        {
            variables[$"n{i}"] = batch[i].Name;
            if (batch[i].Readme is { } readme)
            {
                variables[$"r{i}"] = "HEAD:" + readme;
            }
            if (batch[i].License is { } license)
            {
                variables[$"l{i}"] = "HEAD:" + license;
            }
        }
        var query = FilesQuery(batch.Length, i => (batch[i].Readme is not null, batch[i].License is not null));
        var data = await GraphQl.QueryAsync(client, endpoint, query, variables, $"the README and licence files of '{org}' (GraphQL)").ConfigureAwait(false);
        return batch.Select((w, i) => (w.Name, (Text(data[$"f{i}"]?["readme"]), Text(data[$"f{i}"]?["license"]))));
    }

    private static string? Text(JsonNode? blob) => blob is not null && blob["isBinary"]?.GetValue<bool>() != true ? Str(blob, "text") : null;

    private static string[] RootFiles(JsonNode n) =>
        n["root"]?["entries"]?.AsArray().Where(e => Str(e, "type") == "blob").Select(e => Str(e, "name")!).ToArray() ?? [];

    private static string? LicensePath(string[] rootFiles) =>
        rootFiles.Where(LicenseCatalog.IsLicenseFileName).OrderBy(LicenseCatalog.Preference).ThenBy(f => f, StringComparer.Ordinal).FirstOrDefault();

    // The README GitHub shows when there is no README.md: other Markdown, then plain text and the rest.
    private static string? OtherReadme(string[] rootFiles) =>
        rootFiles.Where(IsReadme).OrderBy(ReadmePreference).ThenBy(f => f, StringComparer.Ordinal).FirstOrDefault();

    private static int ReadmePreference(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".md" or ".markdown" => 0,
        "" => 1,
        ".txt" => 2,
        _ => 3,
    };

    private async Task<RepoSnapshot> ToRepoAsync(JsonNode n, HashSet<string> pinned, Dictionary<string, (string? Readme, string? License)> fetched)
    {
        var name = Str(n, "name")!;
        var fullName = Str(n, "nameWithOwner")!;
        var owner = fullName[..fullName.IndexOf('/')];
        var url = Str(n, "url")!;
        var branch = n["defaultBranchRef"]?["name"]?.GetValue<string>();
        var rootFiles = RootFiles(n);
        var more = fetched.GetValueOrDefault(name);

        var readmeText = n["readme"] is { } blob && blob["isBinary"]?.GetValue<bool>() != true ? Str(blob, "text") : null;
        var readmeName = readmeText is null ? null : "README.md";
        if (readmeText is null && more.Readme is { } otherText)
        {
            (readmeText, readmeName) = (otherText, OtherReadme(rootFiles));
        }

        ReadmeHeader? header = null;
        IReadOnlyList<ShieldsBadge> badges = [];
        if (readmeText is not null)
        {
            (header, badges) = ReadmeHeader.Read(readmeName!, branch is null ? null : $"{url}/blob/{branch}/{readmeName}", readmeText);
        }

        return new RepoSnapshot
        {
            Name = name,
            FullName = fullName,
            Description = NullIfBlank(Str(n, "description")),
            Url = url,
            Homepage = NullIfBlank(Str(n, "homepageUrl")),
            Language = n["primaryLanguage"]?["name"]?.GetValue<string>(),
            Topics = n["repositoryTopics"]?["nodes"]?.AsArray().Select(t => t?["topic"]?["name"]?.GetValue<string>()).OfType<string>().Order(StringComparer.Ordinal).ToArray() ?? [],
            Stars = n["stargazerCount"]?.GetValue<int>() ?? 0,
            Forks = n["forkCount"]?.GetValue<int>() ?? 0,
            Archived = n["isArchived"]?.GetValue<bool>() ?? false,
            Fork = n["isFork"]?.GetValue<bool>() ?? false,
            IsTemplate = n["isTemplate"]?.GetValue<bool>() ?? false,
            Visibility = (Str(n, "visibility") ?? "PUBLIC").ToLowerInvariant(),
            CreatedAt = Date(n, "createdAt"),
            UpdatedAt = Date(n, "updatedAt"),
            PushedAt = Date(n, "pushedAt"),
            DefaultBranch = branch,
            License = await LicenseAsync(n, owner, name, url, branch, rootFiles, more.License).ConfigureAwait(false),
            Readme = header,
            Badges = badges,
            Pinned = pinned.Contains(name),
            RootFiles = n["root"]?["entries"]?.AsArray().Select(e => Str(e, "type") == "tree" ? Str(e, "name") + "/" : Str(e, "name")).OfType<string>().Order(StringComparer.Ordinal).ToArray(),
        };
    }

    private async Task<RepoLicense?> LicenseAsync(JsonNode n, string owner, string name, string url, string? branch, string[] rootFiles, string? fetchedText)
    {
        if (n["licenseInfo"] is not { } info)
        {
            return null;
        }
        var path = LicensePath(rootFiles);
        var fileUrl = path is null || branch is null ? null : $"{url}/blob/{branch}/{path}";
        var spdx = Str(info, "spdxId");
        if (RepoLicense.GitHubKnows(spdx))
        {
            return RepoLicense.Decide(spdx, Str(info, "name"), Str(info, "key"), path, fileUrl, identified: null);
        }
        // GitHub could not tell (it does not know the LiLiQ licences): read the file itself,
        // from the page when it has one of the usual names, else with one REST call.
        string? identified = null;
        var text = path switch
        {
            "LICENSE" => Text(n["licenseFile"]),
            "LICENCE" => Text(n["licenceFile"]),
            "LICENSE.md" => Text(n["licenseMarkdown"]),
            _ => fetchedText,
        };
        // GitHub's GraphQL gives a blob's text decoded as UTF-8: a Windows-1252 licence comes back
        // with U+FFFD in it (or as null), so its bytes are read instead, as the REST reader does.
        if (text is not null && !text.Contains('\uFFFD'))
        {
            identified = LicenseIdentifier.IdentifyText(text);
        }
        else if (path is not null && branch is not null)
        {
            var bytes = await GitHubErrors.GuardOptional(() => client.Repository.Content.GetRawContentByRef(owner, name, path, branch), $"{path} of {owner}/{name}").ConfigureAwait(false);
            identified = bytes is null ? null : LicenseIdentifier.Identify(bytes);
        }
        return RepoLicense.Decide(spdx, Str(info, "name"), Str(info, "key"), path, fileUrl, identified);
    }

    private static bool IsReadme(string fileName) =>
        fileName.StartsWith("readme", StringComparison.OrdinalIgnoreCase) && !fileName.Equals("README.md", StringComparison.Ordinal);

    private static string? Str(JsonNode? node, string property) => GraphQl.Str(node, property);

    private static DateTimeOffset? Date(JsonNode node, string property) =>
        Str(node, property) is { } s ? DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : null;

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}

/// <summary>The GraphQL endpoint itself is missing (an old or restricted server): the REST reader can take over.</summary>
internal sealed class GraphQlUnavailableException(string message, Exception? inner) : GitHubException(message, null, inner);
