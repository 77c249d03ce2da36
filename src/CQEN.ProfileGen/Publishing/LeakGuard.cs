namespace CQEN.ProfileGen.Publishing;

/// <summary>
/// R7, the one rule publishing and `doctor` share: a public profile repository must not name
/// private or internal repositories (their names and descriptions would be on the organization's
/// public page), unless the configuration allows it.
/// </summary>
internal static class LeakGuard
{
    /// <summary>Whether a target of this visibility refuses a profile naming non-public repositories.</summary>
    public static bool Guards(string? targetVisibility, bool allowPrivateInPublic) => !allowPrivateInPublic && targetVisibility == "public";

    /// <summary>The ways out, in the configuration's words.</summary>
    public const string Fix = "keep filters.visibility to [public], publish to .github-private (members only), or set publish.allow_private_in_public: true";
}
