using CQEN.ProfileGen.Licenses;

namespace CQEN.ProfileGen.Tests.Licenses;

/// <summary>Badge texts and SPDX ids that name one licence, however they are written.</summary>
public class LicenseEquivalenceTests
{
    [Theory]
    [InlineData("LiLiQ--R%2B", "LiLiQ-R+")]
    [InlineData("LiLiQ-R+", "LiLiQ-Rplus-1.1")]
    [InlineData("LiLiQ--R%2B", "LiLiQ-Rplus-1.1")]
    [InlineData("Apache 2.0", "Apache-2.0")]
    [InlineData("Apache2", "Apache-2.0")]
    [InlineData("Apache_2.0", "Apache 2.0")]
    [InlineData("Apache--2.0", "Apache-2.0")]
    [InlineData("Apache%202.0", "Apache-2.0")]
    [InlineData("LiLiQ-P", "LiLiQ-P-1.1")]
    [InlineData("liliq-p", "LiLiQ-P-1.1")]
    [InlineData("EUPL-1.2", "EUPL 1.2")]
    [InlineData("GPLv2", "GPL-2.0-only")]
    [InlineData("MIT License", "MIT")]
    public void Are_the_same_licence(string a, string b)
    {
        Assert.True(LicenseCatalog.SameLicense(a, b));
        Assert.True(LicenseCatalog.SameLicense(b, a));
    }

    [Theory]
    [InlineData("LiLiQ-P", "LiLiQ-R-1.1")]
    [InlineData("LiLiQ-R", "LiLiQ-Rplus-1.1")]
    [InlineData("LiLiQ-R+", "LiLiQ-R-1.1")]
    [InlineData("Apache2", "LiLiQ-R-1.1")]
    [InlineData("Apache 1.1", "Apache-2.0")]
    [InlineData("GPL-3.0", "GPL-2.0-only")]
    [InlineData("LGPL-3.0-only", "GPL-3.0-only")]
    [InlineData("BSD-2-Clause", "BSD-3-Clause")]
    [InlineData("", "MIT")]
    public void Are_different_licences(string a, string b) => Assert.False(LicenseCatalog.SameLicense(a, b));
}
