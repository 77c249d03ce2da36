using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.GitHub;
using CQEN.ProfileGen.Rendering;

namespace CQEN.ProfileGen.Cli;

/// <summary>One run's settings after layering defaults → profilegen.yml → options → environment.</summary>
public sealed record RunSettings
{
    public required ProfileGenConfig Config { get; init; }
    public string? ConfigPath { get; init; }
    public string? Org { get; init; }
    public required GitHubEndpoint Endpoint { get; init; }
    public string? SnapshotPath { get; init; }
    public required TemplateSource Template { get; init; }
    public string? OutputPath { get; init; }
    public GitHubCredentials Credentials { get; init; } = GitHubCredentials.Anonymous;
    public TimeSpan? RateLimitWait { get; init; }
    public OrgReader Reader { get; init; } = OrgReader.Auto;

    /// <summary>The repository the run will write to (publish), null for a run that only reads.</summary>
    public string? WriteTo { get; init; }

    /// <summary>Whether a minted App token may be limited to <see cref="WriteTo"/> (the profile lists public repositories only).</summary>
    public bool WriteToOnly { get; init; }

    /// <summary>Where GET answers are kept for conditional requests across runs; null: no cache.</summary>
    public string? CacheDirectory { get; init; }

    public static RunSettings Resolve(System.CommandLine.ParseResult parse, CliEnvironment env)
    {
        var configPath = parse.GetValue(RunOptions.Config) is { } c
            ? env.ResolvePath(c.ToString())
            : File.Exists(env.ResolvePath(ConfigLoader.DefaultFileName)) ? env.ResolvePath(ConfigLoader.DefaultFileName) : null;
        if (configPath is not null && !File.Exists(configPath))
        {
            throw new InputException($"--config: file not found: {configPath}");
        }
        var config = configPath is null ? new ProfileGenConfig() : ConfigLoader.Load(configPath);

        var (apiUrlText, apiUrlSource) = parse.GetValue(RunOptions.ApiUrl) is { } given ? (given, "--api-url")
            : config.ApiUrl is { } configured ? (configured, $"{configPath}: api_url")
            : env.Get("GITHUB_API_URL") is { } fromEnv ? (fromEnv, "$GITHUB_API_URL")
            : ("https://api.github.com", "--api-url");
        var endpoint = GitHubEndpoint.Parse(apiUrlText, env.Get("GITHUB_GRAPHQL_URL"), apiUrlSource);

        var template = parse.GetValue(RunOptions.Template) is { } t ? TemplateSource.FromFile(Existing(env.ResolvePath(t.ToString()), "--template"))
            : config.Template is { } ct ? TemplateSource.FromFile(Existing(ct, $"{configPath}: template"))
            : TemplateSource.Default(config.Culture);

        var snapshot = parse.GetValue(RunOptions.Snapshot) is { } s ? Existing(env.ResolvePath(s.ToString()), "--snapshot") : null;
        var output = parse.GetValue(RunOptions.Output) is { } o ? env.ResolvePath(o.ToString()) : null;
        var org = parse.GetValue(RunOptions.Org) ?? config.Org;
        if (org is not null && !IsLogin(org))
        {
            throw new InputException($"--org: '{org}' is not a GitHub organization login");
        }

        return new RunSettings
        {
            Config = config,
            ConfigPath = configPath,
            Org = org,
            Endpoint = endpoint,
            SnapshotPath = snapshot,
            Template = template,
            OutputPath = output,
            Credentials = GitHubCredentials.FromEnvironment(parse, env),
            Reader = parse.GetValue(RunOptions.Reader) switch
            {
                null or "auto" => OrgReader.Auto,
                "rest" => OrgReader.Rest,
                "graphql" => OrgReader.GraphQl,
                var other => throw new InputException($"--reader: must be auto, rest or graphql (got '{other}')"),
            },
            CacheDirectory = (parse.GetValue(RunOptions.CacheDir)?.ToString() ?? env.Get("PROFILEGEN_CACHE_DIR")) is { } cache ? env.ResolvePath(cache) : null,
            RateLimitWait = parse.GetValue(RunOptions.RateLimitWait) is { } w
                ? w is >= 0 and <= CliApp.MaxSeconds ? TimeSpan.FromSeconds(w) : throw new InputException($"--rate-limit-wait: must be a whole number of seconds from 0 to {CliApp.MaxSeconds} (got {w})")
                : null,
        };
    }

    /// <summary>The organization to read: required when no snapshot is given.</summary>
    public string RequireOrg() =>
        Org ?? throw new InputException("--org: no organization given (pass --org LOGIN or set `org` in profilegen.yml)");

    private static bool IsLogin(string org) =>
        org.Length is > 0 and <= 39 && org.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-') && !org.StartsWith('-');

    private static string Existing(string path, string what) =>
        File.Exists(path) ? path : throw new InputException($"{what}: file not found: {path}");
}
