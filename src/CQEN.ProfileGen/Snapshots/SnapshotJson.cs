using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace CQEN.ProfileGen.Snapshots;

/// <summary>
/// The snapshot's JSON form: snake_case, indented, LF line ends, fields in declaration order,
/// so two snapshots of the same data are byte-identical and diff well in review.
/// </summary>
internal static partial class SnapshotJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Keep accents readable in review; the file is UTF-8 and never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    public static string Serialize(OrgSnapshot snapshot) =>
        JsonSerializer.Serialize(snapshot, Options) + "\n";

    /// <summary>Reads a snapshot; <paramref name="displayPath"/> names the file in errors.</summary>
    public static OrgSnapshot Deserialize(string json, string displayPath) =>
        Deserialize(System.Text.Encoding.UTF8.GetBytes(json), displayPath);

    /// <summary>Reads a snapshot file's UTF-8 bytes as they are: no UTF-16 copy of a large file.</summary>
    public static OrgSnapshot Deserialize(byte[] json, string displayPath)
    {
        // Editors on Windows write a byte order mark; neither the reader nor the serializer skips it.
        var utf8 = json.AsSpan();
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }
        OrgSnapshot? snapshot;
        try
        {
            if (SchemaOf(utf8) is { } schema && schema != OrgSnapshot.CurrentSchema.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                throw new InputException($"{displayPath}: unsupported snapshot schema {schema} (this version reads schema {OrgSnapshot.CurrentSchema})");
            }
            snapshot = JsonSerializer.Deserialize<OrgSnapshot>(utf8, Options);
            if (snapshot is not null && NullInList(utf8) is { } at)
            {
                throw new InputException($"{displayPath}:{at.Line}:{at.Column}: invalid snapshot: a list holds null where an object or a value belongs");
            }
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line
                ? $"{displayPath}:{line + 1}:{(ex.BytePositionInLine ?? 0) + 1}"
                : displayPath;
            throw new InputException($"{where}: invalid snapshot: {FirstSentence(ex.Message)}");
        }
        if (snapshot is null)
        {
            throw new InputException($"{displayPath}:1:1: invalid snapshot: the document is null");
        }
        return snapshot;
    }

    // The top-level "schema" value, read before anything else so a future schema gets a clear
    // message rather than an "unknown member" error; stops at the first top-level property after it.
    private static string? SchemaOf(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read(); // the opening '{'; any other first token is followed by no property name
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isSchema = reader.ValueTextEquals("schema");
            reader.Read();
            if (isSchema)
            {
                // Anything but a number or a string is left to the deserializer's type error.
                return reader.TokenType switch
                {
                    JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
                    JsonTokenType.String => $"'{reader.GetString()}'",
                    _ => null,
                };
            }
            reader.Skip();
        }
        return null;
    }

    // The serializer respects nullable annotations on properties, not on a list's items: a
    // `"repos": [null]` would reach the renderer as a null repository.
    private static (int Line, int Column)? NullInList(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var inArray = new Stack<bool>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartArray:
                case JsonTokenType.StartObject:
                    inArray.Push(reader.TokenType == JsonTokenType.StartArray);
                    break;
                case JsonTokenType.EndArray:
                case JsonTokenType.EndObject:
                    inArray.Pop();
                    break;
                case JsonTokenType.Null when inArray.Count > 0 && inArray.Peek():
                    var before = json[..(int)reader.TokenStartIndex];
                    var lineStart = before.LastIndexOf((byte)'\n') + 1;
                    return (before.Count((byte)'\n') + 1, System.Text.Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
            }
        }
        return null;
    }

    // System.Text.Json appends "Path: $.x | LineNumber: …" (its reader, "LineNumber: …" alone),
    // which we already report as file:line:col.
    private static string FirstSentence(string message) => Position().Replace(message, "");

    [GeneratedRegex(" (Path|LineNumber): .*", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Position();
}
