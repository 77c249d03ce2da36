using System.Text;
using System.Text.RegularExpressions;
using CQEN.ProfileGen.Configuration;

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

    public static string Closing(ProfileCulture culture, string baseName) => Wording.For(culture).Closing(baseName);

    public static string Foreign(ProfileCulture culture, string branch) => ForeignCommitsMarker + "\n" + Wording.For(culture).ForeignCommits(branch);

    /// <summary>GitHub refuses bodies over 65,536 characters; stay well under it.</summary>
    public const int MaxBodyLength = 60_000;

    /// <summary>Names listed per section (added, removed, changed); the counts stay exact.</summary>
    public const int MaxNamesPerList = 50;

    public static string DefaultTitle(ProfileCulture culture) => Wording.For(culture).PullRequestTitle;

    public static string CommitMessage(string path, ProfileCulture culture = ProfileCulture.English) => $"{Wording.For(culture).CommitMessage(path)}\n\n{CommitTrailer}\n";

    public static string Body(string orgUrl, string? before, string after, UnifiedDiff diff, ProfileCulture culture, Audit.AuditReport? audit = null)
    {
        var words = Wording.For(culture);
        var auditSection = audit is null ? "" : "\n" + AuditSection(audit, culture);
        var oldRepos = Repos(orgUrl, before ?? "");
        var newRepos = Repos(orgUrl, after);
        var added = newRepos.Keys.Except(oldRepos.Keys, StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToArray();
        var removed = oldRepos.Keys.Except(newRepos.Keys, StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToArray();
        var changed = newRepos.Keys.Intersect(oldRepos.Keys, StringComparer.OrdinalIgnoreCase)
            .Where(k => newRepos[k] != oldRepos[k]).Order(StringComparer.OrdinalIgnoreCase).ToArray();

        var sb = new StringBuilder();
        sb.Append(Marker).Append('\n');
        sb.Append(words.PullRequestIntro).Append("\n\n");
        sb.Append(words.LinesChanged(diff.Added, diff.Removed)).Append("\n\n");
        var notice = "\n" + words.ListShortened + "\n";
        foreach (var (title, names) in new[] { (words.ReposAdded, added), (words.ReposRemoved, removed), (words.ReposChanged, changed) })
        {
            if (names.Length == 0)
            {
                continue;
            }
            sb.Append($"### {title} ({Rendering.TemplateFunctions.FormatNumber(names.Length, culture)})\n\n");
            foreach (var name in names.Take(MaxNamesPerList))
            {
                var line = $"- `{name}`\n"; // a name is [A-Za-z0-9._-]+ (the pattern below): nothing to escape
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
                sb.Append(words.MoreNames(rest)).Append('\n');
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
    public static string AuditSection(Audit.AuditReport audit, ProfileCulture culture, int maxFindings = 10)
    {
        var words = Wording.For(culture);
        var sb = new StringBuilder();
        sb.Append("<details><summary>").Append(words.AuditTitle).Append(words.AuditCounts(audit.Errors, audit.Warnings, audit.Notices)).Append("</summary>\n\n");
        if (audit.Findings.Count == 0)
        {
            sb.Append(words.AuditClean).Append('\n');
            return sb.Append("\n</details>\n").ToString();
        }
        sb.Append(words.AuditTableHeader).Append("\n| --- | --- | --- |\n");
        var first = audit.Findings.OrderBy(f => Audit.AuditRule.Rank(f.Severity)).Take(maxFindings).ToArray();
        foreach (var f in first)
        {
            sb.Append($"| {Rendering.MarkdownText.TableCell(f.Repo)} | {Rendering.MarkdownText.TableCell(f.Rule)} | {Rendering.MarkdownText.TableCell(f.Message)} |\n");
        }
        var rest = audit.Findings.Count - first.Length;
        if (rest > 0)
        {
            sb.Append('\n').Append(words.MoreFindings(rest)).Append('\n');
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
