using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Health;

/// <summary>The community files GitHub lets a public repository inherit from its organization's public <c>.github</c> repository.</summary>
internal enum CommunityFile
{
    SecurityPolicy,
    CodeOfConduct,
    Contributing,
    Support,
}

/// <summary>
/// GitHub's inheritance rule for community health files ("Creating a default community health
/// file"): a public repository without its own CODE_OF_CONDUCT, CONTRIBUTING, SECURITY or SUPPORT
/// file (at its root, in .github/ or in docs/) uses the one of the organization's public
/// <c>.github</c> repository. Only these files: never LICENSE. Private and internal repositories
/// inherit nothing. A repository's own file always wins.
/// <para>
/// GitHub's own fields are taken as evidence, not as the answer: <c>isSecurityPolicyEnabled</c>
/// already counts an inherited policy (ossf/allstar#43 moved to it for that reason), while the
/// schema says nothing of <c>codeOfConduct</c> and <c>contributingGuidelines</c>. The rule below
/// gives the same source whichever way GitHub counts them, so an inherited file is never "missing".
/// </para>
/// </summary>
internal static class CommunityInheritance
{
    /// <summary>"own", "inherited", "missing" or "unknown".</summary>
    public const string Own = "own";
    public const string Inherited = "inherited";
    public const string Missing = "missing";

    /// <summary>
    /// The defaults the organization's public <c>.github</c> repository offers, from its root
    /// listing (null when it was not read, or the organization has no public <c>.github</c>:
    /// then nothing is inherited and nothing is claimed about it).
    /// </summary>
    public static IReadOnlySet<CommunityFile>? Defaults(OrgSnapshot snapshot) =>
        // Once per snapshot: every repository's health asks for them (20,000 repositories, one scan).
        Known.GetValue(snapshot, s => new DefaultsRead(Read(s))).Files;

    private sealed record DefaultsRead(IReadOnlySet<CommunityFile>? Files);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<OrgSnapshot, DefaultsRead> Known = [];

    private static IReadOnlySet<CommunityFile>? Read(OrgSnapshot snapshot)
    {
        var dotGithub = snapshot.Repos.FirstOrDefault(r => string.Equals(r.Name, ".github", StringComparison.OrdinalIgnoreCase));
        if (dotGithub is null)
        {
            return new HashSet<CommunityFile>();
        }
        if (dotGithub.Visibility != "public")
        {
            return new HashSet<CommunityFile>(); // a private .github gives no defaults
        }
        if (dotGithub.RootFiles is not { } root)
        {
            return null;
        }
        return Enum.GetValues<CommunityFile>().Where(kind => root.Any(name => Names(kind, name))).ToHashSet();
    }

    /// <summary>Whether a file name at a root is GitHub's name for that kind (any case; .md, .txt, .rst… or none).</summary>
    public static bool Names(CommunityFile kind, string fileName)
    {
        if (fileName.EndsWith('/'))
        {
            return false;
        }
        var dot = fileName.IndexOf('.', StringComparison.Ordinal);
        var stem = dot < 0 ? fileName.AsSpan() : fileName.AsSpan(0, dot);
        return stem.Equals(Stem(kind), StringComparison.OrdinalIgnoreCase);
    }

    public static string Stem(CommunityFile kind) => kind switch
    {
        CommunityFile.SecurityPolicy => "SECURITY",
        CommunityFile.CodeOfConduct => "CODE_OF_CONDUCT",
        CommunityFile.Contributing => "CONTRIBUTING",
        _ => "SUPPORT",
    };

    /// <summary>
    /// Where a repository's file of this kind comes from. <paramref name="said"/> is GitHub's field
    /// (null: not read); <paramref name="defaults"/> what the organization's <c>.github</c> offers.
    /// </summary>
    public static string Source(CommunityFile kind, RepoSnapshot repo, CommunityFileRead? said, IReadOnlySet<CommunityFile>? defaults, string org)
    {
        // Asked three times of every repository: a loop over its root, no closure per call.
        if (repo.RootFiles is { } root)
        {
            for (var i = 0; i < root.Count; i++)
            {
                if (Names(kind, root[i]))
                {
                    return Own;
                }
            }
        }
        var inherits = repo.Visibility == "public" && defaults?.Contains(kind) == true && !IsOrgDotGithub(repo);
        if (said is { Present: true })
        {
            if (PointsInto(said.Url, repo.Url) && !IsPolicyPage(said.Url))
            {
                return Own; // its page is a file of the repository itself (in .github/ or docs/)
            }
            if (PointsInto(said.Url, $"https://github.com/{org}/.github") && !IsOrgDotGithub(repo))
            {
                return Inherited;
            }
            // GitHub sees one and cannot say where: the organization's, when the rule gives it one
            // and the repository shows none of its own at its root; else it is in .github/ or docs/.
            return inherits ? Inherited : Own;
        }
        if (inherits)
        {
            return Inherited; // GitHub's rule applies whether or not its field counts the default
        }
        if (said is { Present: false })
        {
            return Missing;
        }
        // Not read (the REST reader): own or inherited could be told above; anything else is not known.
        return HealthValues.Unknown;
    }

    private static bool IsOrgDotGithub(RepoSnapshot repo) => string.Equals(repo.Name, ".github", StringComparison.OrdinalIgnoreCase);

    private static bool PointsInto(string? url, string repoUrl) =>
        url is not null && url.StartsWith(repoUrl.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase);

    // GitHub's security policy page (/security/policy) exists for an own and an inherited policy alike.
    private static bool IsPolicyPage(string? url) => url?.EndsWith("/security/policy", StringComparison.Ordinal) == true;
}
