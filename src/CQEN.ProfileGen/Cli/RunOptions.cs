using System.CommandLine;
using CQEN.ProfileGen.Rendering;

namespace CQEN.ProfileGen.Cli;

/// <summary>
/// The options shared by the verbs, declared once and made once per command tree: an option
/// object remembers every command it is added to, so options shared between runs in one process
/// (tests, a host) would keep every earlier tree alive and cost more to add at each run.
/// </summary>
internal sealed class RunOptions
{
    public readonly Option<FileInfo?> Config = new("--config")
    {
        HelpName = "FILE",
        Description = $"Configuration file (default: ./{Configuration.ConfigLoader.DefaultFileName} when present).",
    };

    public readonly Option<string?> Org = new("--org")
    {
        HelpName = "LOGIN",
        Description = "Organization login, e.g. CQEN-QDCE (overrides `org` in the configuration; with --snapshot, must be the snapshot's).",
    };

    public readonly Option<FileInfo?> Template = new("--template")
    {
        HelpName = "FILE",
        Description = "Scriban template (default: the configuration's, else the embedded default for the culture).",
    };

    public readonly Option<string?> ApiUrl = new("--api-url")
    {
        HelpName = "URL",
        Description = "GitHub REST API URL (default: `api_url` in the configuration, else $GITHUB_API_URL, else https://api.github.com; GitHub Enterprise: https://HOST/api/v3).",
    };

    public readonly Option<FileInfo?> Snapshot = new("--snapshot")
    {
        HelpName = "FILE",
        Description = "Read this snapshot file instead of calling GitHub (no network, no token).",
    };

    /// <summary>publish's --snapshot: the organization comes from the file, but the profile's repository is still read and written on GitHub.</summary>
    public readonly Option<FileInfo?> PublishSnapshot = new("--snapshot")
    {
        HelpName = "FILE",
        Description = "Render from this snapshot file instead of reading the organization from GitHub; the profile's repository is still read (and, without --dry-run, written) on GitHub.",
    };

    public readonly Option<FileInfo?> Output = new("--output", "-o")
    {
        HelpName = "FILE",
        Description = "Write the result to this file instead of standard output (written only when the run succeeds).",
    };

    public readonly Option<string?> AppId = new("--app-id")
    {
        HelpName = "ID",
        Description = "GitHub App id, to authenticate as the App's installation instead of with a token (or $PROFILEGEN_APP_ID).",
    };

    public readonly Option<FileInfo?> AppPrivateKeyFile = new("--app-private-key-file")
    {
        HelpName = "FILE",
        Description = "GitHub App private key (PEM) file (or $PROFILEGEN_APP_PRIVATE_KEY / $PROFILEGEN_APP_PRIVATE_KEY_FILE).",
    };

    public readonly Option<int?> Timeout = new("--timeout")
    {
        HelpName = "SECONDS",
        CustomParser = WholeSeconds,
        Description = "Overall time limit of the run, in seconds (default 600). Reached before the writes, nothing is written; during them, the run lists the writes done.",
    };

    public readonly Option<int?> RateLimitWait = new("--rate-limit-wait")
    {
        HelpName = "SECONDS",
        CustomParser = WholeSeconds,
        Description = "When GitHub's hourly rate limit is exhausted, wait for its reset if it is at most this many seconds away (default 300); else stop.",
    };

    public readonly Option<string?> Reader = new Option<string?>("--reader")
    {
        Description = "How to read GitHub: auto (GraphQL with a token, else REST; the default), rest, or graphql.",
    }.AcceptOnlyFromAmong("auto", "rest", "graphql");

    // A number option's error in words, never a .NET type name.
    private static int? WholeSeconds(System.CommandLine.Parsing.ArgumentResult result)
    {
        var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (int.TryParse(token, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        var name = (result.Parent as System.CommandLine.Parsing.OptionResult)?.Option.Name ?? "the option";
        result.AddError($"{name}: '{token}' is not a whole number of seconds");
        return null;
    }

    public readonly Option<DirectoryInfo?> CacheDir = new("--cache-dir")
    {
        HelpName = "DIR",
        Description = "Keep GitHub's answers here and make conditional requests next time (304s cost no rate limit); the GraphQL reader then reads again only the repositories whose head moved. Or $PROFILEGEN_CACHE_DIR.",
    };

    public readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Also print what the run cost on GitHub: requests made, GraphQL points and rate limits left (also with RUNNER_DEBUG=1).",
    };

    public readonly Option<bool> Quiet = new("--quiet", "-q")
    {
        Description = "Print errors only: no progress, warnings, plan or status lines.",
    };

    /// <summary>The options of every verb that talks to GitHub.</summary>
    public IEnumerable<Option> GitHubAccess => [ApiUrl, AppId, AppPrivateKeyFile, Timeout, RateLimitWait, Reader, CacheDir, Verbose, Quiet];

    /// <summary>The options of render, and of audit, so one command line serves both (audit checks the template, it does not use it).</summary>
    public IEnumerable<Option> Rendering => [Config, Org, Template, Snapshot, Output, .. GitHubAccess];

    /// <summary>The managed regions' templates: the configuration's, then --region NAME=FILE.</summary>
    internal static Dictionary<string, TemplateSource> Regions(ParseResult parse, RunSettings settings, CliEnvironment env, Option<string[]> regionOption)
    {
        var regions = settings.Config.Publish.Regions.ToDictionary(r => r.Key, r => TemplateSource.FromFile(r.Value), StringComparer.Ordinal);
        foreach (var value in parse.GetValue(regionOption) ?? [])
        {
            var eq = value.IndexOf('=');
            if (eq <= 0 || eq == value.Length - 1)
            {
                throw new InputException($"--region: expected NAME=FILE (got '{value}')");
            }
            var file = env.ResolvePath(value[(eq + 1)..]);
            regions[value[..eq]] = File.Exists(file) ? TemplateSource.FromFile(file) : throw new InputException($"--region: file not found: {file}");
        }
        return regions;
    }
}
