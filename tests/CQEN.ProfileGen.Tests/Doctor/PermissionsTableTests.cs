using System.Text.RegularExpressions;
using CQEN.ProfileGen.Doctor;
using CQEN.ProfileGen.GitHub;
using CQEN.ProfileGen.Tests.Action;

namespace CQEN.ProfileGen.Tests.Doctor;

/// <summary>
/// The "Permissions and settings" table of docs/publishing.md and what `doctor` tells a user to fix say the
/// same thing: every requirement in a cell (each `code`, *permission* and "setting" it names)
/// is in the fixes doctor prints for that token kind when that feature is refused.
/// </summary>
public sealed partial class PermissionsTableTests
{
    // Features the table has that doctor does not check (a new row must be put in one list or the other).
    private static readonly string[] NotCheckedByDoctor = ["assignees", "signed commits rule"];
    private static readonly string[] Checked = ["commit and branch", "open the pull request", "a label that does not exist yet", "reviewers", "team reviewers", "draft"];

    private static readonly TokenKind[] Kinds = [TokenKind.ActionsToken, TokenKind.App, TokenKind.Classic, TokenKind.FineGrained];

    [Fact]
    public void Every_row_of_the_table_is_either_checked_by_doctor_or_named_as_not_checked()
    {
        var (_, rows) = Table();

        Assert.Equal(Checked.Concat(NotCheckedByDoctor).Order(), rows.Keys.Order());
    }

    [Fact]
    public void Each_column_of_the_table_is_a_token_kind_doctor_recognises()
    {
        var (columns, _) = Table();

        Assert.Equal(Kinds.Select(Needs.Describe), columns);
    }

    public static TheoryData<string> CheckedRows => new(Checked);

    [Theory]
    [MemberData(nameof(CheckedRows))]
    public void Each_requirement_of_the_row_is_in_doctor_s_fix_for_each_token_kind(string feature)
    {
        var (_, rows) = Table();
        var missing = new List<string>();
        for (var i = 0; i < Kinds.Length; i++)
        {
            var cell = rows[feature][i] == "same" ? rows[feature][0] : rows[feature][i];
            var fixes = string.Join("\n", Preflight.Judge(EverythingRefused(), Request(Kinds[i]))
                .Where(c => c.Status != CheckStatus.Ok).Select(c => c.Fix));
            missing.AddRange(Requirements(cell).Where(r => !fixes.Contains(r, StringComparison.Ordinal)).Select(r => $"{Needs.Describe(Kinds[i])}: '{r}'"));
        }

        Assert.True(missing.Count == 0, $"docs/publishing.md row '{feature}' asks for what doctor does not say:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_requirements_of_a_cell_are_its_code_its_permissions_and_its_quoted_settings()
    {
        Assert.Equal(["pull-requests: write", "Allow GitHub Actions to create and approve pull requests"],
            Requirements("`pull-requests: write` **and** \"Allow GitHub Actions to create and approve pull requests\" (organization and repository)"));
        Assert.Equal(["Members: read"], Requirements("*Members: read* (organization)"));
        Assert.Equal(["not possible"], Requirements("not possible (GitHub cannot resolve a team for it)"));
        // A requirement doctor never says is caught.
        var fixes = string.Join("\n", Preflight.Judge(EverythingRefused(), Request(TokenKind.ActionsToken)).Select(c => c.Fix));
        Assert.DoesNotContain(Requirements("`issues: admin`")[0], fixes, StringComparison.Ordinal);
    }

    private static PreflightRequest Request(TokenKind kind) => new()
    {
        Owner = "org",
        Repo = ".github",
        Branch = "profilegen/profile-readme",
        Kind = kind,
        Labels = ["profile"],
        Reviewers = ["mallory"],
        Teams = ["docs"],
        Draft = true,
    };

    // Every feature refused, as far as GitHub lets each kind of token see it.
    private static PreflightReading EverythingRefused() => new()
    {
        Token = new TokenReading([], new RateBudget(5000, 5000, DateTimeOffset.UnixEpoch), new RateBudget(5000, 5000, DateTimeOffset.UnixEpoch)),
        Repo = new RepoAccess("private", "main", Push: false, Admin: false),
        OrgActionsSetting = new Answer<bool>(false, "403 Resource not accessible by integration"),
        RepoActionsSetting = new Answer<bool>(false, "403 Resource not accessible by integration"),
        Rules = new Answer<IReadOnlyList<string>>([], null),
        Labels = new Answer<IReadOnlyList<string>>(["bug"], null),
        Collaborators = new Dictionary<string, Answer<bool>> { ["mallory"] = new(false, null) },
        Repositories = 10,
    };

    private static List<string> Requirements(string cell)
    {
        var text = cell.Replace("**", "", StringComparison.Ordinal);
        var spans = SpanPattern().Matches(text).Select(m => m.Groups.Cast<Group>().Skip(1).First(g => g.Success).Value).ToList();
        return spans.Count > 0 ? spans : [text.Split('(')[0].Trim()];
    }

    private static (string[] Columns, Dictionary<string, string[]> Rows) Table()
    {
        var page = File.ReadAllLines(Path.Combine(RepositoryCheckout.Root, "docs", "publishing.md"));
        var lines = page.SkipWhile(l => l != "## Permissions and settings").Skip(1)
            .SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).ToArray();
        Assert.True(lines.Length > 2, "docs/publishing.md has no table under '## Permissions and settings'");
        static string[] Cells(string line) => [.. line.Trim().Trim('|').Split(" | ").Select(c => c.Trim())];
        return ([.. Cells(lines[0]).Skip(1)], lines.Skip(2).Select(Cells).ToDictionary(c => c[0], c => c.Skip(1).ToArray()));
    }

    [GeneratedRegex("`([^`]+)`|\\*([^*]+)\\*|\"([^\"]+)\"")]
    private static partial Regex SpanPattern();
}
