using CQEN.ProfileGen.Audit;

namespace CQEN.ProfileGen.Tests.Audit;

public class QuotedTextCutTests
{
    [Fact]
    public void A_quoted_text_of_exactly_eighty_characters_is_shown_whole_without_an_ellipsis() =>
        Assert.Equal(new string('a', 80), OrgAudit.Clean(new string('a', 80) + "   "));

    [Fact]
    public void A_longer_quoted_text_is_cut_at_eighty_characters_and_says_so() =>
        Assert.Equal(new string('a', 80) + "…", OrgAudit.Clean(new string('a', 81)));
}
