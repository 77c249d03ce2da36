namespace CQEN.ProfileGen.Cli;

/// <summary>
/// How the run authenticates: a token (GITHUB_TOKEN, else GH_TOKEN), a GitHub App (id + PEM
/// key, exchanged for an installation token), or nothing (public data only).
/// ToString never shows a secret.
/// </summary>
public sealed record GitHubCredentials
{
    public static readonly GitHubCredentials Anonymous = new();

    public string? Token { get; init; }
    public string? AppId { get; init; }
    public string? AppPrivateKeyPem { get; init; }

    /// <summary>Where the key came from, for error messages ("--app-private-key-file x.pem", "$PROFILEGEN_APP_PRIVATE_KEY").</summary>
    public string? AppKeySource { get; init; }

    public bool IsApp => AppId is not null;

    /// <summary>Every secret this run knows, so output can be scrubbed of them.</summary>
    public IEnumerable<string> Secrets => new[] { Token, AppPrivateKeyPem }.Where(s => !string.IsNullOrEmpty(s))!;

    public override string ToString() => IsApp ? $"GitHub App {AppId}" : Token is null ? "anonymous" : "token";

    public static GitHubCredentials FromEnvironment(System.CommandLine.ParseResult parse, CliEnvironment env)
    {
        var appId = parse.GetValue(RunOptions.AppId) ?? env.Get("PROFILEGEN_APP_ID");
        var token = ReadToken(env, "GITHUB_TOKEN") ?? ReadToken(env, "GH_TOKEN");
        if (appId is null)
        {
            return new GitHubCredentials { Token = token };
        }
        if (!appId.All(char.IsAsciiDigit))
        {
            throw new InputException($"--app-id: '{appId}' is not a numeric GitHub App id");
        }
        string pem, source;
        if (parse.GetValue(RunOptions.AppPrivateKeyFile) is { } file)
        {
            (pem, source) = (ReadKey(env.ResolvePath(file.ToString()), "--app-private-key-file"), $"--app-private-key-file {file}");
        }
        else if (env.Get("PROFILEGEN_APP_PRIVATE_KEY") is { } inline)
        {
            (pem, source) = (inline, "$PROFILEGEN_APP_PRIVATE_KEY");
        }
        else if (env.Get("PROFILEGEN_APP_PRIVATE_KEY_FILE") is { } keyFile)
        {
            (pem, source) = (ReadKey(env.ResolvePath(keyFile), "$PROFILEGEN_APP_PRIVATE_KEY_FILE"), $"$PROFILEGEN_APP_PRIVATE_KEY_FILE {keyFile}");
        }
        else
        {
            throw new InputException("--app-id: a GitHub App also needs its private key (--app-private-key-file, $PROFILEGEN_APP_PRIVATE_KEY or $PROFILEGEN_APP_PRIVATE_KEY_FILE)");
        }
        return new GitHubCredentials { AppId = appId, AppPrivateKeyPem = pem, AppKeySource = source };
    }

    // A token pasted into a secret often ends with a newline: trimmed here, once, so no later
    // step (an HTTP header refusing it, a message flattening it) ever sees the raw value.
    private static string? ReadToken(CliEnvironment env, string variable)
    {
        var value = env.Get(variable)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (value.Any(ch => char.IsWhiteSpace(ch) || char.IsControl(ch) || ch > '\u007e'))
        {
            throw new InputException($"${variable}: the token has spaces, line breaks or other characters no GitHub token has inside it; set it again without them");
        }
        return value;
    }

    private static string ReadKey(string path, string what)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{what}: cannot read {path}: {ex.GetType().Name}");
        }
    }
}
