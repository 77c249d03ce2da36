using CQEN.ProfileGen.Publishing;

namespace CQEN.ProfileGen.Tests.Publishing;

/// <summary>Branch names and paths are checked as git checks them, so a dry run never plans what GitHub refuses.</summary>
public class GitNamesTests
{
    [Theory]
    [InlineData("profilegen/profile-readme")]
    [InlineData("main")]
    [InlineData("feature/é-accent")]
    public void Accepts_ordinary_branch_names(string name) => Assert.Null(GitNames.BranchProblem(name));

    [Theory]
    [InlineData("")]
    [InlineData("@")]
    [InlineData("a@{b")]
    [InlineData("/a")]
    [InlineData("a/")]
    [InlineData("a//b")]
    [InlineData("a..b")]
    [InlineData("a.")]
    [InlineData("-a")]
    [InlineData("a b")]
    [InlineData("a~b")]
    [InlineData("a^b")]
    [InlineData("a:b")]
    [InlineData("a?b")]
    [InlineData("a*b")]
    [InlineData("a[b")]
    [InlineData("a\\b")]
    [InlineData("a\u0001b")]
    [InlineData("a/.hidden")]
    [InlineData("a/b.lock")]
    public void Refuses_what_git_check_ref_format_refuses(string name) => Assert.NotNull(GitNames.BranchProblem(name));

    [Theory]
    [InlineData("profile/README.md")]
    [InlineData("README.md")]
    [InlineData("docs/.well-known/x.md")]
    public void Accepts_paths_inside_a_repository(string path) => Assert.Null(GitNames.PathProblem(path));

    [Theory]
    [InlineData("")]
    [InlineData("/profile/README.md")]
    [InlineData("profile/")]
    [InlineData("a//b")]
    [InlineData("./a")]
    [InlineData("a/../b")]
    [InlineData(".git/config")]
    [InlineData("x/.GIT/y")]
    [InlineData("a\\b")]
    [InlineData("a\nb")]
    public void Refuses_paths_that_leave_or_are_not_a_file_in_the_repository(string path) => Assert.NotNull(GitNames.PathProblem(path));
}
