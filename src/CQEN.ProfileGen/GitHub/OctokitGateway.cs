using System.Text;
using CQEN.ProfileGen.Badges;
using CQEN.ProfileGen.Licenses;
using CQEN.ProfileGen.Publishing;
using CQEN.ProfileGen.Snapshots;
using Octokit;

namespace CQEN.ProfileGen.GitHub;

/// <summary>
/// The GitHub adapter over Octokit's REST client. Octokit types stop here: callers get our
/// records, and Octokit's exceptions become <see cref="GitHubException"/> (see <see cref="GitHubErrors"/>).
/// </summary>
internal sealed partial class OctokitGateway(IGitHubClient client, GitHubEndpoint endpoint, TimeProvider clock, OrgReader reader = OrgReader.Rest, int maxConcurrency = 8) : IGitHubGateway
{
    /// <summary>Whether the run has no token: GitHub then allows 60 requests an hour, checked before reading.</summary>
    public bool Anonymous { get; init; }

    /// <summary>
    /// REST requests in flight at once, at most: GitHub asks for serial requests and counts 900
    /// points a minute per endpoint (REAL-GITHUB.md R13).
    /// </summary>
    internal const int MaxRestInFlight = 2;

    private int RestConcurrency => Math.Clamp(maxConcurrency, 1, MaxRestInFlight);

    /// <summary>Where the repositories read are counted, for progress.</summary>
    public GitHubUsage? Usage { get; init; }

    /// <summary>The cache folder, where the GraphQL reader keeps what it read from each repository's files (null: none).</summary>
    public string? ReadCacheDirectory { get; init; }

    /// <summary>The time the run is given, which the GraphQL reader's estimate is checked against (null: 15 minutes).</summary>
    public TimeSpan? ReadTimeBudget { get; init; }

    /// <summary>How the GraphQL reader lists the organization after its first page.</summary>
    public RepositoryList List { get; init; } = RepositoryList.WhenSlow;

    /// <summary>Whether <c>publiccode.yml</c> and <c>catalog-info.yaml</c> are read (the configuration's catalogue sources use them).</summary>
    public bool CatalogueFiles { get; init; } = true;

    /// <summary>The custom property names to read (the custom-property catalogue source); null: none are read.</summary>
    public IReadOnlyCollection<string>? CustomPropertyNames { get; init; }

    public async Task<OrgSnapshot> ReadAsync(string org, CancellationToken cancellationToken)
    {
        if (reader != OrgReader.Rest)
        {
            try
            {
                return await new GraphQlOrgReader(client, endpoint, clock, RestConcurrency, Usage)
                {
                    CacheDirectory = ReadCacheDirectory,
                    TimeBudget = ReadTimeBudget ?? TimeSpan.FromMinutes(15),
                    // With a cache to keep what was read and a time the run was given, the read
                    // stops in time and the next run goes on; without a cache, stopping would waste it.
                    StopBeforeTimeRunsOut = ReadCacheDirectory is not null && ReadTimeBudget is not null,
                    ListWithRestWhenSlow = List == RepositoryList.WhenSlow,
                    ListWithRest = List == RepositoryList.Rest,
                    CatalogueFiles = CatalogueFiles,
                    CustomPropertyNames = CustomPropertyNames,
                }.ReadAsync(org, cancellationToken).ConfigureAwait(false);
            }
            catch (GraphQlUnavailableException) when (reader == OrgReader.Auto)
            {
                // An old or restricted server without GraphQL: the REST reader gives the same snapshot.
            }
        }
        return await ReadWithRestAsync(org, cancellationToken).ConfigureAwait(false);
    }

    private async Task<OrgSnapshot> ReadWithRestAsync(string org, CancellationToken cancellationToken)
    {
        var profile = await GitHubErrors.Guard(() => client.Organization.Get(org), $"organization '{org}'").ConfigureAwait(false);
        var repos = await ListAsync(org).ConfigureAwait(false);
        // The read cache, as the GraphQL reader keeps it: a repository nothing was pushed to since
        // the last run (its pushed_at and default branch, which the list gives) is not read again.
        var cache = ReadCacheDirectory is { } directory
            ? await ReadCache.OpenAsync(directory, endpoint, org, Usage is null ? null : Usage.WarnAsync, ReadCache.RestReader).ConfigureAwait(false)
            : null;
        var known = repos.Select(r => cache?.FindUnpushed(r.Snapshot.Name, r.Snapshot.DefaultBranch, r.Snapshot.PushedAt) is { } entry
            && (entry.LicenseRead || r.License is null || RepoLicense.GitHubKnows(r.License.SpdxId)) ? entry : null).ToArray();
        await CheckBudgetAsync(org, [.. repos.Where((_, i) => known[i] is null)]).ConfigureAwait(false);

        // A few at a time, gentle with GitHub's secondary rate limits; the first failure stops
        // the reads not yet started and fails the run, so no partial snapshot is built.
        var details = new RepoSnapshot[repos.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, repos.Length), new ParallelOptions { MaxDegreeOfParallelism = RestConcurrency, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var (repo, listed) = repos[i];
            if (known[i] is { } entry)
            {
                details[i] = FromCache(repo, listed, entry);
            }
            else
            {
                ReadCache.Entry read;
                (details[i], read) = await ReadRepositoryAsync(repo, listed, ct).ConfigureAwait(false);
                entry = read;
            }
            cache?.Keep(repo.Name, entry);
            Usage?.RepositoriesRead(1);
        }).ConfigureAwait(false);
        if (cache is not null)
        {
            await cache.SaveAsync().ConfigureAwait(false);
        }
        // Read every run: custom properties change without a push. Anonymous calls may not read them.
        if (CustomPropertyNames is { } names && !Anonymous
            && await OrgCustomProperties.ReadAsync(client, org, names, Usage is null ? null : Usage.WarnAsync).ConfigureAwait(false) is { } properties)
        {
            details = [.. details.Select(r => r with { CustomProperties = properties(r.Name) })];
        }

