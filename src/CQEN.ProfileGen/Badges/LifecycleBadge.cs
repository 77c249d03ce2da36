namespace CQEN.ProfileGen.Badges;

/// <summary>The badges with a meaning to the profile: lifecycle ("Cycle de vie" / "Lifecycle") and licence.</summary>
internal static class LifecycleBadge
{
    /// <summary>The first badge labelled "Cycle de vie" or "Lifecycle", in any case.</summary>
    public static ShieldsBadge? Find(IReadOnlyList<ShieldsBadge> badges) =>
        badges.FirstOrDefault(b => LabelIs(b, "cycle de vie", "lifecycle"));

    /// <summary>The first badge labelled "License" or "Licence", in any case.</summary>
    public static ShieldsBadge? FindLicense(IReadOnlyList<ShieldsBadge> badges) =>
        badges.FirstOrDefault(b => LabelIs(b, "license", "licence"));

    private static bool LabelIs(ShieldsBadge badge, params string[] labels) =>
        badge.Label?.Trim() is { } label && labels.Any(l => label.Equals(l, StringComparison.OrdinalIgnoreCase));
}
