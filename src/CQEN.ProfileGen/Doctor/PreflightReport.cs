using System.Text;
using System.Text.Json;

namespace CQEN.ProfileGen.Doctor;

/// <summary>The checks as a person reads them (a table with the fixes), as Markdown for the job summary, and as JSON.</summary>
internal static class PreflightReport
{
    public static string Word(CheckStatus status) => status switch
    {
        CheckStatus.Ok => "ok",
        CheckStatus.WillFail => "will fail",
        _ => "could not check",
    };

    /// <summary>Aligned columns, a "fix:" line under each check that is not ok, and the verdict.</summary>
    public static IEnumerable<string> Lines(IReadOnlyList<Check> checks)
    {
        var nameWidth = checks.Max(c => c.Name.Length);
        foreach (var check in checks)
        {
            yield return $"{Word(check.Status),-15}  {check.Name.PadRight(nameWidth)}  {check.Finding}".ReplaceLineEndings(" ");
            if (check.Status != CheckStatus.Ok && check.Fix is { } fix)
            {
                yield return $"{"",-15}  {"".PadRight(nameWidth)}  fix: {fix}".ReplaceLineEndings(" ");
            }
        }
        yield return Verdict(checks);
    }

    public static string Verdict(IReadOnlyList<Check> checks) => checks.Count(c => c.IsBlocker) switch
    {
        0 => "no blocker: nothing found that stops the run",
        1 => "1 blocker: the run will fail until it is fixed",
        var n => $"{n} blockers: the run will fail until they are fixed",
    };

    public static string Markdown(IReadOnlyList<Check> checks)
    {
        var sb = new StringBuilder("### profilegen doctor\n\n| check | status | finding | fix |\n|---|---|---|---|\n");
        foreach (var c in checks)
        {
            var status = c.Status switch { CheckStatus.Ok => "✅ ok", CheckStatus.WillFail => c.Blocks ? "❌ will fail" : "⚠️ will fail", _ => "❔ could not check" };
            sb.Append($"| {Cell(c.Name)} | {status} | {Cell(c.Finding)} | {(c.Status == CheckStatus.Ok ? "" : Cell(c.Fix))} |\n");
        }
        return sb.Append('\n').Append(Verdict(checks)).Append("\n\n").ToString();
    }

    public static string Json(IReadOnlyList<Check> checks) => JsonSerializer.Serialize(new
    {
        blockers = checks.Count(c => c.IsBlocker),
        checks = checks.Select(c => new
        {
            check = c.Name,
            status = c.Status switch { CheckStatus.Ok => "ok", CheckStatus.WillFail => "will_fail", _ => "could_not_check" },
            blocks = c.IsBlocker,
            finding = c.Finding,
            fix = c.Status == CheckStatus.Ok ? null : c.Fix,
        }),
    });

    // Our own words with names from the configuration and GitHub's messages: no cell break, no HTML.
    private static string Cell(string? text) =>
        (text ?? "").ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
