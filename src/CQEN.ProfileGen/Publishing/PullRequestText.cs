using System.Text;
using System.Text.RegularExpressions;

namespace CQEN.ProfileGen.Publishing;

/// <summary>
/// The pull request's body: a hidden marker (how the tool finds its own PR), what changed in
/// terms of repositories, and the diff size. Deterministic, so a re-run never churns the PR.
/// </summary>
public static partial class PullRequestText
{
    public const string Marker = "<!-- profilegen:pull-request -->";

    /// <summary>The trailer that marks a commit as the tool's own (anything else on the branch is someone's work).</summary>
    public const string CommitTrailer = "Generated-by: profilegen";

    /// <summary>GitHub refuses bodies over 65,536 characters; stay well under it.</summary>
    public const int MaxBodyLength = 60_000;

    public static string DefaultTitle(string culture) =>
        culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "Update the organization profile" : "Mise à jour du profil de l'organisation";

    public static string CommitMessage(string path) => $"Update {path} from the organization's data\n\n{CommitTrailer}\n";

    public static string Body(string owner, string? before, string after, UnifiedDiff diff, string culture)
    {
        var en = culture.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var oldRepos = Repos(owner, before ?? "");
        var newRepos = Repos(owner, after);
        var added = newRepos.Keys.Except(oldRepos.Keys, StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToArray();
        var removed = oldRepos.Keys.Except(newRepos.Keys, StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToArray();
        var changed = newRepos.Keys.Intersect(oldRepos.Keys, StringComparer.OrdinalIgnoreCase)
            .Where(k => newRepos[k] != oldRepos[k]).Order(StringComparer.OrdinalIgnoreCase).ToArray();

        var sb = new StringBuilder();
        sb.Append(Marker).Append('\n');
        sb.Append(en
            ? "This pull request was made by **CQEN.ProfileGen** from what the organization holds on GitHub. It is updated on each run; merge it when it looks right.\n\n"
            : "Cette demande de tirage a été produite par **CQEN.ProfileGen** à partir de ce que l'organisation détient sur GitHub. Elle est mise à jour à chaque exécution; fusionnez-la quand elle vous convient.\n\n");
        sb.Append(en ? $"**{diff.Added}** lines added, **{diff.Removed}** removed.\n\n" : $"**{diff.Added}** lignes ajoutées, **{diff.Removed}** retirées.\n\n");
        var notice = en ? "\n_(list shortened to stay within GitHub's size limit)_\n" : "\n_(liste abrégée pour respecter la limite de taille de GitHub)_\n";
        foreach (var (title, names) in new[]
        {
            (en ? "Repositories added" : "Dépôts ajoutés", added),
            (en ? "Repositories removed" : "Dépôts retirés", removed),
            (en ? "Repositories changed" : "Dépôts modifiés", changed),
        })
        {
            if (names.Length == 0)
            {
                continue;
            }
            sb.Append($"### {title} ({names.Length})\n\n");
            foreach (var name in names)
            {
                var line = $"- `{name.Replace("`", "", StringComparison.Ordinal)}`\n";
                if (sb.Length + line.Length + notice.Length > MaxBodyLength)
                {
                    sb.Append(notice);
                    return sb.ToString();
                }
                sb.Append(line);
            }
            sb.Append('\n');
        }
        return sb.ToString().TrimEnd('\n') + "\n";
    }

    // Repository name → the lines that mention its link (so "changed" means its lines differ).
    private static Dictionary<string, string> Repos(string owner, string text)
    {
        var repos = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var pattern = new Regex($@"https://github\.com/{Regex.Escape(owner)}/(?<name>[A-Za-z0-9._-]+)(?=[)/\s#?]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
        foreach (var line in text.Split('\n'))
        {
            foreach (Match m in pattern.Matches(line))
            {
                var name = m.Groups["name"].Value;
                if (name.Equals(".github", StringComparison.OrdinalIgnoreCase))
                {
                    continue; // the profile's own header links
                }
                repos[name] = repos.TryGetValue(name, out var lines) ? lines + "\n" + line : line;
            }
        }
        return repos;
    }
}
