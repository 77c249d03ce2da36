using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CQEN.ProfileGen.Badges;
using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.GitHub;

/// <summary>
/// What the last run read from each repository's files, kept in the cache folder (--cache-dir,
/// which the Action keeps with actions/cache) beside the commit it read them at: a repository whose
/// default branch still points at that commit has the same files, so they are not read again and a
/// weekly rerun of an unchanged organization costs its list pages only. The file is named by a
/// stable identity (the API and the organization), never by the token, which is new on every
/// Actions run; it also records the tool's version, because what is kept is what this version
/// extracts from the files. A damaged, foreign or other version's file is ignored (with a notice),
/// and the run reads every repository, as a run without a cache does.
/// </summary>
internal sealed class ReadCache
{
    /// <summary>
    /// What was read from one repository's files at one commit. <paramref name="LicenseRead"/>: the
    /// licence file's text was looked at (GitHub could not name the licence), so
    /// <paramref name="LicenseIdentified"/> says what it holds. <paramref name="Branch"/> and
    /// <paramref name="PushedAt"/>: the default branch and GitHub's <c>pushed_at</c> when it was
    /// read, which is all a REST list page tells of a repository (no head commit): a repository
    /// nothing was pushed to since, on the same default branch, has the same files.
    /// <paramref name="Root"/> and <paramref name="LicensePath"/>: its root entries and licence
    /// file, which a REST list page does not give either.
    /// </summary>
    internal sealed record Entry(string? Head, ReadmeHeader? Readme, IReadOnlyList<ShieldsBadge> Badges, string? LicenseIdentified, bool LicenseRead = false,
        string? Branch = null, DateTimeOffset? PushedAt = null, IReadOnlyList<TreeEntry>? Root = null, string? LicensePath = null,
        RepoHealthRead? Health = null)
    {
        /// <summary>The text of publiccode.yml, as read (untrusted, unparsed); null when there is none.</summary>
        public string? Publiccode { get; init; }

        /// <summary>The text of catalog-info.yaml, as read (untrusted, unparsed); null when there is none.</summary>
        public string? CatalogInfo { get; init; }

        /// <summary>The first sentences of the READMEs written in one language, language → sentence (untrusted); null when there is none.</summary>
        public IReadOnlyDictionary<string, string>? ReadmeSummaries { get; init; }
    }

    /// <summary>
    /// <paramref name="ResumePage"/>: the REST list page a read that stopped before its time ran out
    /// goes on from (0: the last read was whole). <paramref name="FilesCeiling"/>: the most
    /// repositories a file batch of this organization may ask for, learned when a larger batch
    /// was refused twice (0: none learned).
    /// </summary>
    private sealed record Document(int Format, string Tool, string Identity, Dictionary<string, Entry> Repos, string Reader = GraphQlReader, int ResumePage = 0, int FilesCeiling = 0);

    /// <summary>The reader that made a cache: each keeps what it reads its own way, so one never uses the other's.</summary>
    internal const string GraphQlReader = "graphql";

    internal const string RestReader = "rest";

    private const int Format = 2;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { RespectNullableAnnotations = true };

    private readonly string _path;
    private readonly string _identity;
    private readonly string _reader;
    private readonly Dictionary<string, Entry> _previous;
    private readonly Dictionary<string, Entry> _next = new(StringComparer.Ordinal);

    private ReadCache(string path, string identity, string reader, Dictionary<string, Entry> previous, int resumePage, int filesCeiling) =>
        (_path, _identity, _reader, _previous, ResumePage, FilesCeiling) = (path, identity, reader, previous, resumePage, filesCeiling);

    /// <summary>Repositories the cache held when it was opened.</summary>
    public int PreviousCount => _previous.Count;

    /// <summary>The REST list page the last read stopped at, when it stopped before its time ran out (0: it was whole).</summary>
    public int ResumePage { get; }

    /// <summary>
    /// The most repositories a file batch may ask for, as the last run learned it (0: no limit
    /// learned): each run would otherwise spend a refused batch, and its penalty, learning it again.
    /// </summary>
    public int FilesCeiling { get; }

    private static string ToolVersion =>
        typeof(ReadCache).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "unknown";

    /// <summary>The identity a cache file belongs to: where the organization lives, and its login (GitHub's logins ignore case).</summary>
    internal static string IdentityOf(GitHubEndpoint endpoint, string org) => $"{endpoint.RestBase.AbsoluteUri} {org.ToLowerInvariant()}";

