using System.Text;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Rendering;

namespace CQEN.ProfileGen.Publishing;

/// <summary>
/// The change list as a reader sees it: one line per repository ("name: archived; lifecycle:
/// Beta → Production"), in Markdown for the pull request (repository text escaped: it cannot add
/// HTML, links or markers) or as plain lines for a terminal (control characters removed).
/// Repositories whose only change is the month of their last push share one line.
/// </summary>
internal static class ChangeListText
{
    /// <summary>A value longer than this is cut with "…": the facts file under Files changed has it whole.</summary>
    public const int MaxValueLength = 80;

    /// <summary>
    /// The list as Markdown lines, at most <paramref name="maxRepos"/> repositories and
    /// <paramref name="maxChars"/> characters; the rest counted in an "and N more" line.
    /// </summary>
    public static string Markdown(IReadOnlyList<RepoChange> changes, ProfileCulture culture, int maxRepos, int maxChars)
    {
        var words = ChangeWording.For(culture);
        string N(int n) => TemplateFunctions.FormatNumber(n, culture);
        var sb = new StringBuilder();
        var listed = changes.Where(c => !c.OnlyPushed).ToArray();
        var pushed = changes.Where(c => c.OnlyPushed).ToArray();
        var shown = 0;
        foreach (var change in listed)
        {
            var line = "- " + Line(change, words, markdown: true) + "\n";
            if (shown == maxRepos || sb.Length + line.Length + 200 > maxChars)
            {
                break;
            }
            sb.Append(line);
            shown++;
        }
        if (pushed.Length > 0)
        {
            var names = new StringBuilder(words.PushedOnly(N(pushed.Length)));
            var named = 0;
            foreach (var c in pushed)
            {
                var name = (named == 0 ? "" : ", ") + MarkdownText.Link(c.Name, c.Url);
                if (named == 20 || sb.Length + names.Length + name.Length + 200 > maxChars)
                {
                    names.Append(", …");
                    break;
                }
                names.Append(name);
                named++;
            }
            sb.Append(names).Append('\n');
        }
        if (listed.Length > shown)
        {
            sb.Append(words.More(N(listed.Length - shown))).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>The list as plain lines for a terminal, every repository named (a dry run has no size limit).</summary>
    public static IReadOnlyList<string> Plain(IReadOnlyList<RepoChange> changes, ProfileCulture culture)
    {
        var words = ChangeWording.For(culture);
        return changes.Select(c => Line(c, words, markdown: false)).ToArray();
    }

    private static string Line(RepoChange change, ChangeWording words, bool markdown)
    {
        // The health signals speak in their own sentences ("CI turned red"), in the profile's language.
        var culture = words == ChangeWording.For(ProfileCulture.English) ? ProfileCulture.English : ProfileCulture.French;
        var name = markdown
            ? change.Kind == RepoChangeKind.Removed ? MarkdownText.Inline(change.Name) : MarkdownText.Link(change.Name, change.Url)
            : Flat(change.Name);
        return change.Kind switch
        {
            RepoChangeKind.Added => name + words.Colon + words.Added + Described(change.Fields.Where(f => f.Field is "lifecycle" or "language" or "license").Select(f => Value(f.Field, f.New, words, markdown))),
            RepoChangeKind.Removed => name + words.Colon + words.Removed,
            _ => name + words.Colon + string.Join("; ", change.Fields.Where(f => !SaidByArchiving(change, f)).Select(f =>
                HealthFacts.Sentence(f.Field, f.Old, f.New, culture, v => markdown ? MarkdownText.Inline(v) : Flat(v)) ?? Field(f, words, markdown))),
        };
    }

    // "archived" already says it: the activity moving to or from "archived" in the same line would repeat it.
    private static bool SaidByArchiving(RepoChange change, FieldChange f) =>
        f.Field == "health.activity" && (f.New == Health.RepoHealth.Archived || f.Old == Health.RepoHealth.Archived) && change.Fields.Any(c => c.Field == "archived");

    private static string Described(IEnumerable<string> values) => values.ToArray() is { Length: > 0 } v ? " (" + string.Join(", ", v) + ")" : "";

    private static string Field(FieldChange f, ChangeWording words, bool markdown) => f.Field switch
    {
        "archived" => f.New == "true" ? words.Archived : words.Unarchived,
        "listed" => f.New == "true" ? words.Listed : words.Unlisted,
        _ => words.FieldName(f.Field) + words.Colon + Value(f.Field, f.Old, words, markdown) + " → " + Value(f.Field, f.New, words, markdown),
    };

    private static string Value(string field, string? value, ChangeWording words, bool markdown)
    {
        if (value is null)
        {
            return words.None;
        }
        if (field == "visibility")
        {
            value = words.Visibility(value);
        }
        var keep = MaxValueLength - 1;
        keep -= value.Length > MaxValueLength && char.IsHighSurrogate(value[keep - 1]) ? 1 : 0; // never half a surrogate pair
        var cut = value.Length > MaxValueLength ? value[..keep].TrimEnd() + "…" : value;
        var text = markdown ? MarkdownText.Inline(cut) : Flat(cut);
        return field == "summary" ? words.Quotes.Open + text + words.Quotes.Close : text;
    }

    // A terminal shows repository text as it is: control characters (escape sequences, line breaks) are dropped.
    private static string Flat(string text) => string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c));
}
