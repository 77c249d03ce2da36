using System.Text;

namespace CQEN.ProfileGen.Badges;

/// <summary>
/// shields.io static badge URLs (https://img.shields.io/badge/LABEL-MESSAGE-COLOR), read and
/// written with shields.io's escaping: "--" is a dash, "__" an underscore, "_" a space, and the
/// rest percent-encoding.
/// </summary>
internal static class ShieldsBadgeUrl
{
    private const string StaticPrefix = "https://img.shields.io/badge/";

    public static bool IsShields(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Equals("img.shields.io", StringComparison.OrdinalIgnoreCase);

    /// <summary>Label, message and colour of a static badge; null for other routes or URLs.</summary>
    public static (string Label, string Message, string Color)? TryDecode(string imageUrl)
    {
        var schemeEnd = imageUrl.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return null;
        }
        var rest = imageUrl[(schemeEnd + 3)..];
        const string hostAndRoute = "img.shields.io/badge/";
        if (!rest.StartsWith(hostAndRoute, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        // The raw text as written (not Uri's re-encoded form): "Expérimentation" may be written raw.
        var content = rest[hostAndRoute.Length..];
        var cut = content.IndexOfAny(['?', '#']);
        if (cut >= 0)
        {
            content = content[..cut];
        }
        foreach (var extension in new[] { ".svg", ".png" })
        {
            if (content.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                content = content[..^extension.Length];
            }
        }
        var parts = SplitOnSingleDashes(content);
        return parts.Count switch
        {
            2 => ("", Unescape(parts[0]), Unescape(parts[1])),
            >= 3 => (Unescape(parts[0]), Unescape(string.Join("-", parts.Skip(1).Take(parts.Count - 2))), Unescape(parts[^1])),
            _ => null,
        };
    }

    /// <summary>The static badge URL showing exactly this label, message and colour.</summary>
    public static string Build(string label, string message, string color)
    {
        var sb = new StringBuilder(StaticPrefix);
        if (label.Length > 0)
        {
            sb.Append(Escape(label)).Append('-');
        }
        return sb.Append(Escape(message)).Append('-').Append(Escape(color)).ToString();
    }

    private static List<string> SplitOnSingleDashes(string content)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] == '-')
            {
                if (i + 1 < content.Length && content[i + 1] == '-')
                {
                    current.Append("%2D"); // a literal dash; decoded with the rest of the part
                    i++;
                    continue;
                }
                parts.Add(current.ToString());
                current.Clear();
                continue;
            }
            current.Append(content[i]);
        }
        parts.Add(current.ToString());
        return parts;
    }

    private static string Unescape(string part)
    {
        // Underscores first, on the raw text: "__" is "_", a lone "_" is a space. An underscore
        // written as %5F stays an underscore (shields.io's own rule for an escaped one).
        var sb = new StringBuilder(part.Length);
        for (var i = 0; i < part.Length; i++)
        {
            if (part[i] == '_')
            {
                if (i + 1 < part.Length && part[i + 1] == '_')
                {
                    sb.Append("%5F");
                    i++;
                }
                else
                {
                    sb.Append(' ');
                }
                continue;
            }
            sb.Append(part[i]);
        }
        // Invalid escapes ("100%", "%zz") are left as they are, never an error.
        return Uri.UnescapeDataString(sb.ToString());
    }

    private static string Escape(string part)
    {
        var sb = new StringBuilder(part.Length + 8);
        var plain = new StringBuilder();
        void Flush()
        {
            // Whole runs, so surrogate pairs (emoji) are encoded as one character.
            sb.Append(Uri.EscapeDataString(plain.ToString()));
            plain.Clear();
        }
        for (var i = 0; i < part.Length; i++)
        {
            var c = part[i];
            var escape = c switch
            {
                // A dash next to a separator would be ambiguous as "--": percent-encode those.
                '-' when i == 0 || i == part.Length - 1 => "%2D",
                '-' => "--",
                '_' => "__",
                ' ' => "_",
                _ => null,
            };
            if (escape is null)
            {
                plain.Append(c);
                continue;
            }
            Flush();
            sb.Append(escape);
        }
        Flush();
        return sb.ToString();
    }
}
