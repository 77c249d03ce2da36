using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.GitHub;
using CQEN.ProfileGen.Rendering;

namespace CQEN.ProfileGen.Cli;

/// <summary>One run's settings after layering defaults → profilegen.yml → options → environment.</summary>
internal sealed record RunSettings
{
    public required ProfileGenConfig Config { get; init; }
    public string? ConfigPath { get; init; }
    public string? Org { get; init; }
    public string? SnapshotPath { get; init; }
    public required TemplateSource Template { get; init; }
    public string? OutputPath { get; init; }

    /// <summary>Where and how the run talks to GitHub, in the adapter's terms.</summary>
    public required GitHubAccess GitHub { get; init; }

    public static RunSettings Resolve(System.CommandLine.ParseResult parse, RunOptions options, CliEnvironment env)
    {
        var configPath = parse.GetValue(options.Config) is { } c
            ? env.ResolvePath(c.ToString())
            : File.Exists(env.ResolvePath(ConfigLoader.DefaultFileName)) ? env.ResolvePath(ConfigLoader.DefaultFileName) : null;
        if (configPath is not null && !File.Exists(configPath))
        {
            throw new InputException($"--config: file not found: {configPath}");
        }
        var config = configPath is null ? new ProfileGenConfig() : ConfigLoader.Load(configPath);

        var (apiUrlText, apiUrlSource) = parse.GetValue(options.ApiUrl) is { } given ? (given, "--api-url")
            : config.ApiUrl is { } configured ? (configured, $"{configPath}: api_url")
            : env.Get("GITHUB_API_URL") is { } fromEnv ? (fromEnv, "$GITHUB_API_URL")
            : ("https://api.github.com", "--api-url");
        var endpoint = GitHubEndpoint.Parse(apiUrlText, env.Get("GITHUB_GRAPHQL_URL"), apiUrlSource);

        var template = parse.GetValue(options.Template) is { } t ? TemplateSource.FromFile(Existing(env.ResolvePath(t.ToString()), "--template"))
            : config.Template is { } ct ? TemplateSource.FromFile(Existing(ct, $"{configPath}: template"))
            : TemplateSource.Default(config.Culture);

        var snapshot = (parse.GetValue(options.Snapshot) ?? parse.GetValue(options.PublishSnapshot)) is { } s ? Existing(env.ResolvePath(s.ToString()), "--snapshot") : null;
        var output = parse.GetValue(options.Output) is { } o ? env.ResolvePath(o.ToString()) : null;
        var org = parse.GetValue(options.Org) ?? config.Org;
        if (org is not null && !GitHubLogin.IsValid(org))
        {
            throw new InputException($"--org: '{org}' is not a GitHub organization login ({GitHubLogin.Rule})");
        }

        var credentials = Credentials(parse, options, env);
        var reader = parse.GetValue(options.Reader) switch
        {
            null or "auto" => OrgReader.Auto,
            "rest" => OrgReader.Rest,
            "graphql" => OrgReader.GraphQl,
            var other => throw new InputException($"--reader: must be auto, rest or graphql (got '{other}')"),
        };
        if (reader == OrgReader.GraphQl && credentials is GitHubCredentials.None)
        {
            throw new InputException("--reader graphql: GitHub's GraphQL API needs a token (GITHUB_TOKEN, GH_TOKEN or a GitHub App)");
        }
        return new RunSettings
        {
            Config = config,
            ConfigPath = configPath,
            Org = org,
            SnapshotPath = snapshot,
            Template = template,
            OutputPath = output,
            GitHub = new GitHubAccess
            {
                Endpoint = endpoint,
                Credentials = credentials,
                Reader = reader,
                Org = org,
                CacheDirectory = (parse.GetValue(options.CacheDir)?.ToString() ?? env.Get("PROFILEGEN_CACHE_DIR")) is { } cache ? env.ResolvePath(cache) : null,
                ReadTimeBudget = double.TryParse(env.Get("PROFILEGEN_TIMEOUT_MINUTES"), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var minutes) && minutes > 0
                    ? TimeSpan.FromMinutes(minutes) : null,
                // Test-facing (tests and the bench keep a list mode whatever the run's time): graphql or rest; unset, the read chooses by its time.
                List = env.Get("PROFILEGEN_LIST") switch
                {
                    null => RepositoryList.WhenSlow,
                    "graphql" => RepositoryList.GraphQl,
                    "rest" => RepositoryList.Rest,
                    var other => throw new InputException($"$PROFILEGEN_LIST: must be graphql or rest (got '{other}')"),
                },
                // A catalogue source left out of catalogue.precedence is not read.
                CatalogueFiles = config.Catalogue.Precedence.Any(s => s is CatalogueOptions.Publiccode or CatalogueOptions.CatalogInfo),
                CustomPropertyNames = config.Catalogue.CustomPropertiesNamed && config.Catalogue.Precedence.Contains(CatalogueOptions.CustomProperty)
                    ? [.. new[] { config.Catalogue.Properties.Lifecycle, config.Catalogue.Properties.License, config.Catalogue.Properties.Owner, config.Catalogue.Properties.SummaryFr, config.Catalogue.Properties.SummaryEn }.Distinct(StringComparer.Ordinal)]
                    : null,
                RateLimitWait = parse.GetValue(options.RateLimitWait) is { } w
                    ? w is >= 0 and <= CliApp.MaxSeconds ? TimeSpan.FromSeconds(w) : throw new InputException($"--rate-limit-wait: must be a whole number of seconds from 0 to {CliApp.MaxSeconds} (got {w})")
                    : null,
            },
        };
    }

    /// <summary>A token (GITHUB_TOKEN, else GH_TOKEN), a GitHub App (id + key), or nothing.</summary>
    private static GitHubCredentials Credentials(System.CommandLine.ParseResult parse, RunOptions options, CliEnvironment env)
    {
        var appId = parse.GetValue(options.AppId) ?? env.Get("PROFILEGEN_APP_ID");
        if (appId is null)
        {
            return (ReadToken(env, "GITHUB_TOKEN") ?? ReadToken(env, "GH_TOKEN")) is { } token ? new GitHubCredentials.Token(token) : GitHubCredentials.Anonymous;
        }
        if (!appId.All(char.IsAsciiDigit))
        {
            throw new InputException($"--app-id: '{appId}' is not a numeric GitHub App id");
        }
        string pem, source;
        if (parse.GetValue(options.AppPrivateKeyFile) is { } file)
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
        return new GitHubCredentials.App(appId, pem, source);
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

    /// <summary>The organization to read: required when no snapshot is given.</summary>
    public string RequireOrg() =>
        Org ?? throw new InputException("--org: no organization given (pass --org LOGIN or set `org` in profilegen.yml)");

    private static string Existing(string path, string what) =>
        File.Exists(path) ? path : throw new InputException($"{what}: file not found: {path}");
}
