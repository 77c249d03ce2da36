using System.Text;

namespace CQEN.ProfileGen.Licenses;

/// <summary>
/// Identifies a licence from its file text, for when GitHub cannot (it answers NOASSERTION or
/// "Other" for the Québec licences). Matching is on phrases that only that licence's text has,
/// after normalising encoding (UTF-8 with or without BOM, else Windows-1252), case, dashes,
/// Markdown emphasis, no-break spaces and line breaks — so reformatted copies are still recognised.
/// </summary>
internal static class LicenseIdentifier
{
    static LicenseIdentifier() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string? Identify(ReadOnlySpan<byte> fileBytes) => IdentifyText(Decode(fileBytes));

    public static string? IdentifyText(string text)
    {
        var t = Normalize(text);
        // Licence texts cite one another (compatibility lists, "use the Lesser GPL instead"):
        // family names count only in the title, at the top of the file.
        var head = t[..Math.Min(t.Length, 600)];
        // The LiLiQ texts name each other (compatibility clauses), so read the title that the
        // preamble gives: "…aux termes de la Licence Libre du Québec – Réciprocité forte (LiLiQ-R+)".
        if (LiLiQ(t, head) is { } liliq)
        {
            return liliq;
        }
        if (t.Contains("apache license") && t.Contains("version 2.0") && t.Contains("terms and conditions for use, reproduction, and distribution"))
        {
            return "Apache-2.0";
        }
        if (t.Contains("permission is hereby granted, free of charge, to any person obtaining a copy")
            && t.Contains("the above copyright notice and this permission notice shall be included"))
        {
            return "MIT";
        }
        if (head.Contains("european union public licence") && (head.Contains("v. 1.2") || head.Contains("v.1.2") || head.Contains("version 1.2")))
        {
            return "EUPL-1.2";
        }
        // The GNU texts name one another near the top (the GPL-2.0's preamble points to the Lesser
        // GPL, the LGPL-3.0 incorporates the GPL, the Library GPL builds on it): the first GNU
        // title is the text's own. The text alone cannot say "or later": that is in each file's notice.
        switch (FirstGnuTitle(head))
        {
            case "gnu lesser general public license":
                return head.Contains("version 3, 29 june 2007") ? "LGPL-3.0-only" : head.Contains("version 2.1, february 1999") ? "LGPL-2.1-only" : null;
            case "gnu affero general public license":
                return head.Contains("version 3, 19 november 2007") ? "AGPL-3.0-only" : null;
            case "gnu general public license":
                return head.Contains("version 3, 29 june 2007") ? "GPL-3.0-only" : head.Contains("version 2, june 1991") ? "GPL-2.0-only" : null;
        }
        if (head.Contains("mozilla public license version 2.0") || head.Contains("mozilla public license, version 2.0"))
        {
            return "MPL-2.0";
        }
        // The BSD conditions also open BSD-4-Clause and the Apache 1.x licences, whose extra clause
        // (an acknowledgment in advertising or in the documentation) makes them other licences.
        if (t.Contains("redistribution and use in source and binary forms, with or without modification, are permitted")
            && !t.Contains("acknowledg"))
        {
            return t.Contains("neither the name of") || t.Contains("may be used to endorse or promote products") ? "BSD-3-Clause" : "BSD-2-Clause";
        }
        return null;
    }

    // The Library GPL (LGPL-2.0) is listed only so that its title, not the GPL it names, comes first.
    private static readonly string[] GnuTitles =
    [
        "gnu general public license", "gnu lesser general public license", "gnu library general public license", "gnu affero general public license",
    ];

    private static string? FirstGnuTitle(string head) =>
        GnuTitles.Select(title => (Title: title, At: head.IndexOf(title, StringComparison.Ordinal)))
            .Where(found => found.At >= 0)
            .OrderBy(found => found.At)
            .Select(found => found.Title)
            .FirstOrDefault();

    private static string? LiLiQ(string t, string head)
    {
        // The preamble names the licence itself; the title alone counts only at the top.
        (string Text, string Phrase)[] places =
        [
            (t, "aux termes de la licence libre du québec - "),
            (t, "to the terms of the québec free and open-source licence - "),
            (head, "licence libre du québec - "),
            (head, "québec free and open-source licence - "),
        ];
        foreach (var (text, preamble) in places)
        {
            var at = text.IndexOf(preamble, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }
            var title = text.AsSpan(at + preamble.Length);
            if (title.StartsWith("réciprocité forte") || title.StartsWith("strong reciprocity"))
            {
                return "LiLiQ-Rplus-1.1";
            }
            if (title.StartsWith("réciprocité") || title.StartsWith("reciprocity"))
            {
                return "LiLiQ-R-1.1";
            }
            if (title.StartsWith("permissive"))
            {
                return "LiLiQ-P-1.1";
            }
        }
        return null;
    }

    /// <summary>UTF-8 (BOM or not) when the bytes are valid UTF-8, else Windows-1252 (older Windows-made files).</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        return System.Text.Unicode.Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : Encoding.GetEncoding(1252).GetString(bytes);
    }

    // Lower case, one kind of dash, and words separated by single spaces, trimmed.
    private static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var raw in text.Normalize(NormalizationForm.FormC))
        {
            var c = raw switch
            {
                '\u2013' or '\u2014' or '\u2012' or '\u2010' or '\u2011' or '\u2212' => '-',
                '#' or '*' or '\uFEFF' => ' ', // Markdown-formatted copies ("### GNU GENERAL PUBLIC LICENSE"), stray BOMs
                _ => raw,
            };
            sb.Append(char.IsWhiteSpace(c) ? ' ' : char.ToLowerInvariant(c));
        }
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
