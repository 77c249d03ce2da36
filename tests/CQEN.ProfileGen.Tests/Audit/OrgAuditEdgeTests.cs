using CQEN.ProfileGen.Audit;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Tests.Audit;

/// <summary>
/// Which badge links the audit can check (relative paths, and github.com files of the
/// organization's own repositories) and which it leaves alone; and how repository text is
/// cleaned before a message quotes it.
/// </summary>
public class OrgAuditEdgeTests
{
    private const string Org = "org";

    private static RepoSnapshot Repo(string name, string readme, string[] root)
    {
        var (header, badges) = ReadmeHeader.Read("README.md", $"https://github.com/{Org}/{name}/blob/main/README.md", readme);
        return new RepoSnapshot
        {
            Name = name,
            FullName = $"{Org}/{name}",
            Url = $"https://github.com/{Org}/{name}",
            DefaultBranch = "main",
            Description = "A description.",
            License = new RepoLicense { SpdxId = "MIT", Path = "LICENSE" },
            Readme = header,
            Badges = badges,
            RootFiles = root,
        };
    }

    // A documentation badge (not a licence badge) linking to the given place, in a repository with a README, a LICENSE and a docs folder.
    private static AuditFinding[] BrokenLinks(string link) =>
        OrgAudit.Run(
            new OrgSnapshot { Org = new OrgProfile { Login = Org, Url = $"https://github.com/{Org}" }, Repos = [Repo("r", $"[![Docs](https://img.shields.io/badge/docs-guide-green)]({link})\n", ["README.md", "LICENSE", "docs/"])] },
            new ProfileGenConfig { Culture = ProfileCulture.English }).Findings.Where(f => f.Rule == "badge-link-broken").ToArray();

    public class LinksChecked
    {
        [Theory]
        [InlineData("https://github.com/org/r/blob/main/MISSING.md")]
        [InlineData("http://github.com/org/r/blob/main/MISSING.md")]
        [InlineData("https://GitHub.com/ORG/r/tree/main/MISSING.md")]
        [InlineData("MISSING.md?plain=1")]
        public void A_missing_file_in_the_organization_is_reported_however_the_link_is_written(string link) =>
            Assert.Equal("MISSING.md", Assert.Single(BrokenLinks(link)) is var f ? f.Message.Split('\'')[1] : null);

        [Fact]
        public void A_link_to_a_folder_without_its_slash_is_fine() => Assert.Empty(BrokenLinks("docs"));
    }

    public class LinksLeftAlone
    {
        [Theory]
        [InlineData("https://example.org/org/r/blob/main/MISSING.md")] // another host, shaped like GitHub
        [InlineData("ftp://github.com/org/r/blob/main/MISSING.md")]
        [InlineData("https://github.com/other/r/blob/main/MISSING.md")] // another organization
        [InlineData("https://github.com/org/r/issues/1/MISSING.md")] // not a file
        [InlineData("https://github.com/org/r/blob/main")] // no path
        [InlineData("?tab=readme")] // only a query
        [InlineData("../other/MISSING.md")] // leaves the repository
        [InlineData("./")]
        [InlineData("#usage")]
        [InlineData("mailto:someone@example.org")]
        [InlineData("mailto:someone@example.org@elsewhere")] // an address Uri cannot parse is no file either
        public void A_link_the_root_listing_cannot_answer_for_is_not_reported(string link) => Assert.Empty(BrokenLinks(link));
    }

    public class QuotedText
    {
        [Fact]
        public void Runs_of_spaces_and_control_characters_become_one_space_and_ends_are_trimmed() =>
            Assert.Equal("a b c", OrgAudit.Clean("\t a \u0007\n b  c \r\n"));

        [Fact]
        public void Invisible_formatting_characters_are_dropped() =>
            Assert.Equal("abc", OrgAudit.Clean("a\u202Eb\u200Bc"));

        [Fact]
        public void Longer_text_is_cut_after_80_characters()
        {
            var eighty = new string('x', 80);

            Assert.Equal("short", OrgAudit.Clean("short"));
            Assert.Equal(eighty + "…", OrgAudit.Clean(eighty + "yz"));
            Assert.Equal($"'{eighty}…'", OrgAudit.Quote(eighty + "y"));
        }
    }
}
