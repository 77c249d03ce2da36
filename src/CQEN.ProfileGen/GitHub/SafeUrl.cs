using System.Text.RegularExpressions;

namespace CQEN.ProfileGen.GitHub;

/// <summary>
/// URLs as the tool may print them: without user info (`user:token@`) and without a query or
/// fragment (`?access_token=…`), the two places a credential hides in a URL.
/// </summary>
internal static partial class SafeUrl
{
    /// <summary>One URL (or what was meant as one), with its credentials cut out.</summary>
    public static string Redact(string url) => RedactAll(url.ReplaceLineEndings(" ").Trim());

    /// <summary>Every URL inside a message, with its credentials cut out.</summary>
    public static string RedactAll(string text)
    {
        text = UserInfo().Replace(text, "$1***@");
        return Query().Replace(text, "$1?***");
    }

    // scheme://user[:secret]@ → scheme://***@ (the user name alone can be a token too).
    [GeneratedRegex(@"([a-zA-Z][a-zA-Z0-9+.-]*://)[^/?#@\s]*@")]
    private static partial Regex UserInfo();

    [GeneratedRegex(@"([a-zA-Z][a-zA-Z0-9+.-]*://[^\s?#]*)[?#][^\s]*")]
    private static partial Regex Query();
}
