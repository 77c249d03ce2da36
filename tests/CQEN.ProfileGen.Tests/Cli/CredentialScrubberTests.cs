using CQEN.ProfileGen.Cli;

namespace CQEN.ProfileGen.Tests.Cli;

/// <summary>The scrubber takes out credentials, and only credentials, from what leaves the process.</summary>
public class CredentialScrubberTests
{
    [Theory]
    [InlineData("token ghp_FAKEfakeFAKEfakeFAKEfakeFAKEfake0000 refused", "token *** refused")]
    [InlineData("(ghs_test-auditToken0000000000-0000000000000001)", "(***)")]
    [InlineData("pat github_pat_FAKE0fake0FAKE0fake0FAKE_fake0FAKE0fake0FAKE0000 here", "pat *** here")]
    [InlineData("old v1.0123456789abcdef0123456789abcdef01234567 token", "old *** token")]
    [InlineData("jwt eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIxMjMifQ.c2lnbmF0dXJlLXBhcnQ end", "jwt *** end")]
    [InlineData("key -----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY----- end", "key *** end")]
    public void Masks_token_shaped_strings_nobody_announced(string text, string expected) =>
        Assert.Equal(expected, CredentialScrubber.Scrub(text, []));

    [Fact]
    public void Masks_known_secret_values_longest_first()
    {
        Assert.Equal("a *** b ***", CredentialScrubber.Scrub("a s3cr3t-plus b s3cr3t", ["s3cr3t", "s3cr3t-plus"]));
    }

    [Theory]
    [InlineData("| [exp-anig](https://github.com/org/exp-anig) | [README.md:3](https://github.com/org/exp-anig/blob/main/README.md#L3) |")]
    [InlineData("[tous les 36](https://github.com/search?q=org%3Aorg+topic%3Aabandonne&type=repositories)")]
    [InlineData("ghp is a prefix; sighs_ and ghost_town are words")]
    public void Leaves_ordinary_text_and_links_untouched(string text) =>
        Assert.Equal(text, CredentialScrubber.Scrub(text, ["not-there"]));
}
