using System.Text;

namespace CQEN.ProfileGen.Rendering;

/// <summary>
/// Makes untrusted repository text (names, descriptions, topics, badge texts) safe to place in
/// Markdown: it stays plain text whatever it contains. No raw HTML (&lt; &gt; &amp; become
/// entities, so no "&lt;!--" marker text can appear either), no links or images, no emphasis,
/// no headings or lists, no table breaks, and bare URLs and e-mail addresses are defused so
/// GitHub's autolinker leaves them alone.
/// </summary>
internal static class MarkdownText
{
    // Zero-width space: invisible, and breaks the autolink patterns (scheme://, www., user@host).
    private const char Defuse = '\u200B';

    /// <summary>Inline text: one line, every Markdown-significant character neutralised.</summary>
    public static string Inline(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        // Most names and descriptions need no change at all: answer those without allocating.
        if (text.AsSpan().IndexOfAny(Special) < 0 && !IsBlockStart(text[0]) && text[^1] != ' ' && IsNormalizedQuickly(text)
            && !text.Contains("://", StringComparison.Ordinal) && !text.Contains("www.", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }
        var flat = Flatten(text);
        var sb = new StringBuilder(flat.Length + 16);
        for (var i = 0; i < flat.Length; i++)
        {
            var c = flat[i];
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~' or '$':
                    sb.Append('\\').Append(c);
                    break;
                case '#' or '-' or '+' or '=' or '!' or '(' or ')' when i == 0:
                    // Only dangerous where a block can start: the text's first character.
                    sb.Append('\\').Append(c);
                    break;
                case '.' or ')' when IsOnlyDigits(flat, 0, i):
                    sb.Append('\\').Append(c); // "1. x" or "1) x" would start an ordered list
                    break;
                case ':' when Follows(flat, i + 1, "//"):
                    sb.Append(':').Append(Defuse);
                    break;
                case '@':
                    sb.Append('@').Append(Defuse);
                    break;
                case '.' when i >= 3 && string.Compare(flat, i - 3, "www", 0, 3, StringComparison.OrdinalIgnoreCase) == 0:
                    sb.Append(Defuse).Append('.');
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Text for a GFM table cell: inline-safe, never empty (an empty cell stays a cell).</summary>
    public static string TableCell(string? text) => Inline(text);

    /// <summary>
    /// The URL when it is an absolute http(s) URL, with the characters that could end a Markdown
    /// link destination percent-encoded; null for anything else (javascript:, data:, relative…).
    /// </summary>
    public static string? SafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return null;
        }
        // An absolute http(s) URI always has a host (Uri refuses "http:///x").
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return null;
        }
        // AbsoluteUri already percent-encodes space < > " \ | ` { } ^; what it leaves raw and a
        // link destination cannot hold is encoded here.
        var absolute = uri.AbsoluteUri;
        if (!absolute.AsSpan().ContainsAny(UrlSpecial))
        {
            return absolute;
        }
        var sb = new StringBuilder(absolute.Length);
        foreach (var c in absolute)
        {
            sb.Append(c switch
            {
                '(' => "%28",
                ')' => "%29",
                '\'' => "%27",
                '[' => "%5B",
                ']' => "%5D",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> UrlSpecial = System.Buffers.SearchValues.Create("()'[]");

    /// <summary>A Markdown link when the URL is safe, else just the escaped text.</summary>
    public static string Link(string? text, string? url)
    {
        var label = Inline(text);
        var safe = SafeUrl(url);
        if (label.Length == 0)
        {
            label = safe is null ? "" : Inline(url);
        }
        return safe is null ? label : $"[{label}]({safe})";
    }

    // Everything Inline may change: escapes, entities, autolink triggers, and all whitespace but a single space.
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create(
        "<>&\\`*_[]|~$@\t\n\r\f\v\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u200B\u200C\u200E\u200F\u2028\u2029\u202A\u202B\u202C\u202D\u202E\u202F\u205F\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u3000\uFEFF\u0000");

    private static bool IsBlockStart(char c) => c is '#' or '-' or '+' or '=' or '!' or '(' or ')' or ' ' || char.IsAsciiDigit(c);

    // ASCII and Latin-1 letters with no combining marks are already NFC; only then skip the normalizer.
    private static bool IsNormalizedQuickly(string text)
    {
        foreach (var c in text)
        {
            if (c >= '\u0300' || char.IsControl(c))
            {
                return false;
            }
        }
        return !text.Contains("  ", StringComparison.Ordinal);
    }

    private static string Flatten(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        // Normalize returns the same string at once when it is already NFC.
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            // Line and paragraph separators are white space already; these two are format characters.
            var isSpace = char.IsWhiteSpace(c) || char.IsControl(c) || c is '\u200B' or '\uFEFF';
            if (isSpace)
            {
                space = sb.Length > 0;
                continue;
            }
            if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format && c is not '\u200D')
            {
                continue; // bidi overrides and other invisible formatting could disguise the text
            }
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool IsOnlyDigits(string s, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }
        }
        return end > start;
    }

    private static bool Follows(string s, int index, string what) => s.AsSpan(index).StartsWith(what, StringComparison.Ordinal);
}
