using CQEN.ProfileGen.Badges;
using CQEN.ProfileGen.Licenses;
using CQEN.ProfileGen.Snapshots;
using Octokit;

namespace CQEN.ProfileGen.GitHub;

/// <summary>
/// Reads an organization in ceil(N/100) GraphQL requests (plus one for the org and pins) instead
/// of 2N+ REST calls. The list pages are light (REAL-GITHUB.md R3): what every repository needs
/// (metadata, licence info, the default branch's head commit, root entries with their mode), no
/// file texts. README and licence texts come in a batched second pass, for the repositories that
/// have them and only those whose head moved since the read cache last saw them (<see cref="ReadCache"/>).
/// REST is used for a text GraphQL cannot give (cut over 512 KB, or not UTF-8), and for the rest
/// of the list when GraphQL's pages would not fit the run's time (<see cref="ListWithRestWhenSlow"/>).
/// GraphQL needs a token; without one the REST reader is used.
/// </summary>
internal sealed class GraphQlOrgReader(IGitHubClient client, GitHubEndpoint endpoint, TimeProvider clock, int maxConcurrency = 8, GitHubUsage? usage = null,
    int firstPageSize = GraphQlOrgReader.FirstPageSize, bool adaptive = true)
{
    /// <summary>
    /// Repositories asked for on the first page: what one light page can bring within GitHub's
    /// 10-second budget (about 8.7 s for 100 under the stand-in's cost model, which follows real
    /// measurements: 100 light repositories 8–10 s). A page GitHub finds too heavy is halved.
    /// </summary>
    internal const int FirstPageSize = 100;

    /// <summary>Where what was read from the files is kept between runs (null: every run reads every file).</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>The time a read may take before a warning says it will not fit (the starter workflow's timeout-minutes).</summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Whether the rest of the list is read from REST's numbered pages when the GraphQL list would
    /// take more than half the time the run is given (measured on its first page). GitHub answers
    /// GraphQL one query at a time (60 s of GraphQL CPU per minute), so light GraphQL pages of 100
    /// at 8–10 s each cannot list 20,000 repositories in 15 minutes; REST's list pages are numbered,
    /// so two can be in flight, and they run beside the GraphQL file batches (REST has its own
    /// share of GitHub's CPU budget). A REST page gives no head commit: a repository is then known
    /// unchanged by its <c>pushed_at</c> and default branch (<see cref="ReadCache.FindUnpushed"/>),
    /// and one that moved gets its head and root entries in its file batch.
    /// </summary>
    public bool ListWithRestWhenSlow { get; init; } = true;

    /// <summary>Whether the rest of the list is read from REST's pages whatever the time (tests and the bench: PROFILEGEN_LIST=rest).</summary>
    public bool ListWithRest { get; init; }

    /// <summary>
    /// Whether the read stops before <see cref="TimeBudget"/> runs out (<see cref="ReadTimeWithin"/>):
    /// no file batch or list page is asked that would not end in time, what was read is saved in
    /// the read cache beside what earlier runs kept, and <see cref="ReadUnfinishedException"/> says
    /// so. The next run reads only what the cache does not hold, and so on until one completes.
    /// Only with a cache: without one, stopping would throw the work away.
    /// </summary>
    public bool StopBeforeTimeRunsOut { get; init; }

    /// <summary>The least of the run's time left for what comes before and after the read (<see cref="ReadTimeWithin"/>).</summary>
    internal static readonly TimeSpan LeastMargin = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The time the read itself may take out of the job's <paramref name="budget"/>. The job's
    /// timer starts before the tool does (checkout, cache restore, fetching the tool: about a
    /// minute on a hosted runner) and the run goes on after the read (custom properties, render,
    /// publish's few requests and one commit, then actions/cache saving the cache folder, tens of
    /// MB at 20,000 repositories): 2 minutes at least, and 15 % of a longer budget, since a
    /// longer budget is given to a larger organization, whose render, cache and save grow with it.
    /// </summary>
    internal static TimeSpan ReadTimeWithin(TimeSpan budget) => budget - TimeSpan.FromTicks(Math.Max(LeastMargin.Ticks, (long)(budget.Ticks * 0.15)));

    /// <summary>Whether <c>publiccode.yml</c> and <c>catalog-info.yaml</c> are read where the root shows them (the configuration's catalogue sources).</summary>
    public bool CatalogueFiles { get; init; } = true;

    /// <summary>The custom property names to read (the custom-property catalogue source); null: none are read.</summary>
    public IReadOnlyCollection<string>? CustomPropertyNames { get; init; }

    /// <summary>Repositories on a REST list page (GitHub's most).</summary>
    internal const int RestPageSize = 100;

    internal const string Query = """
        query OrgRepos($org: String!, $cursor: String, $first: Int!) {
          rateLimit { cost limit remaining used resetAt nodeCount }
          organization(login: $org) {
            login name description url websiteUrl location email avatarUrl isVerified createdAt
            pinnedItems(first: 6, types: REPOSITORY) { nodes { ... on Repository { name } } }
            repositories(first: $first, after: $cursor, orderBy: {field: NAME, direction: ASC}) {
              totalCount
              pageInfo { hasNextPage endCursor }
              nodes {
                name nameWithOwner url description homepageUrl visibility isArchived isFork
                isTemplate stargazerCount forkCount pushedAt updatedAt createdAt
                defaultBranchRef { name target { oid } }
                primaryLanguage { name }
                licenseInfo { key name spdxId }
                repositoryTopics(first: 100) { nodes { topic { name } } }
                root: object(expression: "HEAD:") { ... on Tree { entries { name type mode } } }
              }
            }
          }
        }
        """;

    public async Task<OrgSnapshot> ReadAsync(string org, CancellationToken ct)
    {
        _readStart = clock.GetTimestamp();
        var cache = CacheDirectory is { } directory ? await ReadCache.OpenAsync(directory, endpoint, org, usage is null ? null : usage.WarnAsync).ConfigureAwait(false) : null;
        if (cache?.FilesCeiling is > 0 and var ceiling)
        {
            _filesSize.CapAt(ceiling);
        }
        var repos = new List<RepoSnapshot>();
        // Repositories whose README or licence text is to be read: mapped once the batched file
        // request has them. Every other page is mapped as it arrives and let go, so memory holds
        // the snapshot, not the pages.
        var waiting = new List<(RepoNode Node, WantedFiles Files)>();
        // Repositories listed by REST and not in the cache: their head and root entries come with their files.
        var unlisted = new List<RepoNode>();
        // The REST page each repository a REST page listed and this run has not read yet came from:
        // a read that stops goes on from the first of them next time.
        var unreadOnPage = new Dictionary<string, int>(StringComparer.Ordinal);
        void Read(RepoSnapshot[] read)
        {
            repos.AddRange(read);
            foreach (var repo in read)
            {
                unreadOnPage.Remove(repo.Name);
            }
        }
        OrgNode? orgNode = null;
        HashSet<string>? pinned = null;
        // The REST page the list goes on from, when it does (0: GraphQL to the end), and the names GraphQL listed.
        var restFrom = 0;
        var listedByGraphQl = new HashSet<string>(StringComparer.Ordinal);
        var firstPage = clock.GetTimestamp();
        var firstPageTime = TimeSpan.Zero;
        try
        {
            // The next page is asked for before this one is mapped, so mapping overlaps the wait.
            var next = PageAsync(org, null);
            try
            {
                while (next is not null)
                {
                    ct.ThrowIfCancellationRequested();
                    orgNode = await next.ConfigureAwait(false);
                    next = null;
                    var page = orgNode.Repositories ?? throw new GitHubException($"GitHub's GraphQL API gave no repositories for '{org}'");
                    var isFirst = pinned is null;
                    pinned ??= orgNode.PinnedItems?.Present.Select(p => p.Name).OfType<string>().ToHashSet(StringComparer.Ordinal) ?? [];
                    var ready = new List<RepoNode>();
                    foreach (var node in page.Nodes?.OfType<RepoNode>() ?? [])
                    {
                        // A repository not in the cache as it is gets its files and its health in one batch.
                        var files = Cached(cache, node) is null ? FilesWanted(node) with { Health = true } : null;
                        if (files is null)
                        {
                            ready.Add(node);
                        }
                        else
                        {
                            waiting.Add((node, files));
                        }
                    }
                    // A full batch of files is read before the next page is asked for: one request in
                    // flight at a time (GitHub asks for serial requests), and at most a batch of pages'
                    // repositories held waiting, whatever the organization's size.
                    while (waiting.Count >= FilesPerBatch)
                    {
                        repos.AddRange(await ReadFilesAsync(org, waiting[..FilesPerBatch], pinned, cache, ct).ConfigureAwait(false));
                        waiting.RemoveRange(0, FilesPerBatch);
                    }
                    if (isFirst)
                    {
                        firstPageTime = clock.GetElapsedTime(firstPage);
                        if (page.PageInfo is { HasNextPage: true } && (ListWithRest || (ListWithRestWhenSlow && GraphQlEstimate(page, firstPageTime).Time > ListingTime)))
                        {
                            restFrom = (page.Nodes?.Count ?? 0) / RestPageSize + 1;
                            listedByGraphQl.UnionWith(page.Nodes?.OfType<RepoNode>().Select(n => n.Name) ?? []);
                        }
                        else
                        {
                            await EstimateAsync(org, page, firstPageTime).ConfigureAwait(false);
                        }
                    }
                    if (restFrom == 0 && page.PageInfo is { HasNextPage: true, EndCursor: { } cursor })
                    {
                        next = PageAsync(org, cursor);
                    }
                    repos.AddRange(await MapAsync(ready, pinned, [], cache, ct).ConfigureAwait(false));
                    usage?.RepositoriesRead(page.Nodes?.Count ?? 0);
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

            if (restFrom > 0)
            {
                var total = orgNode!.Repositories!.TotalCount;
                var seen = listedByGraphQl.Count;
                var lastPage = (total + RestPageSize - 1) / RestPageSize;
                var firstRestPage = clock.GetTimestamp();
                var estimated = false;
                async Task TakeAsync(IReadOnlyList<RepoNode> nodes)
                {
                    if (!estimated)
                    {
                        estimated = true;
                        await EstimateRestAsync(org, total, firstPageTime, clock.GetElapsedTime(firstRestPage), lastPage - restFrom + 1).ConfigureAwait(false);
                    }
                    var ready = new List<RepoNode>();
                    foreach (var node in nodes.Where(n => listedByGraphQl.Add(n.Name)))
                    {
                        seen++;
                        if (CachedUnpushed(cache, node) is { } known)
                        {
                            ready.Add(node with { DefaultBranchRef = new BranchRef(node.DefaultBranchRef?.Name, new ObjectId(known.Head)), Root = new RootTree(known.Root) });
                        }
                        else
                        {
                            unlisted.Add(node);
                            unreadOnPage[node.Name] = _restPageTaken;
                        }
                    }
                    while (unlisted.Count + waiting.Count >= FilesPerBatch)
                    {
                        Read(await ReadNextBatchAsync(org, unlisted, waiting, pinned!, cache, ct).ConfigureAwait(false));
                    }
                    repos.AddRange(await MapAsync(ready, pinned!, [], cache, ct).ConfigureAwait(false));
                    usage?.RepositoriesRead(nodes.Count);
                }
                // A read that stopped before its time ran out goes on from the page it stopped at, then
                // lists the pages before it (mostly what it read then, taken from the cache): listing
                // those first would spend a share of each run again, and a run would read less each time.
                var resumeAt = Math.Clamp(cache?.ResumePage ?? 0, restFrom, lastPage);
                await ListWithRestAsync(org, resumeAt, lastPage, TakeAsync, ct).ConfigureAwait(false);
                if (resumeAt > restFrom)
                {
                    await ListWithRestAsync(org, restFrom, resumeAt - 1, TakeAsync, ct, followNext: false).ConfigureAwait(false);
                }
                // REST's name order and GraphQL's may differ on some names: what the first REST page
                // holds is read too when the pages did not meet the count.
                if (seen < total && restFrom > 1)
                {
                    await ListWithRestAsync(org, 1, restFrom - 1, TakeAsync, ct).ConfigureAwait(false);
                }
                while (unlisted.Count + waiting.Count > 0)
                {
                    Read(await ReadNextBatchAsync(org, unlisted, waiting, pinned!, cache, ct).ConfigureAwait(false));
                }
            }

            foreach (var batch in waiting.Chunk(FilesPerBatch))
            {
                repos.AddRange(await ReadFilesAsync(org, [.. batch], pinned!, cache, ct).ConfigureAwait(false));
            }
        }
        catch (ReadOutOfTimeException) when (cache is not null)
        {
            // Nothing is rendered from a partial read: what was read is kept for the next run.
            foreach (var repo in repos.Where(r => r.Health is not null))
            {
                cache.KeepHealth(repo.Name, repo.Health!);
            }
            // The first page with a repository this run listed but did not read, else the page after the last one read.
            var resumeAt = unreadOnPage.Count > 0 ? unreadOnPage.Values.Min() : _restPageTaken is 0 ? 0 : _restPageTaken + 1;
            var (held, notWritten) = await cache.SaveUnfinishedAsync(resumeAt, LearnedFilesCeiling).ConfigureAwait(false);
            var total = orgNode?.Repositories?.TotalCount ?? held;
            throw new ReadUnfinishedException(org, Math.Min(held, total), total, held - cache.PreviousCount,
                notWritten is null ? null : $"{cache.FilePath}: {notWritten}");
        }
        // Health (community files, CI, release) in batches of its own: a list page has no room for it (GraphQlHealth).
        // A repository nothing was pushed to keeps the health the last run read, so an unchanged week
        // still costs the list pages only; the organization's .github moving (its defaults are
        // inherited) or an unsettled CI state asks again.
        var defaultsMoved = repos.FirstOrDefault(r => r.Name == ".github") is { } dotGithub && cache?.Previous(dotGithub.Name)?.PushedAt != dotGithub.PushedAt;
        // A repository read in a file batch got its health there (the batch asked for it).
        var known = repos.ToDictionary(r => r.Name, r => r.Health ?? cache?.UnchangedHealth(r.Name, r.PushedAt, defaultsMoved), StringComparer.Ordinal);
        var health = (await new GraphQlHealth(client, endpoint, adaptive).ReadAsync(org, [.. repos.Where(r => known[r.Name] is null)]).ConfigureAwait(false))
            .ToDictionary(r => r.Name, StringComparer.Ordinal);
        repos = [.. repos.Select(r => known[r.Name] is { } kept ? r with { Health = kept } : health[r.Name])];
        foreach (var repo in repos.Where(r => r.Health is not null))
        {
            cache?.KeepHealth(repo.Name, repo.Health!);
        }
        if (cache is not null)
        {
            await cache.SaveAsync(LearnedFilesCeiling).ConfigureAwait(false);
        }
        // Custom properties change without a push, so they are read every run (never from the cache).
        if (CustomPropertyNames is { } names
            && await OrgCustomProperties.ReadAsync(client, org, names, usage is null ? null : usage.WarnAsync).ConfigureAwait(false) is { } properties)
        {
            repos = [.. repos.Select(r => r with { CustomProperties = properties(r.Name) })];
        }

        return new OrgSnapshot
        {
            ApiUrl = endpoint.RestBase.AbsoluteUri,
            ReadAt = clock.GetUtcNow(),
            Org = new OrgProfile
            {
                Login = orgNode!.Login ?? org,
                Name = orgNode.Name,
                Description = orgNode.Description,
                Url = orgNode.Url ?? $"https://github.com/{org}",
                Blog = orgNode.WebsiteUrl,
                Location = orgNode.Location,
                Email = orgNode.Email,
                AvatarUrl = orgNode.AvatarUrl,
                IsVerified = orgNode.IsVerified,
                PublicRepos = repos.Count(r => r.Visibility == "public"),
                CreatedAt = orgNode.CreatedAt,
            },
            Repos = [.. repos.OrderBy(r => r.Name, RepoOrder.Names)],
        };
    }

    // README and licence texts, and the .github and docs listings, in one batched request per
    // 100 repositories; a README GitHub would show from .github or docs in one more, for those that have one.
    private async Task<RepoSnapshot[]> ReadFilesAsync(string org, List<(RepoNode Node, WantedFiles Files)> batch, HashSet<string> pinned, ReadCache? cache, CancellationToken ct)
    {
        var fetched = await FetchFilesAsync(org, batch.Select(w => w.Files).ToArray()).ConfigureAwait(false);
        return await FinishFilesAsync(org, batch, fetched, pinned, cache, ct).ConfigureAwait(false);
    }

    // Repositories a REST page listed and the cache does not know as they are (unlisted): one
    // batched request brings each one's head and root entries with the texts where they most
    // likely are (where the cache saw them, else README.md), so a changed repository costs a share
    // of one request; the batch is filled with repositories whose files are known to be wanted
    // (waiting). One whose files turn out elsewhere waits for the next batch.
    private async Task<RepoSnapshot[]> ReadNextBatchAsync(string org, List<RepoNode> unlisted, List<(RepoNode Node, WantedFiles Files)> waiting, HashSet<string> pinned, ReadCache? cache, CancellationToken ct)
    {
        var batch = unlisted[..Math.Min(unlisted.Count, FilesPerBatch)];
        unlisted.RemoveRange(0, batch.Count);
        var done = waiting[..Math.Min(waiting.Count, FilesPerBatch - batch.Count)];
        waiting.RemoveRange(0, done.Count);
        var asked = batch.Select(n => Likely(n, cache?.Previous(n.Name))).ToArray();
        var fetched = await FetchFilesAsync(org, [.. asked, .. done.Select(w => w.Files)]).ConfigureAwait(false);
        for (var i = 0; i < batch.Count; i++)
        {
            var files = fetched.GetValueOrDefault(batch[i].Name);
            var node = batch[i] with { DefaultBranchRef = files is null ? batch[i].DefaultBranchRef : files.DefaultBranchRef, Root = files?.Root };
            var wanted = FilesWanted(node) with { Health = true };
            if ((wanted.Readme is null || wanted.Readme == asked[i].Readme) && (wanted.License is null || wanted.License == asked[i].License)
                && (!wanted.Dotgithub || asked[i].Dotgithub) && (!wanted.Docs || asked[i].Docs)
                && (wanted.Publiccode is null || wanted.Publiccode == asked[i].Publiccode) && (wanted.CatalogInfo is null || wanted.CatalogInfo == asked[i].CatalogInfo)
                && (wanted.ReadmeFr is null || wanted.ReadmeFr == asked[i].ReadmeFr) && (wanted.ReadmeEn is null || wanted.ReadmeEn == asked[i].ReadmeEn))
            {
                done.Add((node, wanted));
            }
            else
            {
                waiting.Add((node, wanted));
            }
        }
        return await FinishFilesAsync(org, done, fetched, pinned, cache, ct).ConfigureAwait(false);
    }

    // Where a listed repository's files most likely are: where the cache last saw them (its root
    // entries), else a README.md at the root; the .github and docs listings when it had those
    // folders (or is not in the cache); the licence file's text only when GitHub cannot name the licence.
    private WantedFiles Likely(RepoNode n, ReadCache.Entry? previous)
    {
        var root = previous?.Root;
        var readme = ReadmeLookup.Choose(root) ?? "README.md";
        var license = n.LicenseInfo is null || RepoLicense.GitHubKnows(n.LicenseInfo.SpdxId) ? null
            : previous?.LicensePath ?? (root is null ? "LICENSE" : LicensePath(RootFiles(root)) ?? "LICENSE");
        var wanted = new WantedFiles(n.Name, readme, license, root is not null && ReadmeLookup.HasFolder(root, ".github"),
            root is not null && ReadmeLookup.Choose(root) is null && ReadmeLookup.HasFolder(root, "docs"), Listing: true)
        {
            Health = true,
        };
        return WithCatalogueFiles(wanted, root);
    }

    private async Task<RepoSnapshot[]> FinishFilesAsync(string org, List<(RepoNode Node, WantedFiles Files)> batch, Dictionary<string, RepoFiles?> fetched, HashSet<string> pinned, ReadCache? cache, CancellationToken ct)
    {
        FilesRead Read(WantedFiles wanted, RepoFiles? files) => new(wanted.Readme, files?.Readme, files?.License)
        {
            Health = wanted.Health && files?.Health is { } health ? GraphQlHealth.Read(health, files.CiUnreadable) : null,
            PubliccodePath = wanted.Publiccode,
            Publiccode = files?.Publiccode,
            CatalogInfoPath = wanted.CatalogInfo,
            CatalogInfo = files?.CatalogInfo,
            ReadmeFrPath = wanted.ReadmeFr,
            ReadmeFr = files?.ReadmeFr,
            ReadmeEnPath = wanted.ReadmeEn,
            ReadmeEn = files?.ReadmeEn,
        };
        var read = batch.ToDictionary(w => w.Node.Name, w => Read(w.Files, fetched.GetValueOrDefault(w.Node.Name)), StringComparer.Ordinal);
        var elsewhere = batch.Select(w => w.Files with { Readme = FolderReadme(w.Node, fetched.GetValueOrDefault(w.Node.Name)), License = null, Dotgithub = false, Docs = false, Publiccode = null, CatalogInfo = null, ReadmeFr = null, ReadmeEn = null, Health = false })
            .Where(w => w.Readme is not null).ToArray();
        if (elsewhere.Length > 0)
        {
            foreach (var (name, files) in await FetchFilesAsync(org, [.. elsewhere.Select(e => e with { Listing = false })]).ConfigureAwait(false))
            {
                read[name] = read[name] with { ReadmePath = elsewhere.First(e => e.Name == name).Readme, Readme = files?.Readme };
            }
        }
        return await MapAsync(batch.Select(w => w.Node).ToList(), pinned, read, cache, ct).ConfigureAwait(false);
    }

    // The GraphQL list's pages × its first page's time (with its files, when they were read).
    private (TimeSpan Time, int Pages) GraphQlEstimate(RepoPage first, TimeSpan firstPageTime)
    {
        var asked = Math.Max(1, first.Nodes?.Count ?? 1);
        var pages = 1 + (int)Math.Ceiling(Math.Max(0, first.TotalCount - asked) / (double)_pageSize.Value);
        return (firstPageTime * pages, pages);
    }

    // A warning, before the rest is read, when the read will not fit the time the workflow gives
    // it (a job past timeout-minutes is cancelled with nothing published).
    private async Task EstimateAsync(string org, RepoPage first, TimeSpan firstPageTime)
    {
        var (estimate, pages) = GraphQlEstimate(first, firstPageTime);
        await WarnIfLongAsync(org, first.TotalCount, estimate, $"{pages} pages of about {firstPageTime.TotalSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)} s with their files").ConfigureAwait(false);
    }

    // The REST list: its pages two at a time after the first GraphQL page.
    private async Task EstimateRestAsync(string org, int total, TimeSpan firstPageTime, TimeSpan restPageTime, int restPages)
    {
        var estimate = firstPageTime + restPageTime * Math.Ceiling(restPages / (double)OctokitGateway.MaxRestInFlight);
        await WarnIfLongAsync(org, total, estimate, $"{1 + restPages} pages, {restPages} of them REST pages of about {restPageTime.TotalSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)} s, two at a time").ConfigureAwait(false);
    }

    private async Task WarnIfLongAsync(string org, int total, TimeSpan estimate, string how)
    {
        if (usage is not null && estimate > TimeBudget)
        {
            var then = StopBeforeTimeRunsOut
                ? "the read stops in time and keeps what it read in the read cache, and the next runs go on from there until one completes (or raise the workflow's timeout-minutes, and pass it in PROFILEGEN_TIMEOUT_MINUTES)"
                : "raise the workflow's timeout-minutes (and pass it in PROFILEGEN_TIMEOUT_MINUTES)";
            await usage.WarnAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"reading the {total} repositories of '{org}' should take about {Math.Ceiling(estimate.TotalMinutes)} minutes ({how}), more than the {TimeBudget.TotalMinutes:0.##} minutes the run is given: {then}")).ConfigureAwait(false);
        }
    }

    // When the read started, and the longest request of each kind so far: the next one is taken to
    // last as long (GraphQL's are serial and under GitHub's 10 s clock; REST list pages are alike).
    private long _readStart;
    private readonly object _timing = new();
    private TimeSpan _longestGraphQl;
    private TimeSpan _longestRest;

    // The last REST list page handed over for reading (where a read that stops goes on from).
    private int _restPageTaken;

    // The share of the run's time the GraphQL list may take before REST's pages list the rest:
    // half, so the file batches have the other half (of the read's own time, when the read stops in time).
    private TimeSpan ListingTime => (StopBeforeTimeRunsOut ? ReadTimeWithin(TimeBudget) : TimeBudget) / 2;

    // A request that would not end within the read's time is not asked: the read stops there.
    private async Task<T> TimedAsync<T>(bool graphQl, Func<Task<T>> ask, bool mayStop = true)
    {
        TimeSpan expected;
        lock (_timing)
        {
            expected = graphQl ? _longestGraphQl : _longestRest;
        }
        if (mayStop && StopBeforeTimeRunsOut && CacheDirectory is not null && clock.GetElapsedTime(_readStart) + expected > ReadTimeWithin(TimeBudget))
        {
            throw new ReadOutOfTimeException();
        }
        var started = clock.GetTimestamp();
        try
        {
            return await ask().ConfigureAwait(false);
        }
        finally
        {
            var took = clock.GetElapsedTime(started);
            lock (_timing)
            {
                if (graphQl)
                {
                    _longestGraphQl = TimeSpan.FromTicks(Math.Max(_longestGraphQl.Ticks, took.Ticks));
                }
                else
                {
                    _longestRest = TimeSpan.FromTicks(Math.Max(_longestRest.Ticks, took.Ticks));
                }
            }
        }
    }

    // REST's list pages from..to (sorted by name, as GraphQL's), two in flight; pages past the
    // count GraphQL gave are asked for only while GitHub says there are more (and the pages are
    // not the first ones again, listed after a read that went on from where the last one stopped).
    private async Task ListWithRestAsync(string org, int from, int to, Func<IReadOnlyList<RepoNode>, Task> take, CancellationToken ct, bool followNext = true)
    {
        var inFlight = new Queue<(int Number, Task<(RepoNode[] Nodes, bool More)> Answer)>();
        var nextPage = from;
        try
        {
            while (true)
            {
                while (inFlight.Count < OctokitGateway.MaxRestInFlight && nextPage <= to)
                {
                    inFlight.Enqueue((nextPage, RestPageAsync(org, nextPage)));
                    nextPage++;
                }
                if (!inFlight.TryDequeue(out var page))
                {
                    return;
                }
                ct.ThrowIfCancellationRequested();
                var (nodes, more) = await page.Answer.ConfigureAwait(false);
                if (followNext && more && inFlight.Count == 0 && nextPage > to)
                {
                    to = nextPage;
                }
                _restPageTaken = page.Number;
                await take(nodes).ConfigureAwait(false);
            }
        }
        finally
        {
            // Pages still in flight when one failed: observed, so their failures go nowhere.
            foreach (var (_, left) in inFlight)
            {
                await left.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }
        }
    }

    private async Task<(RepoNode[] Nodes, bool More)> RestPageAsync(string org, int page)
    {
        var parameters = new Dictionary<string, string>
        {
            ["per_page"] = RestPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sort"] = "full_name",
            ["direction"] = "asc",
        };
        var what = $"the repositories of '{org}'";
        // The page's text, read into the list entries this reader keeps (not Octokit's repository objects).
        var response = await TimedAsync(graphQl: false, () => GitHubErrors.Guard(() => client.Connection.GetRaw(new Uri($"orgs/{Uri.EscapeDataString(org)}/repos", UriKind.Relative), parameters), what)).ConfigureAwait(false);
        // Read from the page's bytes as they came: a page of 100 is about 600 KB, and a string of
        // it, then its UTF-8 again for the parser, were two more large objects a page.
        List<RestRepo>? repos;
        try
        {
            repos = response.HttpResponse.Body is string text
                ? System.Text.Json.JsonSerializer.Deserialize(text, RestJson.Default.ListRestRepo)
                : System.Text.Json.JsonSerializer.Deserialize(response.Body ?? [], RestJson.Default.ListRestRepo);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new GitHubException($"GitHub's REST API gave an answer that is not a list of repositories for {what}: {ex.Message}");
        }
        return ([.. (repos ?? []).Select(FromRest)], response.HttpResponse.ApiInfo?.Links?.ContainsKey("next") == true);
    }

    // A REST list entry as the GraphQL list entry it stands for: no head commit, no root entries (its file batch brings them).
    private RepoNode FromRest(RestRepo r) => new(
        r.Name, r.FullName, r.HtmlUrl, r.Description, r.Homepage,
        _strings.Get((r.Visibility ?? (r.Private ? "private" : "public")).ToUpperInvariant()),
        r.Archived, r.Fork, r.IsTemplate, r.StargazersCount, r.ForksCount, r.PushedAt, r.UpdatedAt, r.CreatedAt,
        new BranchRef(_strings.Get(r.DefaultBranch), null), string.IsNullOrEmpty(r.Language) ? null : new Named(_strings.Get(r.Language)),
        r.License is { } l ? new LicenseInfo(_strings.Get(l.Key), _strings.Get(l.Name), _strings.Get(l.SpdxId)) : null,
        new Connection<TopicNode>([.. (r.Topics ?? []).Select(t => new TopicNode(new Named(_strings.Get(t))))]),
        Root: null);

    private static string? Head(RepoNode n) => n.DefaultBranchRef?.Target?.Oid;

    // What the cache kept of a repository whose head did not move, unless GitHub no longer names a
    // licence it named then (its detection changes on its side): the file's text is then read.
    private static ReadCache.Entry? Cached(ReadCache? cache, RepoNode n) =>
        cache?.Find(n.Name, Head(n)) is { } entry && StillTrue(entry, n) ? entry : null;

    // What the cache kept of a repository a REST page listed, when nothing was pushed to it since
    // (with its head and root entries, which the page does not give).
    private static ReadCache.Entry? CachedUnpushed(ReadCache? cache, RepoNode n) =>
        cache?.FindUnpushed(n.Name, n.DefaultBranchRef?.Name, n.PushedAt) is { Head: not null, Root: not null } entry && StillTrue(entry, n) ? entry : null;

    private static bool StillTrue(ReadCache.Entry entry, RepoNode n) =>
        entry.LicenseRead || n.LicenseInfo is null || RepoLicense.GitHubKnows(n.LicenseInfo.SpdxId);

    // Mapping may read a licence's bytes (REST): a few at a time; the first failure stops the rest.
    private async Task<RepoSnapshot[]> MapAsync(IReadOnlyList<RepoNode> nodes, HashSet<string> pinned, Dictionary<string, FilesRead> read, ReadCache? cache, CancellationToken ct)
    {
        var repos = new RepoSnapshot[nodes.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, nodes.Count), new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency, CancellationToken = ct },
            async (i, _) => repos[i] = await ToRepoAsync(nodes[i], pinned, read.GetValueOrDefault(nodes[i].Name), cache).ConfigureAwait(false)).ConfigureAwait(false);
        return repos;
    }

    // What repeats from repository to repository, kept once (the snapshot of a large organization holds it all).
    private readonly StringPool _strings = new();

    // The list pages' size: the first size at most.
    private readonly AdaptiveSize _pageSize = new(Math.Clamp(firstPageSize, 1, 100));

    /// <summary>The page size the reader has settled on (for tests and the time estimate).</summary>
    internal int PageSize => _pageSize.Value;

    // One page, asked again at half the size from the same cursor when GitHub found it too heavy
    // (its 10 s clock or its resource limits): asking the same document again would fail the same
    // way, and cost penalty points each time. Pages are asked one at a time, so no lock is needed.
    private async Task<OrgNode> PageAsync(string org, string? cursor)
    {
        while (true)
        {
            try
            {
                var page = await AskPageAsync(org, cursor, _pageSize.Value).ConfigureAwait(false);
                _pageSize.Answered();
                return page;
            }
            catch (PageTooHeavyException) when (adaptive && _pageSize.Value > 1)
            {
                _pageSize.TooHeavy(_pageSize.Value);
            }
            catch (PageTooHeavyException heavy)
            {
                throw new GitHubException($"GitHub's GraphQL API kept failing to answer all of the query for '{org}' ({heavy.Message}); a partial answer is never rendered, so nothing was written");
            }
        }
    }

    private async Task<OrgNode> AskPageAsync(string org, string? cursor, int size)
    {
        // The one GraphQL transport (endpoint missing → unavailable, not JSON → one line); this
        // reader maps GitHub's error types to what they mean for reading an organization.
        GraphQlAnswer<OrgReposData> answer;
        using (adaptive ? GitHubResilienceHandler.CallerShrinksHeavyRequests() : null)
        {
            try
            {
                // The first page is always asked: the read needs it to know anything.
                var ask = () => GraphQl.SendAsync(client, endpoint, Query, new { org, cursor, first = size }, GraphQlJson.Default.GraphQlAnswerOrgReposData, $"the repositories of '{org}'");
                answer = await TimedAsync(graphQl: true, ask, mayStop: cursor is not null).ConfigureAwait(false);
            }
            catch (GitHubException ex) when (ex.StatusCode is 502 or 504)
            {
                throw new PageTooHeavyException($"{ex.StatusCode} after {size} repositories were asked for");
            }
        }
        if (answer.Errors?.FirstOrDefault(IsTooHeavy) is { } heavy)
        {
            throw new PageTooHeavyException($"{heavy.Kind ?? "error"}: {heavy.Message}");
        }
        if (answer.Errors is [var first, ..])
        {
            var message = first.Message ?? "unknown error";
            throw first.Type switch
            {
                "NOT_FOUND" => new GitHubException($"GitHub found no organization '{org}' (or this token cannot see it)", 404),
                "RATE_LIMITED" or "RATE_LIMIT" => new GitHubException($"GitHub's GraphQL rate limit stopped the run: {message}", 403),
                "SERVICE_UNAVAILABLE" or "TIMEOUT" or "INTERNAL" => new GitHubException($"GitHub's GraphQL API kept failing to answer all of the query for '{org}' ({first.Type}: {message}); a partial answer is never rendered, so nothing was written"),
                _ => new GitHubException($"GitHub's GraphQL API refused the query for '{org}': {message}"),
            };
        }
        return answer.Data is null ? throw new GitHubException($"GitHub's GraphQL API gave no data for '{org}'")
            : answer.Data.Organization ?? throw new GitHubException($"GitHub found no organization '{org}' (or this token cannot see it)", 404);
    }

    // GitHub's answers for "this query asked too much": its resource limits, its node limit, or
    // its 10 s clock reported in a 200 (REAL-GITHUB.md §1.2; atlassian/github-for-jira's predicate).
    internal static bool IsTooHeavy(GraphQlError error) =>
        error.Kind is "RESOURCE_LIMITS_EXCEEDED" or "MAX_NODE_LIMIT_EXCEEDED" or "TIMEOUT"
        || (error.Message ?? "").StartsWith("Something went wrong while executing your query", StringComparison.Ordinal);

    /// <summary>Repositories per batched file request: GitHub's limit on one query's nodes is far above it.</summary>
    internal const int FilesPerBatch = 100;

    /// <summary>
    /// What the file pass asks of one repository: a README's text (<paramref name="Readme"/>: its
    /// path), a licence file's text, and the listings of the .github and docs folders (where
    /// GitHub looks for a README before and after the root).
    /// </summary>
    internal sealed record WantedFiles(string Name, string? Readme, string? License, bool Dotgithub, bool Docs, bool Listing = false)
    {
        /// <summary>The path of publiccode.yml (or .yaml) when the root shows one.</summary>
        public string? Publiccode { get; init; }

        /// <summary>The path of catalog-info.yaml (or .yml) when the root shows one.</summary>
        public string? CatalogInfo { get; init; }

        /// <summary>Whether the repository's health fields are asked in the same batch (it changed, so last run's health does not hold).</summary>
        public bool Health { get; init; }

        /// <summary>The paths of README.fr.md and README.en.md (or a region-tagged name) when the root shows them.</summary>
        public string? ReadmeFr { get; init; }

        public string? ReadmeEn { get; init; }

        public bool Nothing => Readme is null && License is null && !Dotgithub && !Docs && Publiccode is null && CatalogInfo is null && ReadmeFr is null && ReadmeEn is null;
    }

    /// <summary>What the file pass brought for one repository: the README chosen (its path and blob), the licence file's blob, and the catalogue files'.</summary>
    private sealed record FilesRead(string? ReadmePath, BlobText? Readme, BlobText? License)
    {
        public RepoHealthRead? Health { get; init; }
        public string? PubliccodePath { get; init; }
        public BlobText? Publiccode { get; init; }
        public string? CatalogInfoPath { get; init; }
        public BlobText? CatalogInfo { get; init; }
        public string? ReadmeFrPath { get; init; }
        public BlobText? ReadmeFr { get; init; }
        public string? ReadmeEnPath { get; init; }
        public BlobText? ReadmeEn { get; init; }
    }

    // The files to read: the root README, the licence file when GitHub could not tell the
    // licence, and the .github listing (docs' only when the root has no README).
    private WantedFiles FilesWanted(RepoNode n)
    {
        var entries = n.Root?.Entries;
        var readme = ReadmeLookup.Choose(entries);
        var license = n.LicenseInfo is null || RepoLicense.GitHubKnows(n.LicenseInfo.SpdxId) ? null : LicensePath(RootFiles(n));
        return WithCatalogueFiles(new WantedFiles(n.Name, readme, license, ReadmeLookup.HasFolder(entries, ".github"), readme is null && ReadmeLookup.HasFolder(entries, "docs")), entries);
    }

    // The catalogue's files and the per-language READMEs a root's entries show, when they are read at all.
    private WantedFiles WithCatalogueFiles(WantedFiles wanted, IReadOnlyList<TreeEntry>? entries) => !CatalogueFiles ? wanted : wanted with
    {
        Publiccode = CatalogueFileLookup.Choose(entries, CatalogueFileLookup.PubliccodeNames),
        CatalogInfo = CatalogueFileLookup.Choose(entries, CatalogueFileLookup.CatalogInfoNames),
        ReadmeFr = CatalogueFileLookup.ChooseReadme(entries, "fr"),
        ReadmeEn = CatalogueFileLookup.ChooseReadme(entries, "en"),
    };

    // The README GitHub shows from a folder instead of the root's: .github's before the root's, docs' when the root has none.
    private static string? FolderReadme(RepoNode n, RepoFiles? files) =>
        ReadmeLookup.Choose(files?.Dotgithub?.Entries) is { } inDotgithub ? ".github/" + inDotgithub
        : ReadmeLookup.Choose(n.Root?.Entries) is null && ReadmeLookup.Choose(files?.Docs?.Entries) is { } inDocs ? "docs/" + inDocs
        : null;

    private const string BlobFields = "{ ... on Blob { text isBinary isTruncated } }";
    private const string TreeFields = "{ ... on Tree { entries { name type mode } } }";

    internal static string FilesQuery(int repositories, Func<int, (bool Readme, bool License, bool Dotgithub, bool Docs)> asks) =>
        FilesQuery(repositories, asks, _ => false);

    internal static string FilesQuery(int repositories, Func<int, (bool Readme, bool License, bool Dotgithub, bool Docs)> asks, Func<int, bool> listing) =>
        FilesQuery([.. Enumerable.Range(0, repositories).Select(i =>
        {
            var (readme, license, dotgithub, docs) = asks(i);
            return new WantedFiles($"n{i}", readme ? "README.md" : null, license ? "LICENSE" : null, dotgithub, docs, listing(i));
        })]);

    /// <summary>
    /// The batched files query: per repository the texts and listings it wants; with
    /// <see cref="WantedFiles.Listing"/>, also its default branch, head commit and root entries
    /// (for one a REST page listed, which gives none of them).
    /// </summary>
    internal static string FilesQuery(IReadOnlyList<WantedFiles> batch)
    {
        var query = new System.Text.StringBuilder("query Files($owner: String!");
        for (var i = 0; i < batch.Count; i++)
        {
            var w = batch[i];
            query.Append($", $n{i}: String!").Append(w.Readme is not null ? $", $r{i}: String!" : "").Append(w.License is not null ? $", $l{i}: String!" : "")
                .Append(w.Dotgithub ? $", $g{i}: String!" : "").Append(w.Docs ? $", $d{i}: String!" : "")
                .Append(w.Publiccode is not null ? $", $p{i}: String!" : "").Append(w.CatalogInfo is not null ? $", $c{i}: String!" : "")
                .Append(w.ReadmeFr is not null ? $", $fr{i}: String!" : "").Append(w.ReadmeEn is not null ? $", $en{i}: String!" : "");
        }
        query.Append(") {\n");
        for (var i = 0; i < batch.Count; i++)
        {
            var w = batch[i];
            query.Append($"  f{i}: repository(owner: $owner, name: $n{i}) {{")
                .Append(w.Listing ? $" defaultBranchRef {{ name target {{ oid }} }} root: object(expression: \"HEAD:\") {TreeFields}" : "")
                .Append(w.Readme is not null ? $" readme: object(expression: $r{i}) {BlobFields}" : "")
                .Append(w.License is not null ? $" license: object(expression: $l{i}) {BlobFields}" : "")
                .Append(w.Dotgithub ? $" dotgithub: object(expression: $g{i}) {TreeFields}" : "")
                .Append(w.Docs ? $" docs: object(expression: $d{i}) {TreeFields}" : "")
                .Append(w.Publiccode is not null ? $" publiccode: object(expression: $p{i}) {BlobFields}" : "")
                .Append(w.CatalogInfo is not null ? $" catalogInfo: object(expression: $c{i}) {BlobFields}" : "")
                .Append(w.ReadmeFr is not null ? $" readmeFr: object(expression: $fr{i}) {BlobFields}" : "")
                .Append(w.ReadmeEn is not null ? $" readmeEn: object(expression: $en{i}) {BlobFields}" : "")
                .Append(w.Health ? " " + GraphQlHealth.FilesBatchFields : "")
                .Append(" }\n");
        }
        return query.Append('}').ToString();
    }

    // The repositories a file request asks for at most: 100 at first, adapted as the pages' size is.
    private readonly AdaptiveSize _filesSize = new(FilesPerBatch);

    /// <summary>The file batch size the reader has settled on (for tests and the bench).</summary>
    internal int FilesBatchSize => _filesSize.Value;

    // What the read cache keeps of the file batches' size: their ceiling, once a size failed twice.
    private int LearnedFilesCeiling => _filesSize.Ceiling < FilesPerBatch ? _filesSize.Ceiling : 0;

    // A batch larger than the settled size is asked as several, one after the other.
    private async Task<Dictionary<string, RepoFiles?>> FetchFilesAsync(string org, WantedFiles[] batch)
    {
        if (!adaptive || batch.Length <= _filesSize.Value)
        {
            return await FetchFilesOnceAsync(org, batch).ConfigureAwait(false);
        }
        var fetched = new Dictionary<string, RepoFiles?>(StringComparer.Ordinal);
        // The size may change with each answer: each part is as large as the size when it is asked.
        for (var start = 0; start < batch.Length;)
        {
            var part = batch[start..Math.Min(batch.Length, start + _filesSize.Value)];
            foreach (var (name, files) in await FetchFilesOnceAsync(org, part).ConfigureAwait(false))
            {
                fetched[name] = files;
            }
            start += part.Length;
        }
        return fetched;
    }

    private async Task<Dictionary<string, RepoFiles?>> FetchFilesOnceAsync(string org, WantedFiles[] batch)
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
            if (batch[i].Dotgithub)
            {
                variables[$"g{i}"] = "HEAD:.github";
            }
            if (batch[i].Docs)
            {
                variables[$"d{i}"] = "HEAD:docs";
            }
            if (batch[i].Publiccode is { } publiccode)
            {
                variables[$"p{i}"] = "HEAD:" + publiccode;
            }
            if (batch[i].CatalogInfo is { } catalogInfo)
            {
                variables[$"c{i}"] = "HEAD:" + catalogInfo;
            }
            if (batch[i].ReadmeFr is { } readmeFr)
            {
                variables[$"fr{i}"] = "HEAD:" + readmeFr;
            }
            if (batch[i].ReadmeEn is { } readmeEn)
            {
                variables[$"en{i}"] = "HEAD:" + readmeEn;
            }
        }
        var query = FilesQuery(batch);
        var what = $"the README and licence files of '{org}' (GraphQL)";
        GraphQlAnswer<Dictionary<string, RepoFiles?>> answer;
        // A batch GitHub finds too heavy (large texts) is asked again as two halves.
        using (adaptive ? GitHubResilienceHandler.CallerShrinksHeavyRequests() : null)
        {
            try
            {
                answer = await TimedAsync(graphQl: true, () => GraphQl.SendAsync(client, endpoint, query, variables, GraphQlJson.Default.GraphQlAnswerDictionaryStringRepoFiles, what)).ConfigureAwait(false);
            }
            catch (GitHubException ex) when (adaptive && batch.Length > 1 && ex.StatusCode is 502 or 504)
            {
                _filesSize.TooHeavy(batch.Length);
                return await FetchHalvesAsync(org, batch).ConfigureAwait(false);
            }
        }
        if (adaptive && batch.Length > 1 && answer.Errors?.Any(IsTooHeavy) == true)
        {
            _filesSize.TooHeavy(batch.Length);
            return await FetchHalvesAsync(org, batch).ConfigureAwait(false);
        }
        _filesSize.Answered();
        // A CI state the token may not read (FORBIDDEN at a rollup) is unknown, never a failed run.
        var unreadableCi = (answer.Errors ?? []).Select(GraphQlHealth.CiAlias).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var others = (answer.Errors ?? []).Where(e => e.Type != "NOT_FOUND" && GraphQlHealth.CiAlias(e) is null).ToArray();
        if (others.Length > 0)
        {
            throw new GitHubException($"GitHub's GraphQL API refused the query for {what}: {string.Join("; ", others.Select(e => e.Message ?? "unknown error")).ReplaceLineEndings(" ")}");
        }
        var data = answer.Data ?? throw new GitHubException($"GitHub's GraphQL API gave no data for {what}");
        return batch.Select((w, i) => (w.Name, Files: data.GetValueOrDefault($"f{i}") is { } files && unreadableCi.Contains($"f{i}") ? files with { CiUnreadable = true } : data.GetValueOrDefault($"f{i}")))
            .ToDictionary(f => f.Name, f => f.Files, StringComparer.Ordinal);
    }

    private async Task<Dictionary<string, RepoFiles?>> FetchHalvesAsync(string org, WantedFiles[] batch)
    {
        var first = await FetchFilesOnceAsync(org, batch[..(batch.Length / 2)]).ConfigureAwait(false);
        foreach (var (name, files) in await FetchFilesOnceAsync(org, batch[(batch.Length / 2)..]).ConfigureAwait(false))
        {
            first[name] = files;
        }
        return first;
    }

    /// <summary>How much of a README GitHub shows (it cuts the rest), and so how much of one is read.</summary>
    internal const int ReadmeBytesShown = 512 * 1024;

    // A README's text: as GitHub gave it, its first part when GitHub cut it (the header is at the
    // top), or its bytes read with REST when GitHub gave no text but did not call it binary
    // (isBinary null: a blob over about 512 KB). A binary README has no text to read.
    private async Task<string?> ReadmeTextAsync(string owner, string name, string? branch, string? path, BlobText? blob)
    {
        if (blob is null || blob.IsBinary == true)
        {
            return null;
        }
        if (blob.Text is { } text)
        {
            return text;
        }
        if (path is null || branch is null)
        {
            return null;
        }
        var bytes = await GitHubErrors.GuardOptional(() => client.Repository.Content.GetRawContentByRef(owner, name, path, branch), $"{path} of {owner}/{name}").ConfigureAwait(false);
        return bytes is null ? null : System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, ReadmeBytesShown));
    }

    // Root files a licence may be in: blobs that are not symbolic links.
    private static string[] RootFiles(RepoNode n) => RootFiles(n.Root?.Entries);

    private static string[] RootFiles(IEnumerable<TreeEntry>? entries) =>
        entries?.Where(ReadmeLookup.IsFile).Select(e => e.Name).ToArray() ?? [];

    private static string? LicensePath(string[] rootFiles) =>
        rootFiles.Where(LicenseCatalog.IsLicenseFileName).OrderBy(LicenseCatalog.Preference).ThenBy(f => f, StringComparer.Ordinal).FirstOrDefault();

    // A repository from its list entry and what was read of its files: this run's file pass, or
    // the read cache's when its head has not moved (the same values a read would give).
    private async Task<RepoSnapshot> ToRepoAsync(RepoNode n, HashSet<string> pinned, FilesRead? read, ReadCache? cache)
    {
        var owner = n.NameWithOwner[..n.NameWithOwner.IndexOf('/')];
        var branch = n.DefaultBranchRef?.Name;
        var rootFiles = RootFiles(n);
        var head = Head(n);
        var cached = Cached(cache, n);

        ReadmeHeader? header;
        IReadOnlyList<ShieldsBadge> badges = [];
        string? publiccode, catalogInfo;
        IReadOnlyDictionary<string, string>? readmeSummaries;
        if (cached is not null)
        {
            header = cached.Readme is null ? null : cached.Readme with { Url = branch is null ? null : $"{n.Url}/blob/{branch}/{cached.Readme.Path}" };
            badges = cached.Readme is null ? [] : cached.Badges;
            (publiccode, catalogInfo, readmeSummaries) = (cached.Publiccode, cached.CatalogInfo, cached.ReadmeSummaries);
        }
        else
        {
            // Untrusted texts, kept as they are: the catalogue's parser reports a malformed one as a finding.
            publiccode = await ReadmeTextAsync(owner, n.Name, branch, read?.PubliccodePath, read?.Publiccode).ConfigureAwait(false);
            catalogInfo = await ReadmeTextAsync(owner, n.Name, branch, read?.CatalogInfoPath, read?.CatalogInfo).ConfigureAwait(false);
            readmeSummaries = CatalogueFileLookup.Summaries([
                ("fr", await ReadmeTextAsync(owner, n.Name, branch, read?.ReadmeFrPath, read?.ReadmeFr).ConfigureAwait(false)),
                ("en", await ReadmeTextAsync(owner, n.Name, branch, read?.ReadmeEnPath, read?.ReadmeEn).ConfigureAwait(false))]);
            header = null;
            var readmeText = await ReadmeTextAsync(owner, n.Name, branch, read?.ReadmePath, read?.Readme).ConfigureAwait(false);
            if (readmeText is not null)
            {
                (header, badges) = ReadmeHeader.Read(read!.ReadmePath!, branch is null ? null : $"{n.Url}/blob/{branch}/{read.ReadmePath}", readmeText);
            }
        }
        var (license, identified) = await LicenseAsync(n, owner, branch, rootFiles, read?.License, cached).ConfigureAwait(false);
        badges = [.. badges.Select(b => b with
        {
            Alt = _strings.Get(b.Alt)!, ImageUrl = _strings.Get(b.ImageUrl)!, LinkUrl = _strings.Get(b.LinkUrl), Label = _strings.Get(b.Label),
            Message = _strings.Get(b.Message), Color = _strings.Get(b.Color), Form = _strings.Get(b.Form)!,
        })];
        license = license is null ? null : license with
        {
            SpdxId = _strings.Get(license.SpdxId)!,
            Name = _strings.Get(license.Name),
            Key = _strings.Get(license.Key),
            Path = _strings.Get(license.Path),
            Source = _strings.Get(license.Source)!,
        };
        if (cache is not null && head is not null)
        {
            cache.Keep(n.Name, new ReadCache.Entry(head, header, badges, identified, LicenseRead: n.LicenseInfo is { } info && !RepoLicense.GitHubKnows(info.SpdxId),
                Branch: branch, PushedAt: n.PushedAt, Root: n.Root?.Entries?.Select(e => new TreeEntry(_strings.Get(e.Name)!, _strings.Get(e.Type), e.Mode)).ToArray(), LicensePath: LicensePath(rootFiles))
            {
                Publiccode = publiccode,
                CatalogInfo = catalogInfo,
                ReadmeSummaries = readmeSummaries,
            });
        }

        return new RepoSnapshot
        {
            Name = n.Name,
            FullName = n.NameWithOwner,
            Description = NullIfBlank(n.Description),
            Url = n.Url,
            Homepage = NullIfBlank(n.HomepageUrl),
            Language = _strings.Get(n.PrimaryLanguage?.Name),
            Topics = n.RepositoryTopics?.Present.Select(t => _strings.Get(t.Topic?.Name)).OfType<string>().Order(StringComparer.Ordinal).ToArray() ?? [],
            Stars = n.StargazerCount,
            Forks = n.ForkCount,
            Archived = n.IsArchived,
            Fork = n.IsFork,
            IsTemplate = n.IsTemplate,
            Visibility = _strings.Get((n.Visibility ?? "PUBLIC").ToLowerInvariant())!,
            CreatedAt = n.CreatedAt,
            UpdatedAt = n.UpdatedAt,
            PushedAt = n.PushedAt,
            DefaultBranch = _strings.Get(branch),
            License = license,
            Readme = header,
            Badges = badges,
            Pinned = pinned.Contains(n.Name),
            RootFiles = n.Root?.Entries?.Select(e => _strings.Get(e.Type == "tree" ? e.Name + "/" : e.Name)!).Order(StringComparer.Ordinal).ToArray(),
            Publiccode = publiccode,
            CatalogInfo = catalogInfo,
            ReadmeSummaries = readmeSummaries,
            Health = read?.Health,
        };
    }

    // The licence, and the one identified from its file's text (what the read cache keeps).
    private async Task<(RepoLicense? License, string? Identified)> LicenseAsync(RepoNode n, string owner, string? branch, string[] rootFiles, BlobText? fetched, ReadCache.Entry? cached)
    {
        if (n.LicenseInfo is not { } info)
        {
            return (null, null);
        }
        var path = LicensePath(rootFiles);
        var fileUrl = path is null || branch is null ? null : $"{n.Url}/blob/{branch}/{path}";
        if (RepoLicense.GitHubKnows(info.SpdxId))
        {
            return (RepoLicense.Decide(info.SpdxId, info.Name, info.Key, path, fileUrl, identified: null), null);
        }
        // GitHub could not tell (it does not know the LiLiQ licences): the file's text, as the file
        // pass brought it (or as the cache kept what it said). A text GitHub cut or could not
        // classify (isBinary null) is read whole with REST.
        string? identified = null;
        var text = fetched?.WholeText;
        if (cached is not null)
        {
            identified = cached.LicenseIdentified;
        }
        // GitHub's GraphQL gives a blob's text decoded as UTF-8: a Windows-1252 licence comes back
        // with U+FFFD in it (or as null), so its bytes are read instead, as the REST reader does.
        else if (text is not null && !text.Contains('\uFFFD'))
        {
            identified = LicenseIdentifier.IdentifyText(text);
        }
        else if (path is not null && branch is not null)
        {
            var bytes = await GitHubErrors.GuardOptional(() => client.Repository.Content.GetRawContentByRef(owner, n.Name, path, branch), $"{path} of {owner}/{n.Name}").ConfigureAwait(false);
            identified = bytes is null ? null : LicenseIdentifier.Identify(bytes);
        }
        return (RepoLicense.Decide(info.SpdxId, info.Name, info.Key, path, fileUrl, identified), identified);
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}

