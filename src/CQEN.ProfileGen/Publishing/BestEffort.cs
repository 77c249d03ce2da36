using System.Text;
using System.Text.RegularExpressions;
using CQEN.ProfileGen.Configuration;

namespace CQEN.ProfileGen.Publishing;

/// <summary>
/// Something a run asked GitHub for as a courtesy (a label, a reviewer, a team, an assignee, a
/// draft) and GitHub refused (REAL-GITHUB R5, R6, R9, R10).
/// </summary>
/// <param name="Kind">label, reviewer, team, assignee or draft.</param>
/// <param name="Name">What was refused (empty for the draft).</param>
internal sealed record Refusal(string Kind, string Name)
{
    /// <summary>A line for the log, the Actions warning and the job summary.</summary>
    public string Describe(string reason) => Kind == "draft"
        ? $"the pull request is not a draft: {reason}"
        : $"{Kind} '{Name}' not set: {reason}";
}

/// <summary>
/// What GitHub refused, remembered in the open pull request's body (a visible line each, and a
/// hidden record the next run reads), so a refusal is said once and not asked again every week.
/// A new pull request starts with a clean record: everything is asked again then.
/// </summary>
internal static partial class BestEffort
{
    private const string RecordStart = "<!-- profilegen:refused ";
    private const string CommitsRecordStart = "<!-- profilegen:commits ";

    /// <summary>The body with a section for <paramref name="refusals"/> (unchanged when there are none).</summary>
    public static string WithRefusals(string body, IReadOnlyList<Refusal> refusals, ProfileCulture culture)
    {
        if (refusals.Count == 0)
        {
            return body;
        }
        var words = Wording.For(culture);
        var sb = new StringBuilder(body.TrimEnd('\n')).Append("\n\n");
        // Names are escaped in the record, so none can close the comment.
        sb.Append(RecordStart).Append(string.Join(' ', refusals.Select(r => $"{r.Kind}:{Uri.EscapeDataString(r.Name)}"))).Append(" -->\n");
        foreach (var r in refusals)
        {
            sb.Append("> ").Append(words.Refused(r.Kind, CodeSpan(r.Name))).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>The refusals a body records (none for a body without the record).</summary>
    public static IReadOnlyList<Refusal> Recorded(string body) =>
        RecordPattern().Match(body) is { Success: true } m
            ? [.. m.Groups["items"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(item => item.Split(':', 2))
                .Where(parts => parts.Length == 2)
                .Select(parts => new Refusal(parts[0], Uri.UnescapeDataString(parts[1])))]
            : [];

    /// <summary>The body without the tool's hidden records and what follows them (to add them again).</summary>
    public static string WithoutRecords(string body)
    {
        var cut = new[] { body.IndexOf(RecordStart, StringComparison.Ordinal), body.IndexOf(CommitsRecordStart, StringComparison.Ordinal) }.Where(i => i >= 0).DefaultIfEmpty(body.Length).Min();
        return body[..cut];
    }

    /// <summary>Whether a GitHub failure is a refusal (403, 422) rather than a fault the next run may not meet.</summary>
    public static bool IsRefusal(GitHubException ex) => ex.StatusCode is 403 or 422 && ex is not BranchMovedException and not RateLimitException
        && !ex.Message.Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase);

    // A configured name in a code span: no backtick or line break can leave it.
    private static string CodeSpan(string name) =>
        "`" + name.Replace("`", "'", StringComparison.Ordinal).ReplaceLineEndings(" ") + "`";

    [GeneratedRegex(@"<!-- profilegen:refused (?<items>[^\s>]+(?: [^\s>]+)*) -->", RegexOptions.CultureInvariant)]
    private static partial Regex RecordPattern();
}
