using CQEN.ProfileGen.Badges;
using Scriban.Runtime;

namespace CQEN.ProfileGen.Rendering;

/// <summary>
/// The functions templates get besides Scriban's built-ins. Everything that puts untrusted
/// repository text into Markdown goes through one of the escaping functions.
/// </summary>
public static class TemplateFunctions
{
    public static ScriptObject Create(ProfileModel model)
    {
        var functions = new ScriptObject();
        functions.Import("md_escape", new Func<object?, string>(v => MarkdownText.Inline(Text(v))));
        functions.Import("md_cell", new Func<object?, string>(v => MarkdownText.TableCell(Text(v))));
        functions.Import("md_url", new Func<object?, string>(v => MarkdownText.SafeUrl(Text(v)) ?? ""));
        functions.Import("md_link", new Func<object?, object?, string>((text, url) => MarkdownText.Link(Text(text), Text(url))));
        functions.Import("badge_url", new Func<object?, object?, object?, string>((label, message, color) => BadgeUrl(label, message, color)));
        functions.Import("badge", new Func<object?, object?, object?, object?, object?, string>(Badge));
        functions.Import("format_date", new Func<object?, string?, string>((date, format) => DateText.Format(Date(date), model.Culture, format ?? "long")));
        functions.Import("relative_date", new Func<object?, string>(date => DateText.Relative(Date(date), model.GeneratedAt, model.Culture)));
        functions.Import("group_repos", new Func<IEnumerable<RepoModel>, string, IReadOnlyList<GroupModel>>(GroupRepos));
        functions.Import("sort_repos", new Func<IEnumerable<RepoModel>, string, IReadOnlyList<RepoModel>>(SortRepos));
        return functions;
    }

    /// <summary>Colour names and hex codes only: anything else falls back to grey.</summary>
    public static string SafeColor(string? color) =>
        !string.IsNullOrEmpty(color) && color.Length <= 20 && color.All(char.IsAsciiLetterOrDigit) ? color : "lightgrey";

    private static string BadgeUrl(object? label, object? message, object? color) =>
        ShieldsBadgeUrl.Build(Text(label) ?? "", Text(message) ?? "", SafeColor(Text(color)));

    // A complete badge image, linked when the link is a safe http(s) URL.
    private static string Badge(object? alt, object? label, object? message, object? color, object? link)
    {
        var image = $"![{MarkdownText.Inline(Text(alt))}]({MarkdownText.SafeUrl(BadgeUrl(label, message, color))})";
        return MarkdownText.SafeUrl(Text(link)) is { } url ? $"[{image}]({url})" : image;
    }

    private static IReadOnlyList<GroupModel> GroupRepos(IEnumerable<RepoModel> repos, string field)
    {
        Func<RepoModel, string> key = field switch
        {
            "lifecycle" => r => r.Lifecycle?.Message ?? "",
            "language" => r => r.Language ?? "",
            "license" => r => r.License?.ShortName ?? "",
            "visibility" => r => r.Visibility,
            _ => throw new ArgumentException($"group_repos: unknown field '{field}' (use lifecycle, language, license or visibility)"),
        };
        return repos.GroupBy(key, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key.Length == 0 ? 1 : 0).ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new GroupModel(g.Key, g.Key, g.ToArray()))
            .ToArray();
    }

    private static IReadOnlyList<RepoModel> SortRepos(IEnumerable<RepoModel> repos, string by) => by switch
    {
        "name" => repos.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Name, StringComparer.Ordinal).ToArray(),
        "pushed" => repos.OrderByDescending(r => r.PushedAt).ThenBy(r => r.Name, StringComparer.Ordinal).ToArray(),
        "stars" => repos.OrderByDescending(r => r.Stars).ThenBy(r => r.Name, StringComparer.Ordinal).ToArray(),
        _ => throw new ArgumentException($"sort_repos: unknown order '{by}' (use name, pushed or stars)"),
    };

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static DateTimeOffset? Date(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d,
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : d.Kind)),
        string s when DateTimeOffset.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var d) => d,
        _ => throw new ArgumentException($"not a date: '{value}'"),
    };
}
