using CQEN.ProfileGen.Badges;

namespace CQEN.ProfileGen.Tests.Badges;

public class LifecycleBadgeTests
{
    private static ShieldsBadge Badge(string? label, string message) =>
        new() { ImageUrl = "https://img.shields.io/badge/x", Label = label, Message = message, Color = "blue" };

    [Theory]
    [InlineData("Cycle de vie")]
    [InlineData("cycle de VIE")]
    [InlineData("Lifecycle")]
    [InlineData(" LIFECYCLE ")]
    public void The_lifecycle_is_the_badge_labelled_cycle_de_vie_or_lifecycle_in_any_case(string label) =>
        Assert.Equal("Bêta", LifecycleBadge.Find([Badge(null, "x"), Badge("Build", "passing"), Badge(label, "Bêta")])?.Message);

    [Fact]
    public void The_first_lifecycle_badge_wins() =>
        Assert.Equal("Bêta", LifecycleBadge.Find([Badge("Lifecycle", "Bêta"), Badge("Cycle de vie", "Dormant")])?.Message);

    [Fact]
    public void Without_a_lifecycle_badge_there_is_no_lifecycle()
    {
        Assert.Null(LifecycleBadge.Find([Badge("Licence", "MIT"), Badge("Cycle", "de vie"), Badge(null, "Lifecycle")]));
        Assert.Null(LifecycleBadge.Find([]));
    }

    [Theory]
    [InlineData("License")]
    [InlineData("licence")]
    [InlineData(" LICENSE ")]
    public void The_licence_badge_is_labelled_license_or_licence_in_any_case(string label) =>
        Assert.Equal("LiLiQ-P", LifecycleBadge.FindLicense([Badge(null, "x"), Badge("Lifecycle", "Bêta"), Badge(label, "LiLiQ-P"), Badge("Licence", "MIT")])?.Message);

    [Fact]
    public void Without_a_licence_badge_there_is_none() =>
        Assert.Null(LifecycleBadge.FindLicense([Badge("Lifecycle", "Bêta"), Badge("Licenses", "3"), Badge(null, "License")]));
}
