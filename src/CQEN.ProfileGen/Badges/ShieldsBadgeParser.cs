namespace CQEN.ProfileGen.Badges;

/// <summary>Finds shields.io badges in a README header (Markdown and HTML forms).</summary>
public static class ShieldsBadgeParser
{
    /// <summary>Placeholder signature: implemented in the badges work.</summary>
    public static IReadOnlyList<ShieldsBadge> Parse(string readmeText) => [];
}
