using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.GitHub;
using CQEN.ProfileGen.Rendering;

namespace CQEN.ProfileGen.Publishing;

/// <summary>One more file of the profile as <c>render</c> makes it: its path in the repository, its path relative to the first file's folder, its text, its cards (relative to it).</summary>
internal sealed record RenderedFile(string Path, string RelativePath, string Text, IReadOnlyList<Rendering.Cards.CardFile> Cards);

/// <summary>
/// The profile's files after the first (<c>cultures:</c>), for <c>publish</c> (built from their
/// text on the base, committed with the profile) and for <c>render</c> (beside the first file).
/// Each is a whole file from its template, or, with managed regions, its own hand-written file
/// with the regions filled, exactly as the first.
/// </summary>
internal static class ProfileFiles
{
    /// <summary>The other languages' files for <see cref="PublishRequest.Translations"/>; <paramref name="where"/> is owner/repo, for messages.</summary>
    public static IReadOnlyList<ProfileTranslation> Translations(IReadOnlyList<ProfilePage> pages, ProfileGenConfig config, IReadOnlyDictionary<string, TemplateSource> regions, string where, CancellationToken ct) =>
        [.. pages.Skip(1).Select(page => new ProfileTranslation(
            page.Path,
            current => Build(page, config, regions, current, $"{where}:{page.Path}", ct),
            text => [.. page.Model.Cards.FilesUsedBy(text).Select(f => new FileChange(page.Folder + f.RelativePath, f.Bytes))]))];

    /// <summary>
    /// The other languages' files for <c>render</c>; <paramref name="checkout"/> is the folder
    /// holding the hand-written files (needed only with regions).
    /// </summary>
    public static IReadOnlyList<RenderedFile> Others(IReadOnlyList<ProfilePage> pages, ProfileGenConfig config, IReadOnlyDictionary<string, TemplateSource> regions, string checkout, CancellationToken ct)
    {
        return [.. pages.Skip(1).Select(page =>
        {
            string? current = null;
            var onDisk = System.IO.Path.Combine(checkout, page.Path);
            if (regions.Count > 0)
            {
                current = File.Exists(onDisk)
                    ? Utf8File.Read(onDisk, onDisk, "profile")
                    : throw new InputException($"publish.regions: {onDisk} does not exist; render fills the regions of each culture's hand-written file in the checkout (or pass --template to render whole files)");
            }
            var text = Build(page, config, regions, current, onDisk, ct);
            return new RenderedFile(page.Path, Uri.UnescapeDataString(ProfilePages.Link(pages[0].Path, page.Path)), text, page.Model.Cards.FilesUsedBy(text));
        })];
    }

    /// <summary>The whole file from the page's template, or its current text with the regions filled (as the first file's, <see cref="ProfileContent"/>); within limits.max_bytes.</summary>
    public static string Build(ProfilePage page, ProfileGenConfig config, IReadOnlyDictionary<string, TemplateSource> regions, string? current, string where, CancellationToken ct) =>
        regions.Count == 0
            ? page.Render(config, ct)
            : ProfileContent.InRegions(regions.ToDictionary(r => r.Key, r => ProfileRenderer.Render(r.Value, page.Model, ct: ct), StringComparer.Ordinal), config.Limits.MaxBytes).Apply(current, where);
}
