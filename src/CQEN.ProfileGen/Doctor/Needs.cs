namespace CQEN.ProfileGen.Doctor;

/// <summary>How the run authenticates, as far as the token (its prefix) and the place it runs in tell.</summary>
internal enum TokenKind
{
    None,

    /// <summary>A workflow's GITHUB_TOKEN (or an App's installation token handed to the workflow as one).</summary>
    ActionsToken,

    /// <summary>A GitHub App's installation token.</summary>
    App,

    /// <summary>A classic personal access token (or OAuth token): scopes.</summary>
    Classic,

    /// <summary>A fine-grained personal access token: per-permission levels GitHub does not show.</summary>
    FineGrained,

    Unknown,
}

/// <summary>
/// What each feature needs, by token kind, in the words the README's "Permissions and settings"
/// table uses (a test holds the two together): the fixes `doctor` prints are made of these.
/// </summary>
internal static class Needs
{
    public static TokenKind KindOf(GitHub.GitHubCredentials credentials, bool inGitHubActions) => credentials switch
    {
        GitHub.GitHubCredentials.None => TokenKind.None,
        GitHub.GitHubCredentials.App => TokenKind.App,
        GitHub.GitHubCredentials.Token t when t.Value.StartsWith("github_pat_", StringComparison.Ordinal) => TokenKind.FineGrained,
        GitHub.GitHubCredentials.Token t when t.Value.StartsWith("ghp_", StringComparison.Ordinal) || t.Value.StartsWith("gho_", StringComparison.Ordinal) => TokenKind.Classic,
        // ghs_ is a server-to-server token: in a workflow, its GITHUB_TOKEN; elsewhere, an App's.
        GitHub.GitHubCredentials.Token t when t.Value.StartsWith("ghs_", StringComparison.Ordinal) => inGitHubActions ? TokenKind.ActionsToken : TokenKind.App,
        _ => TokenKind.Unknown,
    };

    /// <summary>The kind as the README's table heads its column.</summary>
    public static string Describe(TokenKind kind) => kind switch
    {
        TokenKind.ActionsToken => "workflow `GITHUB_TOKEN`",
        TokenKind.App => "GitHub App",
        TokenKind.Classic => "classic token",
        TokenKind.FineGrained => "fine-grained token",
        TokenKind.None => "no token",
        _ => "a token of unknown kind",
    };

    /// <summary>Where that kind's permissions are given.</summary>
    public static string Where(TokenKind kind) => kind switch
    {
        TokenKind.ActionsToken => "the workflow's `permissions:`",
        TokenKind.App => "the App's permissions (Settings → Developer settings → GitHub Apps; then accept them on the organization's installation)",
        TokenKind.Classic => "the token's scopes",
        TokenKind.FineGrained => "the token's permissions on the repository",
        _ => "the token",
    };

    public static string Write(TokenKind kind) => kind switch
    {
        TokenKind.ActionsToken => "`contents: write`",
        TokenKind.Classic => "`repo` (`public_repo` for a public `.github`)",
        TokenKind.App or TokenKind.FineGrained => "*Contents: write*",
        _ => "a token with write access (GITHUB_TOKEN, GH_TOKEN or a GitHub App)",
    };

    public static string PullRequests(TokenKind kind) => kind switch
    {
        TokenKind.ActionsToken => "`pull-requests: write`",
        TokenKind.Classic => "`repo`",
        _ => "*Pull requests: write*",
    };

    public static string Labels(TokenKind kind) => kind switch
    {
        TokenKind.ActionsToken => "`issues: write`",
        TokenKind.Classic => "`repo`",
        _ => "*Issues: write*",
    };

    public static string Teams(TokenKind kind) => kind switch
    {
        TokenKind.ActionsToken => "not possible (GitHub cannot resolve a team for it): use a GitHub App with *Members: read*",
        TokenKind.Classic => "`read:org`",
        TokenKind.FineGrained => "*Members: read* (organization)",
        _ => "*Members: read*",
    };

    /// <summary>What a GITHUB_TOKEN needs beyond its permissions to open a pull request (REAL-GITHUB R1).</summary>
    public const string ActionsSetting = "turn on \"Allow GitHub Actions to create and approve pull requests\" under Settings → Actions → General → Workflow permissions, in the organization's settings and in the repository's (or publish with a GitHub App)";

    public const string Reviewers = "each one a collaborator of the repository, not the token's own account";

    public const string Draft = "public repository, or a paid plan";

    /// <summary>Everything this run needs from its token, for one line.</summary>
    public static string All(TokenKind kind, bool labels, bool teams) =>
        string.Join(", ", new[] { Write(kind), PullRequests(kind), labels ? Labels(kind) : null, teams ? Teams(kind) : null }.OfType<string>().Distinct());
}
