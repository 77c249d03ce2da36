namespace CQEN.ProfileGen.Badges;

// Temporary until the badges branch lands (it owns this file).
public static class LifecycleBadge
{
    public static ShieldsBadge? Find(IReadOnlyList<ShieldsBadge> badges) =>
        badges.FirstOrDefault(b => b.Label?.Trim() is { } l && (l.Equals("cycle de vie", StringComparison.OrdinalIgnoreCase) || l.Equals("lifecycle", StringComparison.OrdinalIgnoreCase)));
}
