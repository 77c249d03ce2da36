using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.GitHub;

/// <summary>
/// The one seam between the tool and GitHub. Implementations map GitHub's types to our own
/// records at this boundary and translate its failures into <see cref="GitHubException"/>.
/// Reading the organization is <see cref="IOrgSource.ReadAsync"/>; the rest is what publishing needs.
/// </summary>
internal interface IGitHubGateway : IOrgSource, Publishing.IPublishGateway
{
    // What `profilegen doctor` reads: never a write, and a refusal (403/404) is an unknown answer, not a failure.

    /// <summary>The token's classic scopes (null: GitHub sent none, so not a classic token) and its budgets, from the free GET /rate_limit.</summary>
    Task<TokenReading> ReadTokenAsync(CancellationToken ct);

    /// <summary>The repository as the token sees it; null when GitHub answers 404 (absent or hidden from the token).</summary>
    Task<RepoAccess?> ReadRepositoryAccessAsync(string owner, string repo, CancellationToken ct);

    /// <summary>The organization's repositories (public, and private where the token may count them); null when not found.</summary>
    Task<int?> CountRepositoriesAsync(string org, CancellationToken ct);

    /// <summary>"Allow GitHub Actions to create and approve pull requests" at the organization's level (<paramref name="repo"/> null) or the repository's; readable by administrators only.</summary>
    Task<Answer<bool>> ReadActionsMayApprovePullRequestsAsync(string owner, string? repo, CancellationToken ct);

    /// <summary>The types of the rules that apply to the branch (non_fast_forward, creation, deletion, required_signatures…).</summary>
    Task<Answer<IReadOnlyList<string>>> ReadBranchRulesAsync(string owner, string repo, string branch, CancellationToken ct);

    Task<Answer<IReadOnlyList<string>>> ReadLabelNamesAsync(string owner, string repo, CancellationToken ct);

    Task<Answer<bool>> IsCollaboratorAsync(string owner, string repo, string login, CancellationToken ct);
}

/// <summary>An answer GitHub may withhold: <see cref="Value"/> when given, else <see cref="Withheld"/> says GitHub's refusal.</summary>
internal sealed record Answer<T>(T? Value, string? Withheld)
{
    public bool Known => Withheld is null;
}

/// <param name="Scopes">A classic token's scopes from X-OAuth-Scopes; null when GitHub sent no such header.</param>
internal sealed record TokenReading(IReadOnlyList<string>? Scopes, RateBudget? Core, RateBudget? GraphQl);

internal sealed record RateBudget(long Limit, long Remaining, DateTimeOffset Reset);

/// <param name="Push">Whether the token's account may push (null: GitHub did not say, as for a GITHUB_TOKEN or an App).</param>
internal sealed record RepoAccess(string Visibility, string DefaultBranch, bool? Push, bool? Admin);
