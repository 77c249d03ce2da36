using CQEN.ProfileGen.Publishing;

namespace CQEN.ProfileGen.Tests.Publishing;

/// <summary>
/// What a refused branch name or path is told: the problem is the second half of an error line
/// ("--branch 'a..b' cannot contain '..'"), so each rule says which rule it is, and an invisible
/// character is named by its code point.
/// </summary>
public class GitNamesMessageTests
{
    [Theory]
    [InlineData("", "is empty")]
    [InlineData("@", "cannot be '@' or contain '@{'")]
    [InlineData("main@{1}", "cannot be '@' or contain '@{'")]
    [InlineData("/a", "cannot start or end with '/' or contain '//'")]
    [InlineData("a/", "cannot start or end with '/' or contain '//'")]
    [InlineData("a//b", "cannot start or end with '/' or contain '//'")]
    [InlineData("a..b", "cannot contain '..'")]
    [InlineData("a.", "cannot end with '.'")]
    [InlineData("-a", "cannot start with '-'")]
    [InlineData("a~b", "cannot contain '~'")]
    [InlineData("a:b", "cannot contain ':'")]
    [InlineData("a b", "cannot contain U+0020")]
    [InlineData("a\u0001b", "cannot contain U+0001")]
    [InlineData("a\u007Fb", "cannot contain U+007F")]
    [InlineData("a/.hidden", "has a part '.hidden' that starts with '.' or ends with '.lock'")]
    [InlineData("refs/x.lock/y", "has a part 'x.lock' that starts with '.' or ends with '.lock'")]
    public void A_refused_branch_name_is_told_which_rule_it_breaks(string branch, string problem) =>
        Assert.Equal(problem, GitNames.BranchProblem(branch));

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("/profile/README.md", "is a path inside the repository: no leading or trailing '/'")]
    [InlineData("profile/", "is a path inside the repository: no leading or trailing '/'")]
    [InlineData("a\\b", "cannot contain '\\'")]
    [InlineData("a\tb", "cannot contain U+0009")]
    [InlineData("a//b", "cannot have empty, '.' or '..' parts")]
    [InlineData("a/./b", "cannot have empty, '.' or '..' parts")]
    [InlineData("x/.GIT/y", "cannot be inside .git")]
    public void A_refused_path_is_told_which_rule_it_breaks(string path, string problem) =>
        Assert.Equal(problem, GitNames.PathProblem(path));
}
