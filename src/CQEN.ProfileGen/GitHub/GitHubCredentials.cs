namespace CQEN.ProfileGen.GitHub;

/// <summary>
/// How a run authenticates, one of three: nothing (public data only), a token, or a GitHub App
/// (id + PEM key, exchanged for an installation token). ToString never shows a secret.
/// </summary>
internal abstract record GitHubCredentials
{
    private GitHubCredentials()
    {
    }

    public static readonly GitHubCredentials Anonymous = new None();

    /// <summary>Every secret these credentials hold, so output can be scrubbed of them.</summary>
    public abstract IEnumerable<string> Secrets { get; }

    public sealed record None : GitHubCredentials
    {
        public override IEnumerable<string> Secrets => [];

        public override string ToString() => "anonymous";
    }

    public sealed record Token(string Value) : GitHubCredentials
    {
        public override IEnumerable<string> Secrets => [Value];

        public override string ToString() => "token";
    }

    /// <param name="KeySource">Where the key came from, for error messages ("--app-private-key-file x.pem").</param>
    public sealed record App(string AppId, string PrivateKeyPem, string KeySource) : GitHubCredentials
    {
        public override IEnumerable<string> Secrets => [PrivateKeyPem];

        public override string ToString() => $"GitHub App {AppId}";
    }
}
