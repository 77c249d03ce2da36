using CQEN.ProfileGen.Rendering;

namespace CQEN.ProfileGen.Tests.Rendering;

/// <summary>A name glob matches the whole repository name, never a part of it.</summary>
public class RepoSelectionGlobTests
{
    [Theory]
    [InlineData("api", "API", true)]
    [InlineData("api", "rapid-api", false)]
    [InlineData("api", "api-v2", false)]
    [InlineData("*api", "rapid-api", true)]
    [InlineData("api*", "api-v2", true)]
    [InlineData("ap?", "apx", true)]
    [InlineData("ap?", "apxy", false)]
    public void A_glob_matches_whole_names_only(string glob, string name, bool matches) =>
        Assert.Equal(matches, RepoSelection.Glob(glob, name));
}
