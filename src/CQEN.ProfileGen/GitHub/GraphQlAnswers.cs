using System.Text.Json.Serialization;

namespace CQEN.ProfileGen.GitHub;

// What the tool reads from GitHub's GraphQL answers, field for field as its queries ask for them
// (aliases included). Fields a query does not ask for are absent here; a field GitHub leaves null
// is null here. The answers are read with the source-generated GraphQlJson context below.

/// <summary>GitHub's answer to one document: its data (fields that failed are null) and its errors.</summary>
internal sealed record GraphQlAnswer<TData>(TData? Data, IReadOnlyList<GraphQlError>? Errors)
    where TData : class
{
    /// <summary>GitHub's error messages in one line, or null when there are none.</summary>
    public string? ErrorText => Errors is { Count: > 0 }
        ? string.Join("; ", Errors.Select(e => e.Message ?? "unknown error")).ReplaceLineEndings(" ")
        : null;
}

/// <summary>
/// One error of an answer. GitHub's own errors carry <c>type</c>; validation errors of the
/// graphql-ruby layer (an older GitHub Enterprise Server's schema) carry <c>extensions.code</c> instead.
/// </summary>
/// <param name="Path">Where in data the error is (field names and list indexes), when GitHub says.</param>
internal sealed record GraphQlError(string? Type, string? Message, GraphQlErrorExtensions? Extensions = null, IReadOnlyList<System.Text.Json.JsonElement>? Path = null)
{
    /// <summary>The error's kind, wherever the server put it.</summary>
    [JsonIgnore]
    public string? Kind => Type ?? Extensions?.Code;
}

internal sealed record GraphQlErrorExtensions(string? Code);

internal sealed record Connection<T>(IReadOnlyList<T?>? Nodes)
    where T : class
{
    /// <summary>The nodes that are there (GitHub gives null for one it could not read).</summary>
    [JsonIgnore]
    public IEnumerable<T> Present => Nodes?.OfType<T>() ?? [];
}

internal sealed record Named(string? Name);

internal sealed record Account(string? Login);

internal sealed record ObjectId(string? Oid);

/// <summary>
/// An <c>object(expression: ...)</c> read as a blob; a tree there answers an empty object (all null).
/// GitHub answers <c>isBinary: null</c> when it could not tell (a blob over about 512 KB, with
/// <c>isTruncated: true</c>): the text is then cut or null, and the bytes are read with REST.
/// </summary>
internal sealed record BlobText(string? Text, bool? IsBinary, bool IsTruncated)
{
    /// <summary>The whole text, when GitHub gave all of it as text.</summary>
    [JsonIgnore]
    public string? WholeText => IsBinary == false && !IsTruncated ? Text : null;
}

// ---- the organization's repositories (GraphQlOrgReader.Query) ----------------------------

internal sealed record OrgReposData(OrgNode? Organization);

internal sealed record OrgNode(
    string? Login, string? Name, string? Description, string? Url, string? WebsiteUrl, string? Location, string? Email,
    string? AvatarUrl, bool IsVerified, DateTimeOffset? CreatedAt, Connection<Named>? PinnedItems, RepoPage? Repositories);

internal sealed record RepoPage(int TotalCount, PageInfo? PageInfo, IReadOnlyList<RepoNode?>? Nodes);

internal sealed record PageInfo(bool HasNextPage, string? EndCursor);

internal sealed record RepoNode(
    string Name, string NameWithOwner, string Url, string? Description, string? HomepageUrl, string? Visibility,
    bool IsArchived, bool IsFork, bool IsTemplate, int StargazerCount, int ForkCount,
    DateTimeOffset? PushedAt, DateTimeOffset? UpdatedAt, DateTimeOffset? CreatedAt,
    BranchRef? DefaultBranchRef, Named? PrimaryLanguage, LicenseInfo? LicenseInfo, Connection<TopicNode>? RepositoryTopics,
    RootTree? Root);

/// <summary>The default branch: its name, and the commit it points at (what the read cache compares).</summary>
internal sealed record BranchRef(string? Name, ObjectId? Target);

internal sealed record LicenseInfo(string? Key, string? Name, string? SpdxId);

internal sealed record TopicNode(Named? Topic);

internal sealed record RootTree(IReadOnlyList<TreeEntry>? Entries);

/// <summary>A tree entry; <c>mode</c> is git's (0o120000 = 40960: a symbolic link, whose blob is its target's path).</summary>
internal sealed record TreeEntry(string Name, string? Type, int? Mode = null);

