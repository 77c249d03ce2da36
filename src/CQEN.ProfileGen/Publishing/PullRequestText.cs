using System.Text;
using System.Text.RegularExpressions;

namespace CQEN.ProfileGen.Publishing;

/// <summary>
/// The pull request's body: a hidden marker (how the tool finds its own PR), what changed in
/// terms of repositories, and the diff size. Deterministic, so a re-run never churns the PR.
/// </summary>
internal static partial class PullRequestText
{
    public const string Marker = "<!-- profilegen:pull-request -->";

    /// <summary>
    /// A trailer saying which tool made the commit, for people reading the history. The tool
    /// itself never trusts it: its own commits are those recorded with <see cref="WithCommits"/>.
    /// </summary>
    public const string CommitTrailer = "Generated-by: profilegen";

    /// <summary>How many of its own commits the pull request remembers (the branch head is always among them).</summary>
    public const int RecordedCommitsKept = 10;

    private const string CommitsMarkerStart = "<!-- profilegen:commits ";

    /// <summary>The body with a hidden record of the commits profilegen made on the branch.</summary>
    public static string WithCommits(string body, IEnumerable<string> commits) =>
        body + CommitsMarkerStart + string.Join(' ', commits) + " -->\n";

    /// <summary>The commits a body records (none for a body profilegen did not write).</summary>
    public static IReadOnlyList<string> RecordedCommits(string body) =>
        RecordedCommitsPattern().Match(body) is { Success: true } m
            ? m.Groups["shas"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            : [];

    [GeneratedRegex(@"<!-- profilegen:commits (?<shas>[0-9a-f]{40}(?: [0-9a-f]{40})*) -->", RegexOptions.CultureInvariant)]
    private static partial Regex RecordedCommitsPattern();

    private const string ForeignCommitsMarker = "<!-- profilegen:foreign-commits -->";

    public static bool IsForeignNotice(string comment) => comment.Contains(ForeignCommitsMarker, StringComparison.Ordinal);

    public static string Closing(string culture, string baseName) =>
        culture.StartsWith("en", StringComparison.OrdinalIgnoreCase)
            ? $"{baseName} already has this content, so this pull request is no longer needed. _(CQEN.ProfileGen)_"
            : $"{baseName} contient déjà ce contenu : cette demande de tirage n'est plus nécessaire. _(CQEN.ProfileGen)_";

    public static string Foreign(string culture, string branch) =>
        ForeignCommitsMarker + "\n" + (culture.StartsWith("en", StringComparison.OrdinalIgnoreCase)
            ? $"Someone pushed commits to `{branch}`. CQEN.ProfileGen leaves this pull request alone so their work is not lost; run it with `--force` to take the branch back."
            : $"Quelqu'un a poussé des commits sur `{branch}`. CQEN.ProfileGen ne touche plus à cette demande de tirage pour ne pas perdre ce travail; lancez-le avec `--force` pour reprendre la branche.");

    /// <summary>GitHub refuses bodies over 65,536 characters; stay well under it.</summary>
    public const int MaxBodyLength = 60_000;

    /// <summary>Names listed per section (added, removed, changed); the counts stay exact.</summary>
    public const int MaxNamesPerList = 50;

    public static string DefaultTitle(string culture) =>
        culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "Update the organization profile" : "Mise à jour du profil de l'organisation";

    public static string CommitMessage(string path) => $"Update {path} from the organization's data\n\n{CommitTrailer}\n";

    public static string Body(string orgUrl, string? before, string after, UnifiedDiff diff, string culture, Audit.AuditReport? audit = null)
    {
        var en = culture.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var auditSection = audit is null ? "" : "\n" + AuditSection(audit, culture);
        var oldRepos = Repos(orgUrl, before ?? "");
        var newRepos = Repos(orgUrl, after);
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
            sb.Append($"### {title} ({Rendering.TemplateFunctions.FormatNumber(names.Length, culture)})\n\n");
            foreach (var name in names.Take(MaxNamesPerList))
            {
                var line = $"- `{name.Replace("`", "", StringComparison.Ordinal)}`\n";
                if (sb.Length + line.Length + notice.Length + auditSection.Length > MaxBodyLength)
                {
                    sb.Append(notice);
                    return sb.Append(auditSection).ToString();
                }
                sb.Append(line);
            }
            if (names.Length > MaxNamesPerList)
            {
                var rest = Rendering.TemplateFunctions.FormatNumber(names.Length - MaxNamesPerList, culture);
                sb.Append(en ? $"- … and {rest} more (the diff under Files changed has them all)\n" : $"- … et {rest} autres (le diff, sous Files changed, les montre tous)\n");
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
    // Links are recognised under the organization's own web address, on github.com or any
    // GitHub Enterprise host.
    private static Dictionary<string, string> Repos(string orgUrl, string text)
    {
        var repos = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var pattern = new Regex($@"{Regex.Escape(orgUrl.TrimEnd('/'))}/(?<name>[A-Za-z0-9._-]+)(?=[)/\s#?]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
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
