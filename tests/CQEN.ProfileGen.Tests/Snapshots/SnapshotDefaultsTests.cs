using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Tests.Snapshots;

/// <summary>What a snapshot says when it does not say otherwise: read from github.com, a licence as GitHub detected it.</summary>
public class SnapshotDefaultsTests
{
    [Fact]
    public void A_snapshot_comes_from_github_com_unless_it_names_another_api() =>
        Assert.Equal("https://api.github.com/", new OrgSnapshot { Org = new OrgProfile { Login = "o", Url = "https://github.com/o" } }.ApiUrl);

    [Fact]
    public void A_licence_is_github_s_detection_unless_it_names_another_source() =>
        Assert.Equal("github", new RepoLicense { SpdxId = "MIT" }.Source);
}
