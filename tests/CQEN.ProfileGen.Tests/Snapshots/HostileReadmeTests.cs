using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Tests.Snapshots;

/// <summary>
/// READMEs Markdig cannot read (nesting past its depth limit, quadratic nestings, megabytes):
/// each gives its repository no badges and no summary and says why, never an exception.
/// </summary>
public class HostileReadmeTests
{
    private const string Badge = "[![img](https://img.shields.io/badge/Cycle%20de%20vie-Exp%C3%A9rimentation-339999)](https://www.quebec.ca/)\n\nUn projet.\n\n";

    public static TheoryData<string, string> TooDeep => new()
    {
        { "200 nested block quotes", string.Concat(Enumerable.Repeat("> ", 200)) + "x\n" },
        { "500 nested list items", string.Join("\n", Enumerable.Range(0, 500).Select(i => new string(' ', 2 * i) + "- x")) + "\n" },
        { "10,000 nested quotes", new string('>', 10_000) + " x\n" },
        { "130,000 '[!['", string.Concat(Enumerable.Repeat("[![", 130_000)) + "\n" },
        { "30,000 '[![' (under the size limits)", string.Concat(Enumerable.Repeat("[![", 30_000)) + "\n" },
    };

    [Theory]
    [MemberData(nameof(TooDeep))]
    public void A_readme_nested_past_markdigs_depth_limit_gives_no_badges_and_says_why(string what, string hostile)
    {
        var (header, badges) = ReadmeHeader.Read("README.md", null, Badge + hostile);

        Assert.True(header.Unreadable is not null, what);
        Assert.Empty(badges);
        Assert.Null(header.Summary);
    }

    [Fact]
    public void A_readme_markdig_reads_too_slowly_is_abandoned_at_the_time_limit()
    {
        // 10,000 nested brackets take Markdig seconds (quadratic); a millisecond is allowed here.
        var hostile = Badge + new string('[', 10_000) + "x" + new string(']', 10_000) + "\n";

        var (header, badges) = ReadmeHeader.Read("README.md", null, hostile, TimeSpan.FromMilliseconds(1));

        Assert.Equal("Markdig did not read it within 0.001 s", header.Unreadable);
        Assert.Empty(badges);
    }

    [Fact]
    public void A_readme_of_megabytes_keeps_its_header_badges_and_reference_definitions()
    {
        var readme = "[![Licence][licence]](LICENSE)\n" + Badge + string.Concat(Enumerable.Repeat("> > > > texte\n\n", 100_000))
            + "[licence]: https://img.shields.io/badge/Licence-LiLiQ--R-blue\n";

        var (header, badges) = ReadmeHeader.Read("README.md", null, readme);

        Assert.Null(header.Unreadable);
        Assert.Equal(["LiLiQ-R", "Expérimentation"], badges.Select(b => b.Message));
        Assert.Equal("Un projet.", header.Summary);
    }

    [Fact]
    public void A_header_over_its_size_limit_is_unreadable_not_parsed()
    {
        var (header, badges) = ReadmeHeader.Read("README.md", null, Badge + new string('x', 300_000) + "\n");

        Assert.Equal("its first 30 lines hold more than 64 KiB", header.Unreadable);
        Assert.Empty(badges);
    }

    [Fact]
    public void An_ordinary_readme_is_read_as_before()
    {
        var (header, badges) = ReadmeHeader.Read("README.md", null, Badge);

        Assert.Null(header.Unreadable);
        Assert.Equal("Expérimentation", Assert.Single(badges).Message);
        Assert.Equal("Un projet.", header.Summary);
        Assert.DoesNotContain("unreadable", SnapshotJson.Serialize(new OrgSnapshot
        {
            Org = new OrgProfile { Login = "org", Url = "https://github.com/org" },
            Repos = [new RepoSnapshot { Name = "r", FullName = "org/r", Url = "https://github.com/org/r", Readme = header }],
        }));
    }
}
