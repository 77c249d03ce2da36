using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Snapshots;
using YamlDotNet.Serialization;

namespace CQEN.ProfileGen.Catalogue;

/// <summary>One file an export writes, relative to the output folder.</summary>
internal sealed record ExportFile(string Path, string Text);

/// <summary>What an export made, and the repositories it left out with why (one line each, in English: the command line's language).</summary>
internal sealed record ExportResult(IReadOnlyList<ExportFile> Files, IReadOnlyList<string> Skipped);

/// <summary>
/// The catalogues public organizations are asked to fill, written from one snapshot: a
/// publiccode.yml draft per repository (publiccodeyml/publiccode.yml), one organization code.json
/// (DSACMS/gov-codejson agency index, schema 2.0.0) and one Open Resource Exchange file
/// (canada-ca/ore-ero schemaCode.yaml, every text in English and French). Pure: the snapshot's
/// read time is the only clock.
/// </summary>
internal static class CatalogueExport
{
    public static readonly IReadOnlyList<string> Formats = ["publiccode", "code.json", "ore"];

    /// <summary>ORE's category when the organization names none: UNSPSC 43232400, "Development software" / "Logiciels de développement".</summary>
    public const string DefaultOreCategory = "43232400";

    /// <summary>publiccode's shortDescription limit (schema.core.rst): one line, at most 150 characters.</summary>
    public const int ShortDescriptionMax = 150;

    /// <summary>code.json's licence names (schema 2.0.0); any other licence is written as "Other" with its URL.</summary>
    private static readonly string[] CodeJsonLicenses = ["CC0-1.0", "Apache-2.0", "MIT", "MPL-2.0", "GPL-2.0-only", "GPL-3.0-only", "GPL-3.0-or-later", "LGPL-2.1-only", "LGPL-3.0-only", "BSD-2-Clause", "BSD-3-Clause", "EPL-2.0"];

    public static ExportResult Export(string format, OrgSnapshot snapshot, ProfileGenConfig config) => format switch
    {
        "publiccode" => Publiccode(snapshot, config),
        "code.json" => CodeJson(snapshot, config),
        "ore" => Ore(snapshot, config),
        _ => throw new InputException($"--format: must be one of {string.Join(", ", Formats)} (got '{format}')"),
    };

    // The organization's own public code: public, not a fork, not its profile repositories.
    private static IEnumerable<(RepoSnapshot Repo, RepoCatalogue Catalogue)> Exported(OrgSnapshot snapshot, ProfileGenConfig config) =>
        snapshot.Repos
            .Where(r => r.Visibility == "public" && !r.Fork && r.Name is not (".github" or ".github-private"))
            .Select(r => (r, CatalogueReconciler.Reconcile(r, config)));

    /// <summary>The stage a repository is in for a catalogue: archived on GitHub wins over any claim.</summary>
    private static LifecycleStage? StageOf(RepoSnapshot repo, RepoCatalogue catalogue) =>
        repo.Archived ? LifecycleStage.Archived : catalogue.Lifecycle?.Stage;

    public static ExportResult Publiccode(OrgSnapshot snapshot, ProfileGenConfig config)
    {
        var files = new List<ExportFile>();
        var skipped = new List<string>();
        var primary = config.Culture == ProfileCulture.English ? "en" : "fr";
        foreach (var (repo, catalogue) in Exported(snapshot, config))
        {
            if (catalogue.License is not { } license)
            {
                skipped.Add($"{repo.Name}: no licence is known (legal.license is required)");
                continue;
            }
            var own = catalogue.Summaries.Where(s => s.Value is { Fallback: false }).ToDictionary(s => s.Key, s => s.Value!.Text, StringComparer.Ordinal);
            if (own.Count == 0 && catalogue.Summaries[primary] is { } fallback)
            {
                own[primary] = fallback.Text;
            }
            if (own.Count == 0)
            {
                skipped.Add($"{repo.Name}: no summary in any language (description.<lang>.shortDescription is required)");
                continue;
            }
            var stage = StageOf(repo, catalogue);
            var status = stage switch
            {
                LifecycleStage.Discovery => "concept",
                LifecycleStage.Beta => "beta",
                LifecycleStage.Production => "stable",
                LifecycleStage.Abandoned or LifecycleStage.Archived => "obsolete",
                // Dormancy is the last status with maintenance none: keep the file's own status when it has one.
                LifecycleStage.Dormant => catalogue.Publiccode?.DevelopmentStatus is { } last and not "obsolete" ? last : "development",
                _ => "development",
            };
            var maintenance = stage is LifecycleStage.Dormant or LifecycleStage.Abandoned or LifecycleStage.Archived ? "none"
                : catalogue.Publiccode?.MaintenanceType is { } type and not "none" ? type : "internal";
            var document = new Dictionary<string, object?>
            {
                ["publiccodeYmlVersion"] = "0",
                ["name"] = catalogue.Publiccode?.Name ?? repo.Name,
                ["url"] = repo.Url,
            };
            if (HttpUrl(repo.Homepage) is { } landing)
            {
                document["landingURL"] = landing;
            }
            if (catalogue.Publiccode?.Logo is { Length: > 0 } logo)
            {
                document["logo"] = logo;
            }
            document["platforms"] = Array.Empty<string>();
            document["developmentStatus"] = status;
            document["softwareType"] = "standalone/other";
            document["description"] = own.OrderBy(d => d.Key == primary ? 0 : 1).ThenBy(d => d.Key, StringComparer.Ordinal)
                .ToDictionary(d => d.Key, d => (object?)new Dictionary<string, object?> { ["shortDescription"] = Short(d.Value, ShortDescriptionMax) });
            document["legal"] = new Dictionary<string, object?> { ["license"] = license.Written };
            document["maintenance"] = new Dictionary<string, object?> { ["type"] = maintenance };
            document["localisation"] = new Dictionary<string, object?>
            {
                ["localisationReady"] = own.Count > 1,
                ["availableLanguages"] = own.Keys.OrderBy(k => k == primary ? 0 : 1).ThenBy(k => k, StringComparer.Ordinal).ToArray(),
            };
            files.Add(new ExportFile($"{repo.Name}/publiccode.yml", Yaml(document)));
        }
        return new ExportResult(files, skipped);
    }

