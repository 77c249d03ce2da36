using System.Text;
using System.Text.Json;
using CQEN.ProfileGen.Badges;

namespace CQEN.ProfileGen.Tests.Badges;

/// <summary>Every README of the CQEN-QDCE corpus: the parsed badges equal the corpus index's.</summary>
public class CorpusBadgeTests
{
    private static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "Corpus");

    private static JsonElement[] Entries() =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Corpus, "index.json"))).RootElement.EnumerateArray().ToArray();

    public static TheoryData<string> Readmes()
    {
        var data = new TheoryData<string>();
        foreach (var entry in Entries().Where(e => e.GetProperty("readme_path").ValueKind == JsonValueKind.String))
        {
            data.Add(entry.GetProperty("readme_path").GetString()!);
        }
        return data;
    }

    private static (JsonElement Entry, IReadOnlyList<ShieldsBadge> Badges) Parse(string readmePath)
    {
        var entry = Entries().First(e => e.GetProperty("readme_path").ValueKind == JsonValueKind.String && e.GetProperty("readme_path").GetString() == readmePath);
        var text = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(Corpus, readmePath)));
        return (entry, ShieldsBadgeParser.Parse(text));
    }

    private static string? Str(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).ToString();

    [Theory]
    [MemberData(nameof(Readmes))]
    public void The_lifecycle_badge_is_the_index_s(string readmePath)
    {
        var (entry, badges) = Parse(readmePath);
        var lifecycle = LifecycleBadge.Find(badges);
        Assert.Equal(Str(entry, "lifecycle_label"), lifecycle?.Label);
        Assert.Equal(Str(entry, "lifecycle"), lifecycle?.Message);
        Assert.Equal(Str(entry, "lifecycle_color"), lifecycle?.Color);
    }

    [Theory]
    [MemberData(nameof(Readmes))]
    public void The_licence_badge_is_the_index_s(string readmePath)
    {
        var (entry, badges) = Parse(readmePath);
        Assert.Equal(Str(entry, "licence_badge_message"), LifecycleBadge.FindLicense(badges)?.Message);
    }

    [Theory]
    [MemberData(nameof(Readmes))]
    public void Every_badge_is_the_index_s(string readmePath)
    {
        var (entry, badges) = Parse(readmePath);
        var expected = entry.GetProperty("badges").EnumerateArray()
            .Select(b => (Str(b, "alt"), Str(b, "image_url"), Str(b, "link_url"), Str(b, "label"), Str(b, "message"), Str(b, "color"), b.GetProperty("line").GetInt32(), Str(b, "form")))
            .ToArray();
        var actual = badges.Select(b => ((string?)b.Alt, (string?)b.ImageUrl, b.LinkUrl, b.Label, b.Message, b.Color, b.Line, (string?)b.Form)).ToArray();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Readmes))]
    public void The_header_markers_are_seen_as_the_index_says(string readmePath)
    {
        var (entry, _) = Parse(readmePath);
        var text = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(Corpus, readmePath)));
        Assert.Equal(entry.GetProperty("has_entete_markers").GetBoolean(), ReadmeHeaderExtractor.Extract(text).HasEnteteMarkers);
    }
}
