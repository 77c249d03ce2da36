using System.Text.RegularExpressions;
using CQEN.ProfileGen.Publishing;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>The first pull request tells a reviewer what the profile holds, group by group, with links into the proposed file.</summary>
public sealed class PublishProposalEndToEndTests() : EndToEndTest(repos: 30, token: "ghs_test-publishToken00000000-0000000000000001")
{
    [Fact]
    public async Task Over_a_profile_already_on_main_the_pull_request_still_lists_the_repositories_its_diff_changes()
    {
        Assert.Equal(0, (await Run("publish")).ExitCode);

        var pull = Assert.Single(Profile.Pulls);
        Assert.Contains("- `projet-00001`", pull.Body, StringComparison.Ordinal); // until facts are on main, the diff tells what changed
        Assert.DoesNotContain("| **Total** |", pull.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_pull_request_summarises_each_group_with_a_link_to_its_heading_in_the_file_on_the_branch()
    {
        Profile.Commit("main", new Dictionary<string, string> { ["README.md"] = "# .github\n" }, "A .github repository without a profile yet", replaceAll: true);

        Assert.Equal(0, (await Run("publish")).ExitCode);

        var pull = Assert.Single(Profile.Pulls);
        var file = Profile.TextAt(Profile.Git.Resolve("profilegen/profile-readme")!, "profile/README.md")!;
        const string blob = "https://github.com/org/.github/blob/profilegen/profile-readme/profile/README.md";
        Assert.Contains($"[profile/README.md]({blob})", pull.Body, StringComparison.Ordinal);
        var anchors = PullRequestText.HeadingAnchors(file).Select(a => Uri.EscapeDataString(a.Anchor)).ToHashSet();
        var rows = Regex.Matches(pull.Body, @"^\| \[(?<title>[^\]]+)\]\(" + Regex.Escape(blob) + @"#(?<anchor>[^)]+)\) \| (?<count>\d+) \|$", RegexOptions.Multiline);
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Contains(row.Groups["anchor"].Value, anchors));
        // The groups add up to the total, which counts the repositories the page lists (not the archived ones it leaves out).
        var total = int.Parse(Regex.Match(pull.Body, @"^\| \*\*Total\*\* \| \*\*(\d+)\*\* \|$", RegexOptions.Multiline).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(total, rows.Sum(r => int.Parse(r.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(total < GitHub.State.Repos.Count, $"{total} listed of {GitHub.State.Repos.Count}");
    }
}
