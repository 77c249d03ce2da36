namespace CQEN.ProfileGen.Licenses;

/// <summary>Display names of licences and the names licence files go by.</summary>
internal static class LicenseCatalog
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["LiLiQ-P-1.1"] = "Licence Libre du Québec – Permissive (LiLiQ-P) v1.1",
        ["LiLiQ-R-1.1"] = "Licence Libre du Québec – Réciprocité (LiLiQ-R) v1.1",
        ["LiLiQ-Rplus-1.1"] = "Licence Libre du Québec – Réciprocité forte (LiLiQ-R+) v1.1",
        ["Apache-2.0"] = "Apache License 2.0",
        ["MIT"] = "MIT License",
        ["EUPL-1.2"] = "European Union Public Licence 1.2",
        ["GPL-2.0-only"] = "GNU General Public License v2.0",
        ["GPL-2.0"] = "GNU General Public License v2.0",
        ["GPL-3.0-only"] = "GNU General Public License v3.0",
        ["GPL-3.0"] = "GNU General Public License v3.0",
        ["LGPL-2.1-only"] = "GNU Lesser General Public License v2.1",
        ["LGPL-3.0-only"] = "GNU Lesser General Public License v3.0",
        ["AGPL-3.0-only"] = "GNU Affero General Public License v3.0",
        ["MPL-2.0"] = "Mozilla Public License 2.0",
        ["BSD-2-Clause"] = "BSD 2-Clause \"Simplified\" License",
        ["BSD-3-Clause"] = "BSD 3-Clause \"New\" or \"Revised\" License",
    };

    // The root file names GitHub's licence detector (licensee, project_files/license_file.rb) looks
    // at, best first: LICENSE, LICENSE.md, COPYING, COPYING.md, LICENSE.<ext>, COPYING.<ext>,
    // LICENSE-X, COPYING-X, X-LICENSE, X-COPYING, OFL.md, OFL.<ext>, OFL (REAL-GITHUB.md R17).
    private const string Licence = "(un)?licen[sc]e";
    private const string Copying = "copy(ing|right)";
    private const string Preferred = @"\.(md|markdown|txt)";
    private const string AnyExtension = @"\.[^./]+";

    private static readonly System.Text.RegularExpressions.Regex[] FileNameTiers =
    [
        .. new[]
        {
            $@"\A{Licence}\z", $@"\A{Licence}{Preferred}\z", $@"\A{Copying}\z", $@"\A{Copying}{Preferred}\z",
            $@"\A{Licence}{AnyExtension}\z", $@"\A{Copying}{AnyExtension}\z", $"{Licence}-", $"{Copying}-", $"-{Licence}", $"-{Copying}",
            $@"\Aofl{Preferred}", $@"\Aofl{AnyExtension}", @"\Aofl\z",
            // Not licensee's, kept last: bilingual organizations' LICENCE_FR.md / LICENSE_EN.md.
            $"\\A{Licence}_",
        }.Select(p => new System.Text.RegularExpressions.Regex(p, System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))),
    ];

    // Extensions licensee would score but whose bytes hold no licence text to read.
    private static readonly string[] NotText = [".png", ".jpg", ".jpeg", ".gif", ".svg", ".pdf", ".ico", ".webp"];

    private static int Tier(string fileName) =>
        NotText.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase) ? -1 : Array.FindIndex(FileNameTiers, r => r.IsMatch(fileName));

    public static string? Name(string spdxId) => Names.GetValueOrDefault(spdxId);

    /// <summary>Whether a root file name is one GitHub's licence detector looks at (LICENSE, COPYRIGHT, MIT-LICENSE, LICENSE.html, OFL…), or LICENCE_FR.md.</summary>
    public static bool IsLicenseFileName(string fileName) => Tier(fileName) >= 0;

    /// <summary>
    /// Whether two ways of writing a licence name the same licence: an SPDX id, a badge message,
    /// or a badge URL part still in shields.io's escaping. "LiLiQ--R%2B", "LiLiQ-R+" and
    /// "LiLiQ-Rplus-1.1" are one licence, as are "Apache 2.0", "Apache2" and "Apache-2.0"; a
    /// version left out ("LiLiQ-P") matches any version of that licence.
    /// </summary>
    public static bool SameLicense(string a, string b)
    {
        var (familyA, versionA) = Key(a);
        var (familyB, versionB) = Key(b);
        return familyA.Length > 0 && familyA == familyB && (versionA is null || versionB is null || versionA == versionB);
    }

    /// <summary>A licence name reduced to its family ("liliqrplus", "apache") and version ("1.1", "2"), for <see cref="SameLicense"/>.</summary>
    public static (string Family, string? Version) Key(string text)
    {
        var s = text.Trim();
        if (s.Contains('%', StringComparison.Ordinal))
        {
            try
            {
                s = Uri.UnescapeDataString(s);
            }
            catch (UriFormatException)
            {
                // not percent-encoded after all: compare the text as it is
            }
        }
        s = s.Replace("--", "-", StringComparison.Ordinal).Replace("__", " ", StringComparison.Ordinal).Replace('_', ' ')
            .Replace("+", " plus ", StringComparison.Ordinal).ToLowerInvariant();
        var family = new System.Text.StringBuilder();
        string? version = null;
        var words = System.Text.RegularExpressions.Regex.Matches(s, @"[a-z]+|\d+(?:\.\d+)*", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i].Value;
            if (char.IsAsciiDigit(word[0]))
            {
                // "2.0" and "2" are one version; "v2" is "2".
                version ??= System.Text.RegularExpressions.Regex.Replace(word, @"(\.0)+$", "", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
                continue;
            }
            if (word is "license" or "licence" or "version" or "only" or "or" or "later" or "the" or "v")
            {
                continue;
            }
            // "GPLv2": the "v" belongs to the version that follows it.
            var next = i + 1 < words.Count ? words[i + 1] : null;
            family.Append(word.Length > 1 && word[^1] == 'v' && next is not null && next.Index == words[i].Index + word.Length && char.IsAsciiDigit(next.Value[0]) ? word[..^1] : word);
        }
        return (family.ToString(), version);
    }

    /// <summary>
    /// Lower is preferred, in licensee's order; in one of its tiers the LICENSE spelling before
    /// LICENCE. The bilingual names after them are left to the callers' ordinal tie-break.
    /// </summary>
    public static int Preference(string fileName)
    {
        var tier = Tier(fileName);
        var licensee = tier >= 0 && tier < FileNameTiers.Length - 1;
        return tier < 0 ? int.MaxValue : tier * 2 + (licensee && fileName.Contains("licence", StringComparison.OrdinalIgnoreCase) ? 1 : 0);
    }
}
