using CQEN.ProfileGen.Badges;

namespace CQEN.ProfileGen.Tests.Badges;

public class ShieldsBadgeUrlTests
{
    public class Decoding
    {
        [Theory]
        [InlineData("https://img.shields.io/badge/Cycle-de-vie-green", "Cycle", "de-vie", "green")]
        [InlineData("https://img.shields.io/badge/a-b-c-d-e", "a", "b-c-d", "e")]
        [InlineData("http://IMG.Shields.IO/badge/Licence-MIT-blue", "Licence", "MIT", "blue")]
        [InlineData("https://img.shields.io/badge/Licence-MIT-blue.png", "Licence", "MIT", "blue")]
        [InlineData("https://img.shields.io/badge/Licence-MIT-blue.SVG", "Licence", "MIT", "blue")]
        [InlineData("https://img.shields.io/badge/Licence-MIT-blue#top", "Licence", "MIT", "blue")]
        [InlineData("https://img.shields.io/badge/Licence-MIT-blue.svg?logo=x#top", "Licence", "MIT", "blue")]
        [InlineData("https://img.shields.io/badge/a-b-", "a", "b", "")]
        [InlineData("https://img.shields.io/badge/trailing_-x_-blue", "trailing ", "x ", "blue")]
        [InlineData("https://img.shields.io/badge/100%-%zz-blue", "100%", "%zz", "blue")]
        [InlineData("https://img.shields.io/badge/a%5F_b-c-blue", "a_ b", "c", "blue")]
        public void Reads_the_label_message_and_colour_of_a_static_badge(string url, string label, string message, string color) =>
            Assert.Equal((label, message, color), ShieldsBadgeUrl.TryDecode(url));

        [Theory]
        [InlineData("img.shields.io/badge/a-b-c")]
        [InlineData("https://example.com/badge/a-b-c")]
        [InlineData("https://img.shields.io/github/license/o/r")]
        [InlineData("https://img.shields.io/badge/onlyone")]
        [InlineData("https://img.shields.io/badge/")]
        [InlineData("//img.shields.io/badge/a-b-c")]
        [InlineData("https://img.shields.io/badge/?label=a-b-c")]
        public void Anything_but_a_static_badge_has_none(string url) => Assert.Null(ShieldsBadgeUrl.TryDecode(url));

        [Theory]
        [InlineData("https://img.shields.io/badge/a-b-c", true)]
        [InlineData("https://IMG.SHIELDS.IO/pypi/v/x", true)]
        [InlineData("https://shields.io/badge/a-b-c", false)]
        [InlineData("https://img.shields.io.evil.example/badge/a-b-c", false)]
        [InlineData("/badge/a-b-c", false)]
        [InlineData("not a url", false)]
        public void Knows_a_shields_io_image_by_its_host(string url, bool expected) => Assert.Equal(expected, ShieldsBadgeUrl.IsShields(url));
    }

    public class Building
    {
        [Theory]
        [InlineData("", "message only", "green", "https://img.shields.io/badge/message_only-green")]
        [InlineData("a b_c", "x-y", "blue", "https://img.shields.io/badge/a_b__c-x--y-blue")]
        [InlineData("a-", "-b", "c", "https://img.shields.io/badge/a%2D-%2Db-c")]
        [InlineData("-", "x", "red", "https://img.shields.io/badge/%2D-x-red")]
        [InlineData("100%", "a/b", "ff0000", "https://img.shields.io/badge/100%25-a%2Fb-ff0000")]
        [InlineData("🚀 ok", "x", "blue", "https://img.shields.io/badge/%F0%9F%9A%80_ok-x-blue")]
        public void Writes_the_shortest_unambiguous_form(string label, string message, string color, string expected) =>
            Assert.Equal(expected, ShieldsBadgeUrl.Build(label, message, color));

        [Theory]
        [InlineData("x-", "-y", "blue")]
        [InlineData("-", "-", "-")]
        [InlineData("a--", "--b", "c")]
        public void Dashes_next_to_a_separator_round_trip(string label, string message, string color) =>
            Assert.Equal((label, message, color), ShieldsBadgeUrl.TryDecode(ShieldsBadgeUrl.Build(label, message, color)));
    }
}
