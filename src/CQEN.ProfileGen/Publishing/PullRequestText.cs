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

    public static string Body(string orgUrl, string? before, string after, UnifiedDiff diff, ProfileCulture culture, Audit.AuditReport? audit = null, ProposalFacts? proposal = null)
    {
        var words = Wording.For(culture);
        var auditSection = audit is null ? "" : "\n" + AuditSection(audit, culture);
        if (proposal is not null)
        {
            var head = new StringBuilder().Append(Marker).Append('\n').Append(words.PullRequestIntro).Append("\n\n").Append(words.LinesChanged(diff.Added, diff.Removed)).Append("\n\n");
            head.Append(ProposalSection(proposal, after, culture, MaxBodyLength - head.Length - auditSection.Length - 100));
            return head.ToString().TrimEnd('\n') + "\n" + auditSection;
        }
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
    /// What the proposal holds, from the facts: on a first fill (no facts on the base) each group
    /// with its count and a link to its heading in the file on the branch; on an update, per
    /// repository, what changed since the previous proposal (facts on the branch) and since the
    /// base (facts on it), each list capped with "and N more" within <paramref name="budget"/> characters.
    /// </summary>
    public static string ProposalSection(ProposalFacts proposal, string newText, ProfileCulture culture, int budget)
    {
        var words = ChangeWording.For(culture);
        string N(int n) => Rendering.TemplateFunctions.FormatNumber(n, culture);
        var sb = new StringBuilder();
        var fileLink = Rendering.MarkdownText.Link(proposal.Path, proposal.FileUrl);
        sb.Append(words.ProposedFile(fileLink)).Append("\n\n");
        if (proposal.BaseFacts is null)
        {
            sb.Append(words.FirstFill).Append("\n\n").Append(words.GroupHeader).Append('\n');
            var anchors = HeadingAnchors(newText);
            foreach (var (title, total) in proposal.Groups)
            {
                var anchor = anchors.FirstOrDefault(a => a.Text == title || a.Text.StartsWith(title + " (", StringComparison.Ordinal)).Anchor;
                var cell = anchor is null || Rendering.MarkdownText.SafeUrl(proposal.FileUrl) is null
                    ? Rendering.MarkdownText.TableCell(title)
                    : Rendering.MarkdownText.Link(title, proposal.FileUrl + "#" + Uri.EscapeDataString(anchor));
                var line = $"| {cell} | {N(total)} |\n";
                if (sb.Length + line.Length > budget - 100)
                {
                    break;
                }
                sb.Append(line);
            }
            sb.Append("| ").Append(words.AllRepositories(N(proposal.Facts.Repositories.Count(r => r.Listed)))).Append(" |\n");
            return sb.ToString();
        }
        return sb.Append(ChangeLists(proposal, culture, budget - sb.Length)).ToString();
    }

    /// <summary>
    /// The "since the last update" lists: per repository, what changed since the previous
    /// proposal (when there is one) and since the base, each a "###" section within its share of
    /// <paramref name="budget"/> characters. Empty on a first fill (no facts on the base). The
    /// pull request's body and the job summary both show them.
    /// </summary>
    public static string ChangeLists(ProposalFacts proposal, ProfileCulture culture, int budget)
    {
        if (proposal.BaseFacts is null)
        {
            return "";
        }
        var words = ChangeWording.For(culture);
        string N(int n) => Rendering.TemplateFunctions.FormatNumber(n, culture);
        var sb = new StringBuilder();
        var lists = new List<(string Title, IReadOnlyList<RepoChange> Changes)>();
        if (proposal.PreviousFacts is { } previous)
        {
            lists.Add((words.SinceProposal(N(FactChanges.Between(previous, proposal.Facts).Count)), FactChanges.Between(previous, proposal.Facts)));
        }
        lists.Add((words.SinceBase(proposal.BaseName, N(FactChanges.Between(proposal.BaseFacts, proposal.Facts).Count)), FactChanges.Between(proposal.BaseFacts, proposal.Facts)));
        var share = budget / lists.Count;
        foreach (var (title, changes) in lists)
        {
            sb.Append("### ").Append(title).Append("\n\n");
            sb.Append(changes.Count == 0 ? words.NothingChanged + "\n" : ChangeListText.Markdown(changes, culture, MaxNamesPerList, share - title.Length - 10)).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>
    /// The anchors GitHub gives the file's headings: the text lowercased, punctuation dropped,
    /// spaces made hyphens, "-1", "-2"… after a repeated one. Headings in code fences are not headings.
    /// </summary>
    public static IReadOnlyList<(string Text, string Anchor)> HeadingAnchors(string markdown)
    {
        var anchors = new List<(string, string)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var fence = false;
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal) || line.TrimStart().StartsWith("~~~", StringComparison.Ordinal))
            {
                fence = !fence;
                continue;
            }
            var m = HeadingPattern().Match(line);
            if (fence || !m.Success)
            {
                continue;
            }
            var text = System.Net.WebUtility.HtmlDecode(UnescapePattern().Replace(m.Groups["text"].Value.Trim(), "$1"));
            var slug = string.Concat(text.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_')).Replace(' ', '-');
            var n = seen.GetValueOrDefault(slug);
            seen[slug] = n + 1;
            anchors.Add((text, n == 0 ? slug : $"{slug}-{n}"));
        }
        return anchors;
    }

    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+(?<text>.*?)(?:[ \t]+#+)?[ \t]*$", RegexOptions.CultureInvariant)]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"\\([!-/:-@\[-`{-~])", RegexOptions.CultureInvariant)]
    private static partial Regex UnescapePattern();

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

/// <summary>
/// The facts a pull request body summarises: what this run proposes, what the base holds (null:
/// no facts there yet, a first fill), what the open pull request proposed before (null: none),
/// the groups in page order, and the proposed file's address on the pull request branch.
/// </summary>
internal sealed record ProposalFacts
{
    public required ProfileFacts Facts { get; init; }
    public ProfileFacts? BaseFacts { get; init; }
    public ProfileFacts? PreviousFacts { get; init; }
    public required string BaseName { get; init; }
    public required IReadOnlyList<(string Title, int Total)> Groups { get; init; }

    /// <summary>The README's path in the repository (profile/README.md).</summary>
    public required string Path { get; init; }

    /// <summary>The file on the pull request branch, as GitHub shows it (…/blob/BRANCH/PATH).</summary>
    public required string FileUrl { get; init; }
}
