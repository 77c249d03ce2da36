using System.Text.RegularExpressions;

namespace CQEN.ProfileGen.GitHub;

/// <summary>
/// URLs as the tool may print them, without the credentials a URL can carry: user info
/// (`user:token@`) and credential parameters (`?access_token=…`, `#token=…`). An ordinary URL's
/// query and fragment (`…/README.md#L5`, `…/search?q=topic:x`) are left exactly as they are, so a
/// link in a job summary still goes where it went.
/// </summary>
internal static partial class SafeUrl
{
    /// <summary>
    /// The one URL a user gave the tool as its API address (or what was meant as one), for an error
    /// message: without user info, query or fragment, none of which an API address has.
    /// </summary>
    public static string Redact(string url) => WholeQuery().Replace(RedactAll(url.ReplaceLineEndings(" ").Trim()), "$1?***");

    /// <summary>Every URL inside a message, with its credentials cut out and nothing else changed.</summary>
    public static string RedactAll(string text)
    {
        text = UserInfo().Replace(text, "$1***@");
        return CredentialParameter().Replace(text, "$1***");
    }

    // scheme://user[:secret]@ → scheme://***@ (the user name alone can be a token too).
    [GeneratedRegex(@"([a-zA-Z][a-zA-Z0-9+.-]*://)[^/?#@\s]*@")]
    private static partial Regex UserInfo();

    // A parameter whose name says it holds a credential, in a query or a fragment: only its value
    // goes. The value ends where a URL or its Markdown link ends.
    [GeneratedRegex(@"([?&#;](?:access_token|token|private_token|client_secret|api_key|apikey|password|passwd|secret|jwt|sig|signature|x-amz-signature|x-amz-credential|x-amz-security-token)=)[^&#\s)\]>""'`]+", RegexOptions.IgnoreCase)]
    private static partial Regex CredentialParameter();

    [GeneratedRegex(@"([a-zA-Z][a-zA-Z0-9+.-]*://[^\s?#]*)[?#][^\s]*")]
    private static partial Regex WholeQuery();
}
