using System.Text.RegularExpressions;
using CQEN.ProfileGen.Badges;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Catalogue;

/// <summary>A lifecycle badge of a README header, with the family it belongs to.</summary>
/// <param name="Family">"repostatus" (repostatus.org), "r-lib" (r-lib lifecycle, usethis) or "shields" (an organization's own shields.io badge, such as CQEN's "Cycle de vie").</param>
internal sealed record StatusBadge(string Family, string Word, int? Line);

/// <summary>
/// Recognises lifecycle badges among a README header's badges: repostatus.org badges by their
/// image URL (they are not shields.io badges, so the badge parser leaves them out), r-lib badges by
/// their link to r-lib's or the tidyverse's stages, and any other shields.io badge whose label names
/// a lifecycle. Never by colour: organizations pick their own.
/// </summary>
internal static partial class StatusBadges
{
    /// <summary>repostatus.org's words (spec 2.0.0), as they appear in its image URLs.</summary>
    public static readonly IReadOnlyList<string> RepostatusWords = ["concept", "wip", "suspended", "abandoned", "active", "inactive", "unsupported", "moved"];

    /// <summary>The first lifecycle badge of the header; null when there is none.</summary>
    public static StatusBadge? Find(RepoSnapshot repo, LifecycleVocabulary vocabulary)
    {
        var shields = repo.Badges.FirstOrDefault(b => vocabulary.IsLifecycleLabel(b.Label) && b.Message is { Length: > 0 });
        var repostatus = Repostatus(repo.Readme);
        if (repostatus is not null && (shields is null || repostatus.Line is { } line && line < shields.Line))
        {
            return repostatus;
        }
        return shields is null ? repostatus : new StatusBadge(IsRLib(shields) ? "r-lib" : "shields", shields.Message!, shields.Line);
    }

    /// <summary>A repostatus.org badge in the header text (Markdown, HTML or reStructuredText alike: the URL is what counts).</summary>
    public static StatusBadge? Repostatus(ReadmeHeader? header)
    {
        if (header is null)
        {
            return null;
        }
        var lines = header.Text.Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var m = RepostatusImage().Match(lines[n]);
            if (m.Success)
            {
                // The header text starts after the opening marker when there is one, else on line 1.
                var first = header.HasEnteteMarkers && header.EnteteBeginLine is { } begin ? begin + 1 : 1;
                var word = m.Groups["word"].Value.ToLowerInvariant();
                return new StatusBadge("repostatus", word, first + n);
            }
        }
        return null;
    }

    private static bool IsRLib(ShieldsBadge badge) =>
        badge.LinkUrl is { } link && (link.Contains("lifecycle.r-lib.org", StringComparison.OrdinalIgnoreCase)
            || link.Contains("tidyverse.org/lifecycle", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"https?://(?:www\.)?repostatus\.org/badges/(?:latest|\d+\.\d+\.\d+)/(?<word>concept|wip|suspended|abandoned|active|inactive|unsupported|moved)\.svg", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RepostatusImage();
}
