using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CQEN.ProfileGen.Rendering;

namespace CQEN.ProfileGen.Publishing;

/// <summary>
/// What the profile said about one repository, as the tool records it beside the profile so the
/// next run can tell a reviewer what changed. Every value is the one the page shows (the summary,
/// the lifecycle phase through the vocabulary), so a change here is a change a reader can see.
/// </summary>
internal sealed record RepoFacts
{
    public required string Name { get; init; }
    public required string Url { get; init; }
    public string? Summary { get; init; }
    public string? Language { get; init; }

    /// <summary>The licence's SPDX identifier, as the profile shows it.</summary>
    public string? License { get; init; }

    /// <summary>The lifecycle phase (the badge's message through the vocabulary).</summary>
    public string? Lifecycle { get; init; }
    public bool Archived { get; init; }

    /// <summary>Whether the profile lists it (the filters and hidden groups leave some out: archived, forks…).</summary>
    public bool Listed { get; init; } = true;
    public string Visibility { get; init; } = "public";

    /// <summary>The month of the last push ("2026-11"): a push later in the same month changes nothing.</summary>
    public string? Pushed { get; init; }

    /// <summary>
    /// Named signals added by later readers (the health issue: "ci", "security_policy"…), each a
    /// short value; the change list compares them like any field. Sorted by name in the file.
    /// </summary>
    public IReadOnlyDictionary<string, string> Health { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The fields the change list compares, in the order it names them.</summary>
    public IEnumerable<(string Field, string? Value)> Fields()
    {
        yield return ("summary", Summary);
        yield return ("lifecycle", Lifecycle);
        yield return ("archived", Archived ? "true" : "false");
        yield return ("listed", Listed ? "true" : "false");
        yield return ("language", Language);
        yield return ("license", License);
        yield return ("visibility", Visibility);
        yield return ("url", Url);
        yield return ("pushed", Pushed);
        foreach (var (name, value) in Health.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            yield return ("health." + name, value);
        }
    }
}

/// <summary>
/// The per-repository facts of one profile and their file (<c>profile/.profilegen/facts.json</c> by
/// default). The file is deterministic — repositories sorted by name, no time of the run — so an
/// unchanged organization writes the same bytes and a week without change stays 0 writes. It is
/// the tool's own: a checksum of its content is inside, and a file edited by hand is refused (see
/// <see cref="Parse"/>), never silently trusted.
/// </summary>
internal sealed record ProfileFacts(IReadOnlyList<RepoFacts> Repositories)
{
    /// <summary>The file's format; a file with a higher number was written by a newer profilegen.</summary>
    public const int Schema = 1;

    public static ProfileFacts None { get; } = new([]);

    /// <summary>
    /// The files the tool committed beside the profile (its cards), paths from the repository's
    /// root: the only ones a later run deletes when it no longer makes them.
    /// </summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>
    /// The facts of every repository read (but the profile's own), each marked listed or not, so
    /// that a repository archived and so left off the page reads "archived", not "removed".
    /// </summary>
    public static ProfileFacts Of(Snapshots.OrgSnapshot snapshot, Configuration.ProfileGenConfig config, ProfileModel model)
    {
        var listed = model.Repos.Select(r => r.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new(Sorted(snapshot.Repos
            .Where(r => !TemplateModelBuilder.ProfileRepoNames.Contains(r.Name, StringComparer.OrdinalIgnoreCase))
            .Select(r => Facts(TemplateModelBuilder.Repo(r, snapshot, config), listed.Contains(r.Name)))));
    }

    private static RepoFacts Facts(RepoModel r, bool listed) => new()
    {
        Name = r.Name,
        Url = r.Url,
        Summary = r.Summary,
        Language = r.Language,
        License = r.License?.SpdxId,
        Lifecycle = r.Lifecycle?.Message,
        Archived = r.Archived,
        Listed = listed,
        Visibility = r.Visibility,
        Pushed = r.PushedAt?.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
        Health = HealthFacts.Of(r.Health),
    };

    private static RepoFacts[] Sorted(IEnumerable<RepoFacts> repos) =>
        repos.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Name, StringComparer.Ordinal).ToArray();

    private const string Note = "Written by profilegen: do not edit. A changed file is refused; delete it and the next run writes it again.";