        return new OrgSnapshot
        {
            ApiUrl = endpoint.RestBase.AbsoluteUri,
            ReadAt = clock.GetUtcNow(),
            Org = new OrgProfile
            {
                Login = profile.Login,
                Name = profile.Name,
                Description = profile.Description,
                Url = profile.HtmlUrl,
                Blog = NullIfEmpty(profile.Blog),
                Location = NullIfEmpty(profile.Location),
                Email = NullIfEmpty(profile.Email),
                AvatarUrl = profile.AvatarUrl,
                IsVerified = profile.IsVerified,
                PublicRepos = profile.PublicRepos,
                CreatedAt = profile.CreatedAt,
            },
            Repos = details.OrderBy(r => r.Name, RepoOrder.Names).ToArray(),
        };
    }

    // The organization's list, a page of 100 at a time, each page kept as what the snapshot needs
    // and let go: Octokit's repository objects are large (owner, permissions, every URL template),
    // and holding all of them at once was most of a 50,000-repository run's memory.
    private async Task<(RepoSnapshot Snapshot, LicenseMetadata? License)[]> ListAsync(string org)
    {
        var repos = new List<(RepoSnapshot, LicenseMetadata?)>();
        Uri? next = new($"orgs/{Uri.EscapeDataString(org)}/repos", UriKind.Relative);
        Dictionary<string, string>? parameters = new() { ["per_page"] = "100" };
        while (next is not null)
        {
            var (url, query) = (next, parameters);
            var page = await GitHubErrors.Guard(() => client.Connection.Get<List<Repository>>(url, query), $"the repositories of '{org}'").ConfigureAwait(false);
            repos.AddRange(page.Body.Select(r => (Listed(r), (LicenseMetadata?)r.License)));
            // GitHub's next link carries the query, as Octokit's own paging follows it.
            (next, parameters) = (page.HttpResponse.ApiInfo?.GetNextPageUrl(), null);
        }
        return [.. repos];
    }

    /// <summary>Requests the REST reader makes for the listed repositories: a README each, and a licence for those that have one.</summary>
    private int RestRequestsFor(IReadOnlyCollection<(RepoSnapshot Snapshot, LicenseMetadata? License)> repos) =>
        repos.Count + repos.Count(r => r.License is not null) + (CatalogueFiles && !Anonymous ? repos.Count : 0);

    // Once the list says how many repositories there are, stop before half-reading and waiting
    // an hour, naming the shortfall: without a token GitHub allows 60 requests an hour, with one
    // 5,000 (a 20,000-repository organization needs about 40,000). A token's limit that resets
    // within minutes is waited for by the retry pipeline instead. GET /rate_limit itself is free.
    private async Task CheckBudgetAsync(string org, IReadOnlyCollection<(RepoSnapshot Snapshot, LicenseMetadata? License)> repos)
    {
        if (repos.Count == 0)
        {
            return;
        }
        var limits = await GitHubErrors.Guard(() => client.RateLimit.GetRateLimits(), "the rate limit").ConfigureAwait(false);
        var core = limits.Resources.Core;
        var needed = RestRequestsFor(repos);
        if (core.Remaining >= needed)
        {
            return;
        }
        if (Anonymous)
        {
            throw new GitHubException(
                $"reading '{org}' without a token needs {needed} more requests ({repos.Count} public repositories), but GitHub allows {core.Remaining} more this hour (of {core.Limit}, until {core.Reset.UtcDateTime:HH:mm} UTC): set GITHUB_TOKEN (or GH_TOKEN), or render from a snapshot");
        }
        var resetsSoon = core.Reset - clock.GetUtcNow() <= TimeSpan.FromMinutes(5);
        if (!resetsSoon || needed > core.Remaining + core.Limit)
        {
            throw new GitHubException(
                $"reading '{org}' with REST needs {needed} more requests ({repos.Count} repositories), but GitHub allows {core.Remaining} more this hour (of {core.Limit}, until {core.Reset.UtcDateTime:HH:mm} UTC): read with GraphQL (--reader graphql), wait for the reset, or render from a snapshot");
        }
    }

    // A repository as the cache kept what its files said (the same values a read would give), with the list's metadata.
    private static RepoSnapshot FromCache(RepoSnapshot repo, LicenseMetadata? listed, ReadCache.Entry entry)
    {
        string? FileUrl(string? path) => path is null || repo.DefaultBranch is null ? null : $"{repo.Url}/blob/{repo.DefaultBranch}/{path}";
        return repo with
        {
            License = listed is null ? null : RepoLicense.Decide(listed.SpdxId, listed.Name, listed.Key, entry.LicensePath, FileUrl(entry.LicensePath), entry.LicenseIdentified),
            Readme = entry.Readme is null ? null : entry.Readme with { Url = FileUrl(entry.Readme.Path) },
            Badges = entry.Readme is null ? [] : entry.Badges,
            Publiccode = entry.Publiccode,
            CatalogInfo = entry.CatalogInfo,
            ReadmeSummaries = entry.ReadmeSummaries,
        };
    }

    private async Task<(RepoSnapshot Repo, ReadCache.Entry Read)> ReadRepositoryAsync(RepoSnapshot repo, LicenseMetadata? listedLicense, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var owner = repo.FullName[..repo.FullName.IndexOf('/', StringComparison.Ordinal)];
        var readme = await GitHubErrors.GuardOptional(() => client.Repository.Content.GetReadme(owner, repo.Name), $"the README of {repo.FullName}").ConfigureAwait(false);
        var (license, identified, licensePath) = listedLicense is null
            ? (null, null, null)
            : await ReadLicenseAsync(owner, repo, listedLicense).ConfigureAwait(false);

        ReadmeHeader? header = null;
        IReadOnlyList<ShieldsBadge> badges = [];
        if (readme?.Content is { } text)
        {
            // The path (".github/README.md" when GitHub shows that one), as the GraphQL reader names it.
            (header, badges) = ReadmeHeader.Read(ReadmePath(readme), readme.HtmlUrl, text);
        }
        // Not anonymously: the root's listing is one more request per repository, out of 60 an hour.
        var (publiccode, catalogInfo, readmeSummaries) = CatalogueFiles && !Anonymous ? await ReadCatalogueFilesAsync(owner, repo).ConfigureAwait(false) : (null, null, null);
        return (repo with { License = license, Readme = header, Badges = badges, Publiccode = publiccode, CatalogInfo = catalogInfo, ReadmeSummaries = readmeSummaries },
            new ReadCache.Entry(null, header, badges, identified, LicenseRead: listedLicense is not null && !RepoLicense.GitHubKnows(listedLicense.SpdxId),
                Branch: repo.DefaultBranch, PushedAt: repo.PushedAt, LicensePath: licensePath)
            {
                Publiccode = publiccode,
                CatalogInfo = catalogInfo,
                ReadmeSummaries = readmeSummaries,
            });
    }

    // The catalogue files' texts (untrusted, unparsed) and the READMEs written in one language's
    // first sentences: the root's listing says which are there (one request), and only those are
    // read. An empty repository has no root.
    private async Task<(string? Publiccode, string? CatalogInfo, IReadOnlyDictionary<string, string>? ReadmeSummaries)> ReadCatalogueFilesAsync(string owner, RepoSnapshot repo)
    {
        var root = await GitHubErrors.GuardOptional(() => client.Repository.Content.GetAllContents(owner, repo.Name), $"the root of {repo.FullName}").ConfigureAwait(false);
        var entries = root?.Select(c => new TreeEntry(c.Name, c.Type.Value switch { ContentType.File => "blob", ContentType.Dir => "tree", _ => c.Type.StringValue }, c.Type.Value == ContentType.Symlink ? ReadmeLookup.SymlinkMode : null)).ToArray();
        async Task<string?> TextAsync(string? path, int maxBytes = int.MaxValue)
        {
            if (path is null)
            {
                return null;
            }
            var bytes = await GitHubErrors.GuardOptional(() => client.Repository.Content.GetRawContent(owner, repo.Name, path), $"{path} of {repo.FullName}").ConfigureAwait(false);
            return bytes is null ? null : Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, maxBytes));
        }
        var summaries = new List<(string, string?)>();
        foreach (var language in CatalogueFileLookup.ReadmeLanguages)
        {
            // As much of a README as GitHub shows (and the GraphQL reader reads): its first sentence is near the top.
            summaries.Add((language, await TextAsync(CatalogueFileLookup.ChooseReadme(entries, language), GraphQlOrgReader.ReadmeBytesShown).ConfigureAwait(false)));
        }
        return (await TextAsync(CatalogueFileLookup.Choose(entries, CatalogueFileLookup.PubliccodeNames)).ConfigureAwait(false),
            await TextAsync(CatalogueFileLookup.Choose(entries, CatalogueFileLookup.CatalogInfoNames)).ConfigureAwait(false),
            CatalogueFileLookup.Summaries(summaries));
    }

    // Octokit's Readme has no path: it is the end of its contents URL (".../contents/.github/README.md?ref=main").
    private static string ReadmePath(Readme readme)
    {
        var url = readme.Url ?? "";
        var at = url.IndexOf("/contents/", StringComparison.Ordinal);
        if (at < 0)
        {
            return readme.Name;
        }
        var path = url[(at + "/contents/".Length)..];
        return Uri.UnescapeDataString(path.Split('?')[0]) is { Length: > 0 } p ? p : readme.Name;
    }

    // What the organization's list says of a repository; its README and licence come after.
    private static RepoSnapshot Listed(Repository repo) =>
        new()
        {
            Name = repo.Name,
            FullName = repo.FullName,
            Description = NullIfEmpty(repo.Description),
            Url = repo.HtmlUrl,
            Homepage = NullIfEmpty(repo.Homepage),
            Language = NullIfEmpty(repo.Language),
            Topics = (repo.Topics ?? []).Order(StringComparer.Ordinal).ToArray(),
            Stars = repo.StargazersCount,
            Forks = repo.ForksCount,
            Archived = repo.Archived,
            Fork = repo.Fork,
            IsTemplate = repo.IsTemplate,
            Visibility = Visibility(repo),
            CreatedAt = repo.CreatedAt,
            UpdatedAt = repo.UpdatedAt,
            PushedAt = repo.PushedAt,
            DefaultBranch = repo.DefaultBranch,
            // REST's list has none of GraphQL's health fields and asking would cost requests per
            // repository: community files, CI and release are "unknown"; activity comes from the push date.
            Health = RepoHealthRead.NotRead,
        };

    /// <summary>
    /// GitHub's licence answer, plus the file's path and web URL (badges link to the file). When
    /// GitHub could not tell (NOASSERTION, "other" — it does not know the LiLiQ licences), the
    /// licence is identified from the file's text.
    /// </summary>
    private async Task<(RepoLicense? License, string? Identified, string? Path)> ReadLicenseAsync(string owner, RepoSnapshot repo, LicenseMetadata listed)
    {
        // Octokit's licence model drops the file content, so read GitHub's answer into our own shape.
        var response = await GitHubErrors.GuardOptional(
            () => client.Connection.Get<LicenseFileResponse>(new Uri($"repos/{owner}/{repo.Name}/license", UriKind.Relative), null),
            $"the licence of {repo.FullName}").ConfigureAwait(false);
        var contents = response?.Body;
        var githubSpdx = contents?.License?.SpdxId ?? listed.SpdxId;
        var identified = !RepoLicense.GitHubKnows(githubSpdx) && contents?.Content is { } base64 ? LicenseIdentifier.Identify(Decode(base64)) : null;
        return (RepoLicense.Decide(githubSpdx, contents?.License?.Name ?? listed.Name, contents?.License?.Key ?? listed.Key,
            contents?.Path, contents?.HtmlUrl, identified), identified, contents?.Path);
    }

    private static byte[] Decode(string base64)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return Encoding.UTF8.GetBytes(base64);
        }
    }

    private static string Visibility(Repository repo) => repo.Visibility switch
    {
        RepositoryVisibility.Private => "private",
        RepositoryVisibility.Internal => "internal",
        RepositoryVisibility.Public => "public",
        _ => repo.Private ? "private" : "public",
    };

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    /// <summary>GET /repos/{o}/{r}/license as GitHub sends it (Octokit maps snake_case names onto these).</summary>
    private sealed class LicenseFileResponse
    {
        public string? Path { get; set; }
        public string? HtmlUrl { get; set; }
        public string? Content { get; set; }
        public LicenseMetadata? License { get; set; }
    }
}

/// <summary>How to read an organization: REST (any token or none), GraphQL (needs a token), or GraphQL when possible.</summary>
internal enum OrgReader
{
    Auto,
    Rest,
    GraphQl,
}

/// <summary>
/// How the GraphQL reader lists an organization after its first page: REST's numbered pages when
/// the GraphQL list would not fit the run's time (the default), or always one or the other (tests
/// and the bench use these to keep a list mode whatever the run's time; PROFILEGEN_LIST).
/// </summary>
internal enum RepositoryList
{
    WhenSlow,
    GraphQl,
    Rest,
}