/// <summary>GitHub could not answer a page of this size in time or within its resource limits: a smaller one may pass.</summary>
internal sealed class PageTooHeavyException(string message) : Exception(message);

/// <summary>The GraphQL endpoint itself is missing (an old or restricted server): the REST reader can take over.</summary>
internal sealed class GraphQlUnavailableException(string message, Exception? inner) : GitHubException(message, null, inner);

/// <summary>The next request would not end within the read's time (<see cref="GraphQlOrgReader.StopBeforeTimeRunsOut"/>).</summary>
internal sealed class ReadOutOfTimeException() : Exception("the read's time ran out");

/// <summary>
/// A read that stopped before the run's time ran out (<see cref="GraphQlOrgReader.StopBeforeTimeRunsOut"/>):
/// <see cref="Read"/> of the <see cref="Total"/> repositories are in the read cache (<see cref="ThisRun"/>
/// of them by this run), the next run goes on from there, and nothing may be
/// rendered or published from what was read.
/// </summary>
internal sealed class ReadUnfinishedException(string org, int read, int total, int thisRun, string? notKept = null)
    : Exception(notKept is null
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"the read of '{org}' stopped before the run's time ran out: {read:N0} of its {total:N0} repositories are read and kept in the read cache ({thisRun:N0} of them by this run); the next run goes on from there; nothing was published or written")
        // Said as plainly: a cache that cannot be written would have every run start over and stop again.
        : string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"the read of '{org}' stopped before the run's time ran out, and the read cache could not be written ({notKept}): the next run starts over; give the job a writable cache folder, or more time (timeout-minutes); nothing was published or written"))
{
    public string Org => org;

    /// <summary>Why the cache could not be written; null when what was read is kept.</summary>
    public string? NotKept => notKept;

    public int Read => read;

    public int Total => total;

    public int ThisRun => thisRun;
}
