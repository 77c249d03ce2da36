namespace CQEN.ProfileGen.Badges;

// Temporary until the badges branch lands (it owns this file).
public static class ShieldsBadgeUrl
{
    public static string Build(string label, string message, string color) =>
        "https://img.shields.io/badge/" + Part(label) + "-" + Part(message) + "-" + Part(color);

    private static string Part(string s) => Uri.EscapeDataString(s.Replace("-", "--").Replace("_", "__")).Replace("%20", "_");
}
