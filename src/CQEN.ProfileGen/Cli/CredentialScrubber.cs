using System.Text.RegularExpressions;
using CQEN.ProfileGen.GitHub;

namespace CQEN.ProfileGen.Cli;

/// <summary>
/// Takes credentials out of a text about to leave the process, and nothing else: the run's known
/// secret values, strings shaped like GitHub tokens, JWTs or private keys, and the credentials a
/// URL can carry (<see cref="SafeUrl.RedactAll"/>). Ordinary URLs keep their query and fragment.
/// </summary>
internal static partial class CredentialScrubber
{
    public const string Mask = "***";

    /// <summary>The text with every known secret (4 characters or more) and every credential-shaped string masked.</summary>
    public static string Scrub(string text, IEnumerable<string?> secrets)
    {
        // Longest first: a secret that holds another is masked whole.
        foreach (var secret in secrets.OfType<string>().Where(s => s.Length >= 4).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }
        text = PrivateKey().Replace(text, Mask);
        text = TokenShaped().Replace(text, Mask);
        return SafeUrl.RedactAll(text);
    }

    // GitHub's token prefixes (ghp_ personal, gho_ OAuth, ghu_ user-to-server, ghs_ installation,
    // ghr_ refresh, github_pat_ fine-grained), the older installation tokens (v1. + 40 hex) and a
    // JWT (an App's signed assertion: three base64url parts, the first a JSON header).
    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9_-]{16,}|github_pat_[A-Za-z0-9_]{20,}|v1\.[0-9a-f]{40}|eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,})")]
    private static partial Regex TokenShaped();

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)")]
    private static partial Regex PrivateKey();
}
