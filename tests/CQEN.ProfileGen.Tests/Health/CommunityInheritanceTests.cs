using CQEN.ProfileGen.Health;
using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Tests.Health;

/// <summary>GitHub's inheritance rule for community files, signal by signal: own, inherited, missing, unknown.</summary>
public sealed class CommunityInheritanceTests
{
    private const string Org = "org";

    private static RepoSnapshot Repo(string name, string[]? root, string visibility = "public") => new()
    {
        Name = name,
        FullName = $"{Org}/{name}",
        Url = $"https://github.com/{Org}/{name}",
        Visibility = visibility,
        RootFiles = root,
    };

    private static OrgSnapshot Snapshot(params RepoSnapshot[] repos) => new() { Org = new OrgProfile { Login = Org, Url = $"https://github.com/{Org}" }, Repos = repos };

    private static readonly RepoSnapshot DotGithub = Repo(".github", ["CODE_OF_CONDUCT.md", "CONTRIBUTING.md", "LICENSE", "README.md", "SECURITY.md", "SUPPORT.md", "profile/"]);

    public static TheoryData<string, string> Kinds => new()
    {
        { nameof(CommunityFile.SecurityPolicy), "SECURITY.md" },
        { nameof(CommunityFile.CodeOfConduct), "CODE_OF_CONDUCT.md" },
        { nameof(CommunityFile.Contributing), "CONTRIBUTING.md" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_repository_s_own_file_wins_over_the_organization_s_default(string kindName, string file)
    {
        var kind = Enum.Parse<CommunityFile>(kindName);
        var repo = Repo("r", ["README.md", file]);

        Assert.Equal("own", CommunityInheritance.Source(kind, repo, new CommunityFileRead(true), CommunityInheritance.Defaults(Snapshot(DotGithub, repo)), Org));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_public_repository_without_its_own_file_inherits_the_default_whether_or_not_github_counts_it(string kindName, string file)
    {
        var kind = Enum.Parse<CommunityFile>(kindName);
        _ = file;
        var repo = Repo("r", ["README.md"]);
        var defaults = CommunityInheritance.Defaults(Snapshot(DotGithub, repo));

        Assert.Equal("inherited", CommunityInheritance.Source(kind, repo, new CommunityFileRead(false), defaults, Org));
        Assert.Equal("inherited", CommunityInheritance.Source(kind, repo, new CommunityFileRead(true, $"https://github.com/{Org}/.github/blob/main/{file}"), defaults, Org));
        Assert.Equal("inherited", CommunityInheritance.Source(kind, repo, new CommunityFileRead(true), defaults, Org));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Without_a_default_a_repository_without_the_file_has_it_missing(string kindName, string file)
    {
        var kind = Enum.Parse<CommunityFile>(kindName);
        _ = file;
        var repo = Repo("r", ["README.md"]);
        var bare = Repo(".github", ["README.md", "profile/"]);

        Assert.Equal("missing", CommunityInheritance.Source(kind, repo, new CommunityFileRead(false), CommunityInheritance.Defaults(Snapshot(bare, repo)), Org));
        Assert.Equal("missing", CommunityInheritance.Source(kind, repo, new CommunityFileRead(false), CommunityInheritance.Defaults(Snapshot(repo)), Org));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_private_repository_inherits_nothing(string kindName, string file)
    {
        var kind = Enum.Parse<CommunityFile>(kindName);
        _ = file;
        var repo = Repo("r", ["README.md"], visibility: "private");

        Assert.Equal("missing", CommunityInheritance.Source(kind, repo, new CommunityFileRead(false), CommunityInheritance.Defaults(Snapshot(DotGithub, repo)), Org));
    }

    [Fact]
    public void A_private_dot_github_gives_no_defaults()
    {
        Assert.Empty(CommunityInheritance.Defaults(Snapshot(DotGithub with { Visibility = "private" }))!);
    }

    [Fact]
    public void A_file_github_finds_in_the_repository_s_own_folders_is_its_own()
    {
        var repo = Repo("r", ["README.md", ".github/", "docs/"]);
        var defaults = CommunityInheritance.Defaults(Snapshot(DotGithub, repo));

        Assert.Equal("own", CommunityInheritance.Source(CommunityFile.Contributing, repo, new CommunityFileRead(true, "https://github.com/org/r/blob/main/docs/CONTRIBUTING.md"), defaults, Org));
        // Without a default, whatever GitHub sees is the repository's.
        Assert.Equal("own", CommunityInheritance.Source(CommunityFile.SecurityPolicy, repo, new CommunityFileRead(true), CommunityInheritance.Defaults(Snapshot(repo)), Org));
    }

    [Fact]
    public void Licence_is_never_a_community_file_so_never_inherited()
    {
        Assert.DoesNotContain(Enum.GetValues<CommunityFile>(), kind => CommunityInheritance.Names(kind, "LICENSE"));
        Assert.Equal([CommunityFile.SecurityPolicy, CommunityFile.CodeOfConduct, CommunityFile.Contributing, CommunityFile.Support],
            CommunityInheritance.Defaults(Snapshot(DotGithub))!.Order());
    }

    [Fact]
    public void The_dot_github_repository_s_files_are_its_own()
    {
        Assert.Equal("own", CommunityInheritance.Source(CommunityFile.SecurityPolicy, DotGithub, new CommunityFileRead(true), CommunityInheritance.Defaults(Snapshot(DotGithub)), Org));
        var empty = Repo(".github", ["README.md"]);
        Assert.Equal("missing", CommunityInheritance.Source(CommunityFile.Contributing, empty, new CommunityFileRead(false), CommunityInheritance.Defaults(Snapshot(empty)), Org));
    }

    [Fact]
    public void What_a_reader_could_not_read_is_unknown_unless_the_rule_decides()
    {
        var repo = Repo("r", null);

        // The REST reader: no root listing, no GitHub field, no .github listing.
        Assert.Equal("unknown", CommunityInheritance.Source(CommunityFile.SecurityPolicy, repo, null, CommunityInheritance.Defaults(Snapshot(repo with { Name = ".github" }, repo)), Org));
        Assert.Null(CommunityInheritance.Defaults(Snapshot(Repo(".github", null))));
        Assert.Equal("own", CommunityInheritance.Source(CommunityFile.CodeOfConduct, Repo("r", ["code_of_conduct.txt"]), null, null, Org));
    }

    [Theory]
    [InlineData("SECURITY.md", true)]
    [InlineData("security.md", true)]
    [InlineData("SECURITY", true)]
    [InlineData("SECURITY.rst", true)]
    [InlineData("SECURITY-POLICY.md", false)]
    [InlineData("SECURITY/", false)]
    [InlineData("INSECURITY.md", false)]
    public void File_names_are_github_s_in_any_case_and_extension(string name, bool names)
    {
        Assert.Equal(names, CommunityInheritance.Names(CommunityFile.SecurityPolicy, name));
    }
}
