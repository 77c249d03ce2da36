using CQEN.ProfileGen.Badges;

namespace CQEN.ProfileGen.Tests.Badges;

/// <summary>A badge made without saying how it was written is a plain Markdown image with no alt text.</summary>
public class ShieldsBadgeDefaultsTests
{
    [Fact]
    public void A_badge_is_a_Markdown_image_with_empty_alt_text_unless_told()
    {
        var badge = new ShieldsBadge { ImageUrl = "https://img.shields.io/badge/a-b-c" };

        Assert.Equal(("", "markdown-image"), (badge.Alt, badge.Form));
    }
}
