using System.Text.RegularExpressions;

namespace CQEN.ProfileGen.Snapshots;

/// <summary>
/// The first sentence of a README after its header, as plain text: what a repository is, for
/// the many repositories with no GitHub description. Headings, badges, HTML, code, lists, tables
/// and the licence section are skipped; links keep their text. The result is still untrusted
/// text: templates escape it like a description.
/// </summary>
internal static partial class ReadmeSummary
{
    public const int MaxLength = 160;

    private const int MaxHeadings = 2;

    // Room for a 160-character sentence under plenty of link and image markup, and no more:
    // a README is anyone's text and may hold a megabyte on one line.
    private const int MaxParagraph = 4000;

    public static string? FirstSentence(string readmeText)
    {
        string[] lines = [.. Badges.ShieldsBadgeParser.Lines(readmeText), ""]; // a blank line ends the last paragraph
        var (begin, end) = Badges.ReadmeHeaderExtractor.MarkerLines(readmeText);
        var start = end is { } e && (begin is null || begin < e) ? e : 0;

        var paragraph = new List<string>();
        var inFence = false;
        var inComment = false;
        var headings = 0; // the description is near the top: under the title, or an "Overview" just after it
        int? skipBelow = null; // inside a section that never describes the project (licence, installation…), of this level
        for (var i = start; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (inComment)
            {
                inComment = !trimmed.Contains("-->", StringComparison.Ordinal);
                continue;
            }
            if (inFence)
            {
                inFence = !(trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal));
                continue;
            }
            // A line of === or --- under a paragraph makes it a heading (setext); alone it is a rule.
            if (SetextUnderline().IsMatch(line) && paragraph.Count > 0)
            {
                if (++headings > MaxHeadings)
                {
                    return null;
                }
                skipBelow = Section(string.Join(' ', paragraph), trimmed.StartsWith('=') ? 1 : 2, skipBelow);
                paragraph.Clear();
                continue;
            }
            var endsParagraph = trimmed.Length == 0 || IsBlock(line, trimmed);
            if (!endsParagraph)
            {
                var text = trimmed.TrimStart('>', ' '); // a quote's text (trimmed starts with no space)
                if (paragraph.Count == 0 && PlainText(text).Length == 0)
                {
                    continue; // a line of badges or images before any prose
                }
                paragraph.Add(text);
                continue;
            }
            var raw = string.Join(' ', paragraph); // "" when no paragraph is open: no sentence
            raw = raw[..Math.Min(raw.Length, MaxParagraph)]; // the sentence is at its start
            if (skipBelow is null && !OnlyCodeOrLink().IsMatch(raw) && Sentence(PlainText(raw)) is { } sentence)
            {
                return sentence;
            }
            paragraph.Clear();
            if (trimmed.StartsWith('#'))
            {
                var title = trimmed.TrimStart('#');
                if (!TableOfContents().IsMatch(PlainText(title)) && ++headings > MaxHeadings)
                {
                    return null;
                }
                skipBelow = Section(title, trimmed.Length - title.Length, skipBelow);
            }
            else if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = true;
            }
            else if (trimmed.StartsWith("<!--", StringComparison.Ordinal))
            {
                inComment = !trimmed.Contains("-->", StringComparison.Ordinal);
            }
        }
        return null;
    }

    // Lines that are not prose: headings, fences, HTML, tables, lists, reference definitions, rules, indented code.
    private static bool IsBlock(string line, string trimmed) =>
        trimmed.StartsWith('#') || trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)
        || trimmed.StartsWith('<') || trimmed.StartsWith('|') || ListItem().IsMatch(trimmed) || ReferenceDefinition().IsMatch(trimmed)
        || SetextUnderline().IsMatch(line) || line.StartsWith("    ", StringComparison.Ordinal) || line.StartsWith('\t');

    // A heading of this level ends any skipped section at its level or deeper; it starts one
    // when its title is about licences, installation, usage or the like rather than the project.
    private static int? Section(string heading, int level, int? skipBelow)
    {
        if (skipBelow is { } skipped && level > skipped)
        {
            return skipped;
        }
        // A top-level title names the project ("Configurer l'environnement Indy"): never skipped.
        return level > 1 && NotADescription().IsMatch(PlainText(heading)) ? level : null;
    }

    /// <summary>Markdown inline text → plain text: images dropped, links reduced to their text, markup and tags removed.</summary>
    internal static string PlainText(string markdown)
    {
        var s = HtmlComment().Replace(markdown, " ");
        s = Image().Replace(s, " ");
        s = InlineLink().Replace(s, "$1");
        s = Autolink().Replace(s, "$1");
        s = HtmlTag().Replace(s, " ");
        s = s.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal).Replace("~~", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal);
        s = Emphasis().Replace(s, "");
        s = BackslashEscape().Replace(s, "$1");
        s = System.Net.WebUtility.HtmlDecode(s);
        return SpacesOrControls().Replace(s, " ").Trim();
    }

    // Up to the first full stop, exclamation or question mark that ends a word; at most MaxLength characters.
    private static string? Sentence(string text)
    {
        if (!text.Any(char.IsLetter))
        {
            return null;
        }
        var end = text.Length;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])) && !IsAbbreviation(text, i))
            {
                end = i + 1;
                break;
            }
        }
        var sentence = text[..end].Trim();
        if (sentence.Length <= MaxLength)
        {
            return sentence;
        }
        var cut = sentence.LastIndexOf(' ', MaxLength - 1);
        return sentence[..(cut >= MaxLength / 2 ? cut : MaxLength - 1)].TrimEnd(',', ';', ':', ' ') + "…";
    }

    // "J. Smith", "e.g. this", "p. ex. cela": a period after one letter does not end the sentence.
    private static bool IsAbbreviation(string text, int period)
    {
        if (text[period] != '.')
        {
            return false;
        }
        var start = period;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }
        var word = text[start..period];
        return word.Length == 1 && char.IsLetter(word[0]) || word is "e.g" or "i.e" or "ex";
    }

    [GeneratedRegex(@"^\W*(licen[cs]|install|pr[ée]-?requis|pre-?requisite|quick ?start|d[ée]marrage|usage|utilisation|build|running|ex[ée]cut|d[ée]ploy|configur|table des mati|table of contents|sommaire|contribut|english version|version fran)", RegexOptions.IgnoreCase)]
    private static partial Regex NotADescription();

    [GeneratedRegex(@"^\W*(table des mati|table of contents|sommaire|contents)", RegexOptions.IgnoreCase)]
    private static partial Regex TableOfContents();

    // A paragraph that is only code (`az login`) or only a link ([English version](README_en.md)).
    [GeneratedRegex(@"^(`[^`]*`|\[[^\]]*\]\([^)]*\))$")]
    private static partial Regex OnlyCodeOrLink();

    [GeneratedRegex(@"^ {0,3}(=+|-+)\s*$")]
    private static partial Regex SetextUnderline();

    [GeneratedRegex(@"^([-*+]|\d{1,9}[.)])(\s|$)")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^\[[^\]]+\]:\s")]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"<!--.*?(-->|$)")]
    private static partial Regex HtmlComment();

    // ![alt](url), ![alt][ref], and a linked image [![alt](img)](url) with its outer link.
    [GeneratedRegex(@"\[?!\[[^\]]*\](\((?:[^()]|\([^()]*\))*\)|\[[^\]]*\])(\]\((?:[^()]|\([^()]*\))*\)|\]\[[^\]]*\])?")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]*)\](\((?:[^()]|\([^()]*\))*\)|\[[^\]]*\])")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"<((?:https?|mailto):[^>\s]+)>")]
    private static partial Regex Autolink();

    [GeneratedRegex(@"</?[A-Za-z][^>]*>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"(?<![\w\\])[*_](?=\S)|(?<=\S)(?<!\\)[*_](?!\w)")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\\([!-/:-@\[-`{-~])")]
    private static partial Regex BackslashEscape();

    [GeneratedRegex(@"[\s\p{Cc}]+")]
    private static partial Regex SpacesOrControls();
}
