using CQEN.ProfileGen.Badges;
using CQEN.ProfileGen.Configuration;
using Scriban.Runtime;

namespace CQEN.ProfileGen.Rendering;

/// <summary>
/// The functions templates get besides Scriban's built-ins. Everything that puts untrusted
/// repository text into Markdown goes through one of the escaping functions.
/// </summary>
internal static class TemplateFunctions
{
    public static ScriptObject Create(ProfileModel model)
    {
        var functions = new ScriptObject();
        void Add(string name, int required, int parameters, Func<object?[], object?> body) =>
            functions.Add(name, new TemplateFunction(required, parameters, body));
        Add("md_escape", 1, 1, a => MarkdownText.Inline(Text(a[0])));
        Add("md_cell", 1, 1, a => MarkdownText.TableCell(Text(a[0])));
        Add("md_url", 1, 1, a => MarkdownText.SafeUrl(Text(a[0])) ?? "");
        Add("md_link", 2, 2, a => MarkdownText.Link(Text(a[0]), Text(a[1])));
        Add("badge_url", 3, 3, a => BadgeUrl(a[0], a[1], a[2]));
        Add("badge", 4, 5, a => Badge(a[0], a[1], a[2], a[3], a[4]));
        Add("format_date", 1, 2, a => DateText.Format(Date(a[0]), model.Language, Text(a[1]) ?? "long"));
        Add("relative_date", 1, 1, a => DateText.Relative(Date(a[0]), model.GeneratedAt, model.Language));
        Add("format_number", 1, 1, a => FormatNumber(a[0], model.Language));
        Add("group_repos", 2, 2, a => GroupRepos(Repos(a[0]), Text(a[1])));
        Add("sort_repos", 2, 2, a => SortRepos(Repos(a[0]), Text(a[1])));
        Add("card", 1, 1, a => Card(model.Cards, Text(a[0])));
        return functions;
    }

    /// <summary>
    /// A card as GitHub shows it: a &lt;picture&gt; whose dark source the reader's system picks,
    /// its light variant otherwise, and alt text stating the numbers. Nothing when cards are off.
    /// </summary>
    public static string Card(Cards.CardSet cards, string? name)
    {
        var card = cards.Named(name) ?? throw new ArgumentException($"card: no card named '{name}' (cards: {string.Join(", ", cards.All.Select(c => c.Name))})");
        return cards.Enabled
            ? $"<picture><source media=\"(prefers-color-scheme: dark)\" srcset=\"{Attribute(card.Dark)}\"><img src=\"{Attribute(card.Light)}\" width=\"{card.Width}\" height=\"{card.Height}\" alt=\"{Attribute(card.Alt)}\"></picture>"
            : "";
    }

    // An HTML attribute value in double quotes: repository text inside stays text, on one line
    // (a blank line would end the Markdown paragraph holding the picture).
    private static string Attribute(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"[\u0000-\u001F\u007F\u2028\u2029]", " ")
        .Replace("&", "&amp;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>A count as the culture writes it: 1,234 in English, 1 234 (no-break space) in French.</summary>
    public static string FormatNumber(object? value, ProfileCulture culture)
    {
        // Text, booleans and characters convert too (or fail with .NET's own words): a template
        // that passes them gets the same one-line error as for a list.
        var digits = (value is IConvertible c and not (string or bool or char) ? c.ToInt64(System.Globalization.CultureInfo.InvariantCulture) : throw new ArgumentException("format_number: expected a number"))
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
        var separator = culture == ProfileCulture.English ? "," : "\u00A0";
        var sign = digits.StartsWith('-') ? "-" : "";
        digits = digits.TrimStart('-');
        for (var i = digits.Length - 3; i > 0; i -= 3)
        {
            digits = digits.Insert(i, separator);
        }
        return sign + digits;
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

    private static IReadOnlyList<GroupModel> GroupRepos(IEnumerable<RepoModel> repos, string? field)
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
            // Keys are distinct ignoring case (the grouping's comparer), so no further tie-break is needed.
            .OrderBy(g => g.Key.Length == 0 ? 1 : 0).ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new GroupModel(g.Key, g.Key, g.ToArray(), g.Count()))
            .ToArray();
    }

    private static IReadOnlyList<RepoModel> SortRepos(IEnumerable<RepoModel> repos, string? by) => by is not null && Choices.Sorts.TryGetValue(by, out var sort)
        ? TemplateModelBuilder.Sort(repos, sort).ToArray()
        : throw new ArgumentException($"sort_repos: unknown order '{by}' (use name, pushed or stars)");

    private static IEnumerable<RepoModel> Repos(object? value) => value switch
    {
        IEnumerable<RepoModel> repos => repos,
        System.Collections.IEnumerable items => items.Cast<object>().Select(i => i as RepoModel ?? throw new ArgumentException("expected a list of repositories")),
        _ => throw new ArgumentException("expected a list of repositories"),
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