    /// <summary>The cache file of an organization in a folder.</summary>
    internal static string PathOf(string directory, GitHubEndpoint endpoint, string org) =>
        Path.Combine(directory, "repositories-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(IdentityOf(endpoint, org))))[..24] + ".json");

    /// <summary>Opens the organization's cache in <paramref name="directory"/>; what cannot be used is reported through <paramref name="notice"/> and left out.</summary>
    public static async Task<ReadCache> OpenAsync(string directory, GitHubEndpoint endpoint, string org, Func<string, Task>? notice, string reader = GraphQlReader)
    {
        var path = PathOf(directory, endpoint, org);
        var identity = IdentityOf(endpoint, org);
        var why = (string?)null;
        Dictionary<string, Entry> previous = new(StringComparer.Ordinal);
        var resumePage = 0;
        var filesCeiling = 0;
        try
        {
            if (File.Exists(path))
            {
                var document = JsonSerializer.Deserialize<Document>(await File.ReadAllBytesAsync(path).ConfigureAwait(false), Json);
                why = document is null ? "it is empty"
                    : document.Format != Format || document.Identity != identity ? "it belongs to another organization or format"
                    : document.Tool != ToolVersion ? $"it was made by another version ({document.Tool})"
                    : document.Reader != reader ? $"it was made by the {document.Reader} reader"
                    : null;
                if (why is null)
                {
                    previous = new Dictionary<string, Entry>(document!.Repos, StringComparer.Ordinal);
                    resumePage = document.ResumePage;
                    filesCeiling = Math.Max(0, document.FilesCeiling);
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            why = "it cannot be read (" + ex.GetType().Name + ")";
        }
        if (why is not null && notice is not null)
        {
            await notice($"the read cache {path} was ignored: {why}; every repository's files are read again").ConfigureAwait(false);
        }
        return new ReadCache(path, identity, reader, previous, resumePage, filesCeiling);
    }

    /// <summary>What was read from the repository's files, when its default branch is still at <paramref name="head"/>.</summary>
    public Entry? Find(string name, string? head) =>
        head is not null && _previous.TryGetValue(name, out var entry) && entry.Head == head ? entry : null;

    /// <summary>
    /// What was read from the repository's files, when nothing was pushed to it since (GitHub's
    /// <c>pushed_at</c> moves on a push to any branch) and its default branch is the same.
    /// </summary>
    public Entry? FindUnpushed(string name, string? branch, DateTimeOffset? pushedAt) =>
        pushedAt is not null && _previous.TryGetValue(name, out var entry) && entry.PushedAt == pushedAt && entry.Branch == branch ? entry : null;

    /// <summary>What the last run kept of a repository, whatever its head (where its files were then).</summary>
    public Entry? Previous(string name) => _previous.GetValueOrDefault(name);

    /// <summary>Keeps what this run read (or reused) of a repository, for the next run.</summary>
    public void Keep(string name, Entry entry)
    {
        lock (_next)
        {
            _next[name] = entry;
        }
    }

    /// <summary>
    /// The health the last run read of a repository nothing was pushed to since (a release's tag is a
    /// push too), when it cannot have moved without one: its CI had settled (a pending or unreadable
    /// state is asked again), and the organization's own defaults did not move (<paramref name="defaultsMoved"/>).
    /// </summary>
    public RepoHealthRead? UnchangedHealth(string name, DateTimeOffset? pushedAt, bool defaultsMoved) =>
        !defaultsMoved && pushedAt is not null && _previous.TryGetValue(name, out var entry) && entry.PushedAt == pushedAt
            && entry.Health is { } health && health.Ci is not ("pending" or "expected" or HealthValues.Unknown) ? health : null;

    /// <summary>Adds the health this run read (or reused) to what it keeps of the repository.</summary>
    public void KeepHealth(string name, RepoHealthRead health)
    {
        lock (_next)
        {
            if (_next.TryGetValue(name, out var entry))
            {
                _next[name] = entry with { Health = health };
            }
        }
    }

    /// <summary>Writes what this run kept (only after a whole read: repositories gone since are dropped); failing to write never fails the run.</summary>
    public Task SaveAsync(int filesCeiling = 0)
    {
        lock (_next)
        {
            return WriteAsync(new Dictionary<string, Entry>(_next, StringComparer.Ordinal), resumePage: 0, filesCeiling);
        }
    }

    /// <summary>Where the cache is written (named in the one line a stopped read ends with when it could not be written).</summary>
    public string FilePath => _path;

    /// <summary>
    /// Writes, after a read that stopped before its time ran out, what this run read beside what
    /// earlier runs kept of the repositories it did not reach (none is dropped: the next run goes
    /// on from there, <paramref name="resumePage"/> for a REST list). A repository this run took
    /// from the cache keeps the health read then, as a whole run would (<see cref="UnchangedHealth"/>
    /// decides again next time). Returns how many repositories the cache now holds, and why it
    /// could not be written (null when it was): then nothing is kept and the next run starts over.
    /// </summary>
    public async Task<(int Held, string? NotWritten)> SaveUnfinishedAsync(int resumePage, int filesCeiling = 0)
    {
        var merged = new Dictionary<string, Entry>(_previous, StringComparer.Ordinal);
        lock (_next)
        {
            foreach (var (name, entry) in _next)
            {
                merged[name] = entry.Health is null && _previous.TryGetValue(name, out var before) && before.PushedAt == entry.PushedAt ? entry with { Health = before.Health } : entry;
            }
        }
        return (merged.Count, await WriteAsync(merged, resumePage, filesCeiling).ConfigureAwait(false));
    }

    // The cache only saves requests: a failure to write it is returned, never thrown.
    private async Task<string?> WriteAsync(Dictionary<string, Entry> repos, int resumePage, int filesCeiling)
    {
        var temp = _path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            await File.WriteAllBytesAsync(temp, JsonSerializer.SerializeToUtf8Bytes(new Document(Format, ToolVersion, _identity, repos, _reader, resumePage, filesCeiling), Json)).ConfigureAwait(false);
            File.Move(temp, _path, overwrite: true);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temp); // no half-written file left in the folder the Action keeps
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // Nothing more to do: the next run ignores a stray temporary file.
            }
            return ex.Message;
        }
    }
}
