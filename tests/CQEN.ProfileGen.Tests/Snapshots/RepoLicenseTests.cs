using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Tests.Snapshots;

/// <summary>The one licence decision both readers make: GitHub's answer, else the file's text, else unknown.</summary>
public class RepoLicenseTests
{
    private const string Path = "LICENSE";
    private const string Url = "https://github.com/o/r/blob/main/LICENSE";

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("NOASSERTION", false)]
    [InlineData("MIT", true)]
    public void GitHub_knows_a_licence_only_when_it_names_one(string? spdx, bool knows) =>
        Assert.Equal(knows, RepoLicense.GitHubKnows(spdx));

    [Fact]
    public void When_github_knows_the_licence_its_answer_is_kept_whatever_the_text_says()
    {
        var license = RepoLicense.Decide("MIT", "MIT License", "mit", Path, Url, identified: "Apache-2.0");

        Assert.Equal(new RepoLicense { SpdxId = "MIT", Name = "MIT License", Key = "mit", Path = Path, Url = Url, Source = "github" }, license);
    }

    [Fact]
    public void When_github_cannot_tell_the_licence_identified_from_the_text_is_used_with_its_full_name()
    {
        var license = RepoLicense.Decide("NOASSERTION", "Other", "other", Path, Url, identified: "LiLiQ-P-1.1");

        Assert.Equal(new RepoLicense { SpdxId = "LiLiQ-P-1.1", Name = "Licence Libre du Québec – Permissive (LiLiQ-P) v1.1", Key = "other", Path = Path, Url = Url, Source = "file-text" }, license);
    }

    [Fact]
    public void An_identifier_the_catalogue_has_no_name_for_is_its_own_name()
    {
        Assert.Equal("Unknown-1.0", RepoLicense.Decide(null, "Other", "other", Path, Url, identified: "Unknown-1.0").Name);
    }

    [Fact]
    public void When_neither_github_nor_the_text_can_tell_the_licence_stays_unknown_under_github_s_name()
    {
        var license = RepoLicense.Decide("NOASSERTION", "Other", "other", Path, Url, identified: null);

        Assert.Equal(new RepoLicense { SpdxId = "NOASSERTION", Name = "Other", Key = "other", Path = Path, Url = Url, Source = "github" }, license);
    }
}
