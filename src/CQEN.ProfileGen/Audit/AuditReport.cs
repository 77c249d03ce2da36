using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Rendering;

namespace CQEN.ProfileGen.Audit;

/// <summary>
/// The findings of one audit, sorted by rule then repository, and their forms: a plain-text
/// table (stdout), Markdown (job summary) and JSON. Finding messages quote repository text, so
/// every form escapes it for where it goes.
/// </summary>
internal sealed record AuditReport(IReadOnlyList<AuditFinding> Findings, int RepositoriesAudited)
{
    /// <summary>The language of the findings' messages and of every form's words (the profile's <c>culture:</c>).</summary>
    public ProfileCulture Culture { get; init; } = ProfileCulture.English;

    private AuditWords Words => Wording.For(Culture).Audit;

    /// <summary>Each audited repository's reconciled lifecycle, licence and summaries with their sources; null when no repository carries a catalogue source (then --json is as before).</summary>
    public IReadOnlyList<Catalogue.RepoCatalogue>? Catalogue { get; init; }

    public int Errors => Findings.Count(f => f.Severity == AuditRule.Error);
    public int Warnings => Findings.Count(f => f.Severity == AuditRule.Warning);
    public int Notices => Findings.Count(f => f.Severity == AuditRule.Notice);

    /// <summary>Whether some finding is at <paramref name="failOn"/> or worse; null (--fail-on never): never.</summary>
    public bool Fails(Severity? failOn) => failOn is { } threshold && Findings.Any(f => f.Severity <= threshold);

    /// <summary>"3 errors, 1 warning, 0 notices", in the report's culture.</summary>
    public string Counts() => Wording.For(Culture).AuditCounts(Errors, Warnings, Notices);

    /// <summary>"3 errors, 1 warning, 0 notices", or "nothing to fix", in the report's culture.</summary>
    public string CountsOrNothing() => Findings.Count == 0 ? Words.NothingToFix : Counts();

    private string Severities(IEnumerable<AuditFinding> rows) => string.Join(", ", rows.Select(r => r.Severity).Distinct().Select(Words.Severity));

    private IEnumerable<IGrouping<string, AuditFinding>> ByRule() => Findings.GroupBy(f => f.Rule);

    /// <summary>The table for a terminal: one block per rule, one line per finding, then the counts.</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        foreach (var group in ByRule())
        {
            var rows = group.ToArray();
            sb.Append($"{group.Key} ({Severities(rows)}, {rows.Length})\n");
            var repoWidth = Math.Min(40, rows.Max(r => r.Repo.Length));
            var whereWidth = Math.Min(30, rows.Max(r => OrgAudit.Clean(r.Where).Length));
            foreach (var f in rows)
            {
                sb.Append("  ").Append(OrgAudit.Clean(f.Repo).PadRight(repoWidth)).Append("  ")
                  .Append(OrgAudit.Clean(f.Where).PadRight(whereWidth)).Append("  ")
                  .Append(OneLine(f.Message)).Append('\n');
            }
            sb.Append('\n');
        }
        sb.Append(Words.RepositoriesAudited($"{RepositoriesAudited}", RepositoriesAudited, CountsOrNothing())).Append(".\n");
        return sb.ToString();
    }

    // Messages are built from cleaned text already; this only guards against a hand-made finding.
    private static string OneLine(string s) => new(s.Select(c => char.IsControl(c) ? ' ' : c).ToArray());

    /// <summary>
    /// Markdown for a job summary or a review: the counts, then one table per rule. At most
    /// <paramref name="maxRows"/> findings are listed (errors first); the rest are counted.
    /// </summary>
    public string ToMarkdown(string? title = null, int maxRows = int.MaxValue)
    {
        var sb = new StringBuilder($"### {MarkdownText.Inline(title ?? Words.DefaultTitle)}\n\n");
        sb.Append(Words.RepositoriesAudited($"**{RepositoriesAudited}**", RepositoriesAudited, CountsOrNothing())).Append(".\n");
        var shown = Findings.OrderBy(f => AuditRule.Rank(f.Severity)).Take(maxRows).ToHashSet();
        foreach (var group in ByRule())
        {
            var rows = group.Where(shown.Contains).ToArray();
            if (rows.Length == 0)
            {
                continue;
            }
            sb.Append($"\n#### {group.Key} ({Severities(group)}, {group.Count()})\n\n");
            sb.Append(Words.TableHeader).Append("\n| --- | --- | --- |\n");
            foreach (var f in rows)
            {
                sb.Append($"| {MarkdownText.TableCell(f.Repo)} | {Where(f)} | {MarkdownText.TableCell(f.Message)} |\n");
            }
        }
        if (shown.Count < Findings.Count)
        {
            sb.Append('\n').Append(Words.MoreInMarkdown(Findings.Count - shown.Count)).Append('\n');
        }
        return sb.ToString();
    }

    private static string Where(AuditFinding f)
    {
        var where = MarkdownText.TableCell(f.Where);
        return where.Length == 0 ? "" : MarkdownText.SafeUrl(f.Url) is { } url ? $"[{where}]({url})" : where;
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Each repository's facts and health (audit --json's "repositories"); null: not given.</summary>
    public IReadOnlyList<RepositoryExport>? Repositories { get; init; }

    /// <summary>One JSON document: <c>{"findings": [...], "summary": {...}}</c>.</summary>
    public string ToJson()
    {
        var byRule = AuditRule.All.ToDictionary(r => r.Id, r => Findings.Count(f => f.Rule == r.Id));
        var findings = Findings.Select(f => new { f.Repo, f.Rule, Severity = f.Severity.Name(), f.Message, f.Path, f.Line, f.Suggestion, f.Url });
        var summary = new
        {
            repositories = RepositoriesAudited,
            findings = Findings.Count,
            error = Errors,
            warning = Warnings,
            notice = Notices,
            by_rule = byRule,
        };
        // With the organization read: every repository's facts and health (Audit/HealthExport.cs),
        // and the reconciled catalogue when some repository has catalogue sources, for other tools.
        object document = (Repositories, Catalogue) switch
        {
            (null, null) => new { findings, summary },
            (null, { } c) => new { findings, summary, catalogue = c.Select(CatalogueEntry) },
            ({ } r, null) => new { findings, summary, repositories = r },
            ({ } r, { } c) => new { findings, summary, repositories = r, catalogue = c.Select(CatalogueEntry) },
        };
        return JsonSerializer.Serialize(document, JsonOptions) + "\n";
    }

    // One repository's reconciled facts, each with its source, path and line: what --json promises to show.
    private static object CatalogueEntry(Catalogue.RepoCatalogue c) => new
    {
        repo = c.Repo,
        lifecycle = c.Lifecycle is { } l ? new { value = c.LifecycleValue, written = l.Written, source = l.Source, path = l.Path, line = l.Line } : null,
        lifecycle_sources = c.LifecycleClaims.Select(x => new { source = x.Source, written = x.Written, stage = x.Stage?.ToString().ToLowerInvariant(), path = x.Path, line = x.Line }),
        license = c.License is { } lic ? new { value = lic.Written, source = lic.Source, path = lic.Path, line = lic.Line } : null,
        license_sources = c.LicenseClaims.Select(x => new { source = x.Source, written = x.Written, path = x.Path, line = x.Line }),
        summary = c.Summaries.ToDictionary(s => s.Key, s => s.Value is { } t ? new { text = t.Text, source = t.Source, fallback = t.Fallback } : null),
        owner = c.Owner,
    };
}