/// <summary>
/// The batched files query: one aliased repository per asked name (f0, f1, …), with the README
/// and licence texts asked for, and the listings of its <c>.github</c> and <c>docs</c> folders.
/// </summary>
internal sealed record RepoFiles(BlobText? Readme, BlobText? License, RootTree? Dotgithub = null, RootTree? Docs = null, BranchRef? DefaultBranchRef = null, RootTree? Root = null,
    BlobText? Publiccode = null, BlobText? CatalogInfo = null,
    bool? IsDisabled = null, bool? IsSecurityPolicyEnabled = null, UrlNode? CodeOfConduct = null, UrlNode? ContributingGuidelines = null, ReleaseNode? LatestRelease = null, CiHead? Ci = null,
    BlobText? ReadmeFr = null, BlobText? ReadmeEn = null)
{
    /// <summary>The health fields' answer, when the batch asked them (<see cref="GraphQlHealth.FilesBatchFields"/>).</summary>
    [JsonIgnore]
    public HealthNode? Health => IsDisabled is { } disabled ? new HealthNode(disabled, IsSecurityPolicyEnabled, CodeOfConduct, ContributingGuidelines, LatestRelease, Ci) : null;

    /// <summary>GitHub refused this repository's CI state to the token (FORBIDDEN at its rollup): its CI is unknown.</summary>
    [JsonIgnore]
    public bool CiUnreadable { get; init; }
}

// ---- repository health (GraphQlHealth.Query) -------------------------------------------------

/// <summary>One repository's health fields, under its alias (h0, h1, …).</summary>
internal sealed record HealthNode(
    bool IsDisabled, bool? IsSecurityPolicyEnabled, UrlNode? CodeOfConduct, UrlNode? ContributingGuidelines, ReleaseNode? LatestRelease, CiHead? DefaultBranchRef);

/// <summary>A community file GitHub found (codeOfConduct, contributingGuidelines): its page.</summary>
internal sealed record UrlNode(string? Url);

internal sealed record ReleaseNode(string? TagName, DateTimeOffset? PublishedAt);

/// <summary>The default branch, for its head commit's CI state (<c>statusCheckRollup</c>: null when the commit has none).</summary>
internal sealed record CiHead(CiCommit? Target);

internal sealed record CiCommit(CiRollup? StatusCheckRollup);

internal sealed record CiRollup(string? State);

// ---- what publishing reads (OctokitGateway.PublishStateQuery) ----------------------------

internal sealed record PublishStateData(PublishRepoNode? Repository, Account? Viewer = null);

internal sealed record PublishRepoNode(
    string? Id, string? Name, Account? Owner, Named? DefaultBranchRef, RefNode? Base, RefNode? Branch, Connection<PullNode>? PullRequests, string? Visibility = null);

internal sealed record RefNode(string? Name, HeadCommit? Target);

// Properties, not a constructor, and a settable extension: System.Text.Json binds extension data neither to a constructor parameter nor to an init accessor.
internal sealed record HeadCommit
{
    public string? Oid { get; init; }
    public string? Message { get; init; }
    public int? ChangedFilesIfAvailable { get; init; }
    public ObjectId? Tree { get; init; }
    public Connection<ObjectId>? Parents { get; init; }
    public TreeFile? File { get; init; }

    /// <summary>The other files asked for, by alias (c0, c1…: see OctokitGateway.PublishStateQuery).</summary>
    [JsonExtensionData]
    public Dictionary<string, System.Text.Json.JsonElement>? Companions { get; set; }
}

internal sealed record TreeFile(BlobText? Object);

internal sealed record PullNode(
    int Number, string? Url, string? Title, string? Body, string? State, string? HeadRefName, string? HeadRefOid, string? BaseRefName,
    Account? HeadRepositoryOwner, Account? Author, Connection<Named>? Labels, Connection<ReviewRequest>? ReviewRequests, Connection<Account>? Assignees,
    Connection<ReviewNode>? LatestReviews, Connection<CommentNode>? Comments);

internal sealed record ReviewRequest(Reviewer? RequestedReviewer);

/// <summary>A user (login) or a team (slug).</summary>
internal sealed record Reviewer(string? Login, string? Slug);

internal sealed record ReviewNode(Account? Author);

internal sealed record CommentNode(string? Body);

// ---- mutations -------------------------------------------------------------------------------

internal sealed record MutationPayload(string? ClientMutationId);

internal sealed record MoveBranchData(MutationPayload? UpdateRefs);

internal sealed record CommitToBranchData(MutationPayload? Move, CommittedNode? Commit);

internal sealed record CommittedNode(ObjectId? Commit);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(GraphQlAnswer<OrgReposData>))]
[JsonSerializable(typeof(GraphQlAnswer<Dictionary<string, RepoFiles?>>))]
[JsonSerializable(typeof(GraphQlAnswer<Dictionary<string, HealthNode?>>))]
[JsonSerializable(typeof(GraphQlAnswer<PublishStateData>))]
[JsonSerializable(typeof(GraphQlAnswer<MoveBranchData>))]
[JsonSerializable(typeof(GraphQlAnswer<CommitToBranchData>))]
[JsonSerializable(typeof(TreeFile))]
internal sealed partial class GraphQlJson : JsonSerializerContext;
