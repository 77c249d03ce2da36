namespace CQEN.ProfileGen.GitHub;

/// <summary>What one run needs from GitHub, in the domain's words: where, as whom, how to read, and what it will write.</summary>
internal sealed record GitHubAccess
{
    public required GitHubEndpoint Endpoint { get; init; }
    public GitHubCredentials Credentials { get; init; } = GitHubCredentials.Anonymous;
    public OrgReader Reader { get; init; } = OrgReader.Auto;

    /// <summary>The organization an App is installed on; null when the credentials are not an App's.</summary>
    public string? Org { get; init; }

    /// <summary>The repository the run will write to (publish), null for a run that only reads.</summary>
    public string? WriteTo { get; init; }

    /// <summary>Whether a minted App token may be limited to <see cref="WriteTo"/> (the profile lists public repositories only).</summary>
    public bool WriteToOnly { get; init; }

    /// <summary>Whether publishing sets labels: an App token then asks for issues: write (creating a missing label needs it).</summary>
    public bool WritesLabels { get; init; }

    /// <summary>Whether publishing asks teams to review: an App token then asks for members: read.</summary>
    public bool AsksTeams { get; init; }

    /// <summary>Where GET answers are kept for conditional requests across runs; null: no cache.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>The time the run is given (the workflow's timeout-minutes, when the Action passes it); null: the starter workflow's 15 minutes.</summary>
    public TimeSpan? ReadTimeBudget { get; init; }

    /// <summary>How the GraphQL reader lists the organization after its first page (tests and the bench force one; users keep the default).</summary>
    public RepositoryList List { get; init; } = RepositoryList.WhenSlow;

    /// <summary>Whether the catalogue files (publiccode.yml, catalog-info.yaml) are read: the configuration's catalogue sources use them.</summary>
    public bool CatalogueFiles { get; init; } = true;

    /// <summary>The custom property names to read (the configuration's custom-property catalogue source); null: none are read.</summary>
    public IReadOnlyCollection<string>? CustomPropertyNames { get; init; }

    /// <summary>The longest wait for a rate limit's reset; null: the resilience options' default.</summary>
    public TimeSpan? RateLimitWait { get; init; }
}