    public static ExportResult CodeJson(OrgSnapshot snapshot, ProfileGenConfig config)
    {
        var releases = new JsonArray();
        var skipped = new List<string>();
        foreach (var (repo, catalogue) in Exported(snapshot, config))
        {
            var stage = StageOf(repo, catalogue);
            var status = stage switch
            {
                LifecycleStage.Discovery => "Ideation",
                LifecycleStage.Beta => "Beta",
                LifecycleStage.Production => "Production",
                LifecycleStage.Abandoned or LifecycleStage.Archived => "Archival",
                LifecycleStage.Dormant => "Development",
                _ => "Development",
            };
            var maintenance = stage is LifecycleStage.Dormant or LifecycleStage.Abandoned or LifecycleStage.Archived ? "none"
                : catalogue.Publiccode?.MaintenanceType ?? "internal";
            var licenses = new JsonArray();
            if (catalogue.License is { } license)
            {
                var name = CodeJsonLicenses.FirstOrDefault(n => CatalogueReconciler.SameLicense(n, license.Written) && n.Equals(license.Written, StringComparison.OrdinalIgnoreCase)) ?? "Other";
                licenses.Add(new JsonObject { ["name"] = name, ["URL"] = repo.License?.Url ?? repo.Url });
            }
            var summary = catalogue.Summaries["en"]?.Text ?? catalogue.Summaries["fr"]?.Text ?? "";
            var release = new JsonObject
            {
                ["name"] = repo.Name,
                ["description"] = summary,
                ["status"] = status,
                ["permissions"] = new JsonObject { ["licenses"] = licenses, ["usageType"] = new JsonArray("openSource") },
                ["organization"] = snapshot.Org.Name ?? snapshot.Org.Login,
                ["repositoryURL"] = repo.Url,
                ["repositoryVisibility"] = "public",
                ["vcs"] = "git",
                ["laborHours"] = 0,
                ["reuseFrequency"] = new JsonObject { ["forks"] = repo.Forks, ["clones"] = 0 },
                ["languages"] = new JsonArray(repo.Language is { } language ? [JsonValue.Create(language)] : []),
                ["maintenance"] = maintenance,
                ["contractNumber"] = new JsonArray(),
                ["SBOM"] = $"{repo.Url}/network/dependencies",
                ["date"] = Dates(repo, snapshot),
                ["tags"] = new JsonArray([.. repo.Topics.Distinct(StringComparer.Ordinal).Select(t => (JsonNode?)JsonValue.Create(t))]),
                ["contact"] = snapshot.Org.Email is { Length: > 0 } email ? new JsonObject { ["email"] = email } : new JsonObject(),
                ["feedbackMechanism"] = $"{repo.Url}/issues",
                ["AIUseCaseID"] = "0",
            };
            if (HttpUrl(repo.Homepage) is { } homepage)
            {
                release["homepageURL"] = homepage;
            }
            releases.Add(release);
        }
        var index = new JsonObject
        {
            ["version"] = "2.0.0",
            ["agency"] = snapshot.Org.Login,
            ["measurementType"] = new JsonObject { ["method"] = "projects" },
            ["releases"] = releases,
        };
        var text = index.ToJsonString(new JsonSerializerOptions { WriteIndented = true, IndentSize = 2, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        return new ExportResult([new ExportFile("code.json", text)], skipped);
    }

    // date-time strings; a repository without a date gets the snapshot's.
    private static JsonObject Dates(RepoSnapshot repo, OrgSnapshot snapshot)
    {
        var read = snapshot.ReadAt;
        return new JsonObject
        {
            ["created"] = Instant(repo.CreatedAt ?? read),
            ["lastModified"] = Instant(repo.PushedAt ?? repo.UpdatedAt ?? read),
            ["metadataLastUpdated"] = Instant(read),
        };
    }

    private static string Instant(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static ExportResult Ore(OrgSnapshot snapshot, ProfileGenConfig config)
    {
        if (snapshot.Org.Email is not { Length: > 0 } email)
        {
            throw new InputException($"--format ore: the organization {snapshot.Org.Login} shows no public e-mail on GitHub, and ORE requires contact.email; add one to the organization's profile");
        }
        var releases = new List<object?>();
        var skipped = new List<string>();
        foreach (var (repo, catalogue) in Exported(snapshot, config))
        {
            if (catalogue.License is not { } license)
            {
                skipped.Add($"{repo.Name}: no licence is known (licences[].spdxID is required)");
                continue;
            }
            if (catalogue.Summaries["fr"] is not { } fr || catalogue.Summaries["en"] is not { } en)
            {
                skipped.Add($"{repo.Name}: no summary in any language (description.whatItDoes.en and .fr are required)");
                continue;
            }
            var licenceUrl = repo.License?.Url ?? repo.Url;
            var release = new Dictionary<string, object?>
            {
                ["contact"] = new Dictionary<string, object?> { ["email"] = email },
                ["date"] = new Dictionary<string, object?>
                {
                    ["created"] = Day(repo.CreatedAt ?? snapshot.ReadAt),
                    ["metadataLastUpdated"] = Day(snapshot.ReadAt),
                },
                ["description"] = new Dictionary<string, object?> { ["whatItDoes"] = Lang(en.Text, fr.Text) },
                ["category"] = DefaultOreCategory,
                ["name"] = Lang(repo.Name, repo.Name),
                ["licences"] = new object?[] { new Dictionary<string, object?> { ["URL"] = Lang(licenceUrl, licenceUrl), ["spdxID"] = license.Written } },
                ["repositoryURL"] = Lang(repo.Url, repo.Url),
                ["tags"] = new Dictionary<string, object?> { ["en"] = repo.Topics.ToArray(), ["fr"] = repo.Topics.ToArray() },
            };
            if (HttpUrl(repo.Homepage) is { } homepage)
            {
                release["homepageURL"] = Lang(homepage, homepage);
            }
            if (repo.Language is { } language)
            {
                release["languages"] = new[] { language };
            }
            var status = StageOf(repo, catalogue) switch
            {
                LifecycleStage.Discovery or LifecycleStage.Experimentation or LifecycleStage.Development => "Alpha",
                LifecycleStage.Beta => "Beta",
                LifecycleStage.Production => "Maintained",
                LifecycleStage.Abandoned => "Deprecated",
                LifecycleStage.Archived => "Retired",
                _ => null, // dormant, or unknown: ORE's status is optional
            };
            if (status is not null)
            {
                release["status"] = status;
            }
            releases.Add(release);
        }
        var adminCode = snapshot.Org.Login.ToLowerInvariant();
        var document = new Dictionary<string, object?>
        {
            ["schemaVersion"] = "1.0",
            ["adminCode"] = adminCode,
            ["releases"] = releases,
        };
        return new ExportResult([new ExportFile($"{adminCode}.yml", Yaml(document))], skipped);
    }

    private static Dictionary<string, object?> Lang(string en, string fr) => new() { ["en"] = en, ["fr"] = fr };

    private static string? HttpUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri.AbsoluteUri : null;

    /// <summary>One line of at most <paramref name="max"/> text elements (what a reader counts as characters), cut with "…".</summary>
    public static string Short(string text, int max)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var elements = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(line);
        while (e.MoveNext())
        {
            elements.Add(e.GetTextElement());
        }
        return elements.Count <= max ? line : string.Concat(elements.Take(max - 1)).TrimEnd() + "…";
    }

    // Strings that YAML would read as something else ("0", "1.0", "on", "43232300") are quoted.
    private static readonly ISerializer YamlWriter = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .DisableAliases()
        .Build();

    private static string Yaml(object document) => YamlWriter.Serialize(document).ReplaceLineEndings("\n");
}