    /// <summary>The file's bytes: indented JSON, LF line ends, a checksum of the content inside.</summary>
    public byte[] ToBytes() => Write(Checksum(Write("")));

    private static string Checksum(byte[] withoutChecksum) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(withoutChecksum));

    private byte[] Write(string checksum)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("schema", Schema);
            json.WriteString("note", Note);
            json.WriteString("checksum", checksum);
            json.WriteStartArray("repositories");
            foreach (var r in Sorted(Repositories))
            {
                json.WriteStartObject();
                json.WriteString("name", r.Name);
                json.WriteString("url", r.Url);
                json.WriteString("summary", r.Summary);
                json.WriteString("language", r.Language);
                json.WriteString("license", r.License);
                json.WriteString("lifecycle", r.Lifecycle);
                json.WriteBoolean("archived", r.Archived);
                json.WriteBoolean("listed", r.Listed);
                json.WriteString("visibility", r.Visibility);
                json.WriteString("pushed", r.Pushed);
                if (r.Health.Count > 0)
                {
                    json.WriteStartObject("health");
                    foreach (var (name, value) in r.Health.OrderBy(h => h.Key, StringComparer.Ordinal))
                    {
                        json.WriteString(name, value);
                    }
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            if (Files.Count > 0)
            {
                json.WriteStartArray("files");
                foreach (var file in Files.Order(StringComparer.Ordinal))
                {
                    json.WriteStringValue(file);
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>
    /// The facts in a file the tool wrote. Refused with a one-line <see cref="InputException"/>
    /// naming <paramref name="where"/> when it is not JSON, not this format, from a newer
    /// profilegen, or changed since the tool wrote it (its checksum no longer matches): the change
    /// list a reviewer trusts must come from what the tool recorded, not from a hand edit. The
    /// error says how to recover (delete the file: the next run treats the profile as new).
    /// </summary>
    public static ProfileFacts Parse(byte[] bytes, string where)
    {
        const string recover = "delete it (the next run writes it again) or restore the version profilegen wrote";
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            throw new InputException($"{where}:{(ex.LineNumber ?? 0) + 1}:{(ex.BytePositionInLine ?? 0) + 1}: not valid JSON, so not as profilegen wrote it: {recover}");
        }
        using (document)
        {
            try
            {
                var root = document.RootElement;
                var schema = root.GetProperty("schema").GetInt32();
                if (schema > Schema)
                {
                    throw new InputException($"{where}: written by a newer profilegen (schema {schema}; this one reads {Schema}): update profilegen, or {recover}");
                }
                if (schema != Schema)
                {
                    throw new InputException($"{where}: unknown schema {schema}: {recover}");
                }
                var stated = root.GetProperty("checksum").GetString();
                var facts = new ProfileFacts(root.GetProperty("repositories").EnumerateArray().Select(Repo).ToArray())
                {
                    Files = root.TryGetProperty("files", out var files) ? [.. files.EnumerateArray().Select(f => f.GetString() ?? throw new FormatException())] : [],
                };
                if (stated != Checksum(facts.Write("")))
                {
                    throw new InputException($"{where}: changed since profilegen wrote it (its checksum does not match its content); the file is the tool's record of what the profile said: {recover}");
                }
                return facts;
            }
            catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
            {
                throw new InputException($"{where}: not a profilegen facts file (a field is missing or of the wrong type): {recover}");
            }
        }
    }

    private static RepoFacts Repo(JsonElement e) => new()
    {
        Name = e.GetProperty("name").GetString() ?? throw new FormatException(),
        Url = e.GetProperty("url").GetString() ?? throw new FormatException(),
        Summary = e.GetProperty("summary").GetString(),
        Language = e.GetProperty("language").GetString(),
        License = e.GetProperty("license").GetString(),
        Lifecycle = e.GetProperty("lifecycle").GetString(),
        Archived = e.GetProperty("archived").GetBoolean(),
        Listed = e.GetProperty("listed").GetBoolean(),
        Visibility = e.GetProperty("visibility").GetString() ?? throw new FormatException(),
        Pushed = e.GetProperty("pushed").GetString(),
        Health = e.TryGetProperty("health", out var health)
            ? new SortedDictionary<string, string>(health.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? throw new FormatException()), StringComparer.Ordinal)
            : new SortedDictionary<string, string>(StringComparer.Ordinal),
    };
}
