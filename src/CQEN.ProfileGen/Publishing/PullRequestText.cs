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

    public static string Body(string owner, string? before, string after, UnifiedDiff diff, string culture, Audit.AuditReport? audit = null)
    {
        var en = culture.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var auditSection = audit is null ? "" : "\n" + AuditSection(audit, culture);
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
                if (sb.Length + line.Length + notice.Length + auditSection.Length > MaxBodyLength)
                {
                    sb.Append(notice);
                    return sb.Append(auditSection).ToString();
                }
                sb.Append(line);
            }
            sb.Append('\n');
        }
        return sb.ToString().TrimEnd('\n') + "\n" + auditSection;
    }

    /// <summary>
    /// A collapsed section for the PR body: the audit's counts and its first findings (errors
    /// first), so the weekly PR tells the maintainers what to fix. Repository text in the
    /// findings is escaped: it cannot add HTML, links, or the PR's hidden marker.
    /// </summary>
    public static string AuditSection(Audit.AuditReport audit, string culture, int maxFindings = 10)
    {
        var en = culture.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var counts = en
            ? $"{audit.Errors} error{(audit.Errors == 1 ? "" : "s")}, {audit.Warnings} warning{(audit.Warnings == 1 ? "" : "s")}, {audit.Notices} notice{(audit.Notices == 1 ? "" : "s")}"
            : $"{audit.Errors} erreur{(audit.Errors > 1 ? "s" : "")}, {audit.Warnings} avertissement{(audit.Warnings > 1 ? "s" : "")}, {audit.Notices} remarque{(audit.Notices > 1 ? "s" : "")}";
        var sb = new StringBuilder();
        sb.Append("<details><summary>").Append(en ? "Organization audit: " : "Audit de l'organisation : ").Append(counts).Append("</summary>\n\n");
        if (audit.Findings.Count == 0)
        {
            sb.Append(en ? "Nothing to fix in the repositories the profile lists.\n" : "Rien à corriger dans les dépôts que le profil présente.\n");
            return sb.Append("\n</details>\n").ToString();
        }
        sb.Append(en ? "| Repository | Rule | Finding |\n" : "| Dépôt | Règle | Constat |\n").Append("| --- | --- | --- |\n");
        var first = audit.Findings.OrderBy(f => Audit.AuditRule.Rank(f.Severity)).Take(maxFindings).ToArray();
        foreach (var f in first)
        {
            sb.Append($"| {Rendering.MarkdownText.TableCell(f.Repo)} | {Rendering.MarkdownText.TableCell(f.Rule)} | {Rendering.MarkdownText.TableCell(f.Message)} |\n");
        }
        var rest = audit.Findings.Count - first.Length;
        if (rest > 0)
        {
            sb.Append(en ? $"\n… and {rest} more: `profilegen audit` lists them all.\n" : $"\n… et {rest} autres : `profilegen audit` les liste tous.\n");
        }
        return sb.Append("\n</details>\n").ToString();
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
