using System.Text.RegularExpressions;

namespace CQEN.ProfileGen;

/// <summary>
/// GitHub's rule for account and organization logins, in one place: the command line's <c>--org</c>,
/// <c>init</c>, the configuration's <c>org</c> and the schema's pattern (a test keeps that one equal to
/// <see cref="Pattern"/>) all apply it.
/// </summary>
internal static partial class GitHubLogin
{
    /// <summary>Letters, digits and single hyphens, not at either end, 39 at most (GitHub's sign-up rule).</summary>
    public const string Pattern = "^(?=.{1,39}$)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$";

    /// <summary>What a user is told when a login breaks the rule.</summary>
    public const string Rule = "1 to 39 letters, digits or single hyphens, not starting or ending with a hyphen";

    public static bool IsValid(string login) => Login().IsMatch(login);

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex Login();
}
