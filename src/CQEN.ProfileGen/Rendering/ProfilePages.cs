using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Rendering;

/// <summary>
/// One file of the profile: the culture it is written in, its path from the repository root, its
/// model and its template. Its cards are its own (their words are in its culture).
/// </summary>
internal sealed record ProfilePage(ProfileCulture Culture, string Path, ProfileModel Model, TemplateSource Template)
{
    /// <summary>The page's folder from the repository root ("profile/", or "" at the root), which its card paths are relative to.</summary>
    public string Folder => Path.Contains('/', StringComparison.Ordinal) ? Path[..(Path.LastIndexOf('/') + 1)] : "";

    /// <summary>The whole file from its template, within limits.max_bytes.</summary>
    public string Render(ProfileGenConfig config, CancellationToken ct) =>
        ProfileRenderer.WithinBudget(ProfileRenderer.Render(Template, Model, ct: ct), config.Limits.MaxBytes, Template.DisplayPath);
}

/// <summary>
/// The profile in every culture of the run (<c>cultures:</c>): the first at the target path (the
/// file GitHub shows), each other one at its own path, each with a link to the others. One
/// culture gives one page, exactly the profile as it always was.
/// </summary>
internal static class ProfilePages
{
    public static IReadOnlyList<ProfilePage> Of(OrgSnapshot snapshot, ProfileGenConfig config, TemplateSource template, string targetPath, DateTimeOffset now)
    {
        var cultures = config.Languages;
        var paths = cultures.Select(c => config.Publish.PathFor(c, cultures, targetPath)).ToArray();
        if (paths.Distinct(StringComparer.Ordinal).Count() < paths.Length)
        {
            throw new InputException($"publish.culture_paths: two cultures would write the same file ({string.Join(", ", paths)}); give each culture a file of its own");
        }
        return [.. cultures.Select((culture, i) =>
        {
            // Cards carry words too: the other cultures' cards go in a folder of their own (cards/en/…).
            var pageConfig = i == 0 ? config : config with
            {
                Culture = culture,
                Cards = config.Cards with { Path = $"{config.Cards.Path}/{culture.Language()}" },
            };
            var model = TemplateModelBuilder.Build(snapshot, pageConfig, now);
            if (cultures.Count > 1)
            {
                model = model with { Languages = [.. cultures.Select((other, j) => new LanguageModel(other.Word(), NameOf(other), Link(paths[i], paths[j]), j == i))] };
            }
            return new ProfilePage(culture, paths[i], model, i == 0 ? template : template.For(culture));
        })];
    }

    /// <summary>Every path a card of any page can have (read before deciding, to compare them).</summary>
    public static IEnumerable<string> CardPaths(IEnumerable<ProfilePage> pages) =>
        pages.SelectMany(p => p.Model.Cards.All.SelectMany(c => new[] { c.Light, c.Dark }).Select(card => p.Folder + card));

    // Each language in its own words: a reader looks for the name they can read.
    private static string NameOf(ProfileCulture culture) => culture == ProfileCulture.English ? "English" : "Français";

    /// <summary>A relative link from one file of the repository to another (both from the root, '/'-separated), each name escaped.</summary>
    public static string Link(string from, string to)
    {
        var fromFolders = from.Split('/')[..^1];
        var target = to.Split('/');
        var common = 0;
        while (common < fromFolders.Length && common < target.Length - 1 && fromFolders[common] == target[common])
        {
            common++;
        }
        var up = Enumerable.Repeat("..", fromFolders.Length - common);
        return string.Join('/', up.Concat(target.Skip(common).Select(Uri.EscapeDataString)));
    }
}
