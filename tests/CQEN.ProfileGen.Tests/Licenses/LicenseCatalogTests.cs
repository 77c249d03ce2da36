using CQEN.ProfileGen.Licenses;

namespace CQEN.ProfileGen.Tests.Licenses;

public class LicenseCatalogTests
{
    [Theory]
    [InlineData("LiLiQ-P-1.1", "Licence Libre du Québec – Permissive (LiLiQ-P) v1.1")]
    [InlineData("LiLiQ-R-1.1", "Licence Libre du Québec – Réciprocité (LiLiQ-R) v1.1")]
    [InlineData("LiLiQ-Rplus-1.1", "Licence Libre du Québec – Réciprocité forte (LiLiQ-R+) v1.1")]
    [InlineData("Apache-2.0", "Apache License 2.0")]
    [InlineData("MIT", "MIT License")]
    [InlineData("EUPL-1.2", "European Union Public Licence 1.2")]
    [InlineData("GPL-2.0-only", "GNU General Public License v2.0")]
    [InlineData("GPL-2.0", "GNU General Public License v2.0")]
    [InlineData("GPL-3.0-only", "GNU General Public License v3.0")]
    [InlineData("GPL-3.0", "GNU General Public License v3.0")]
    [InlineData("LGPL-2.1-only", "GNU Lesser General Public License v2.1")]
    [InlineData("LGPL-3.0-only", "GNU Lesser General Public License v3.0")]
    [InlineData("AGPL-3.0-only", "GNU Affero General Public License v3.0")]
    [InlineData("MPL-2.0", "Mozilla Public License 2.0")]
    [InlineData("BSD-2-Clause", "BSD 2-Clause \"Simplified\" License")]
    [InlineData("BSD-3-Clause", "BSD 3-Clause \"New\" or \"Revised\" License")]
    public void Names_every_licence_the_identifier_can_answer(string spdx, string name) => Assert.Equal(name, LicenseCatalog.Name(spdx));

    [Fact]
    public void Looks_names_up_in_any_case_as_spdx_ids_are_case_insensitive() =>
        Assert.Equal("Licence Libre du Québec – Permissive (LiLiQ-P) v1.1", LicenseCatalog.Name("liliq-p-1.1"));

    [Theory]
    [InlineData("NOASSERTION")]
    [InlineData("Unlicense")]
    [InlineData("")]
    public void Has_no_name_for_an_unknown_id(string spdx) => Assert.Null(LicenseCatalog.Name(spdx));

    [Fact]
    public void Every_id_the_identifier_answers_has_a_name()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Corpus", "spdx");
        foreach (var file in Directory.GetFiles(folder, "*.txt"))
        {
            if (LicenseIdentifier.Identify(File.ReadAllBytes(file)) is { } spdx)
            {
                Assert.NotNull(LicenseCatalog.Name(spdx));
            }
        }
    }

    [Theory]
    [InlineData("LICENSE")]
    [InlineData("LICENCE")]
    [InlineData("COPYING")]
    [InlineData("UNLICENSE")]
    [InlineData("license")]
    [InlineData("Licence.md")]
    [InlineData("LICENSE.txt")]
    [InlineData("LICENSE.rst")]
    [InlineData("LICENSE.markdown")]
    [InlineData("LICENSE-MIT")]
    [InlineData("LICENSE_EN.md")]
    [InlineData("LICENCE-fr.txt")]
    [InlineData("LICENCE_EN.md")]
    [InlineData("copying.md")]
    [InlineData("COPYRIGHT")]
    [InlineData("MIT-LICENSE")]
    [InlineData("LICENSE.html")]
    [InlineData("LICENSE.textile")]
    [InlineData("COPYING-MIT")]
    [InlineData("OFL.md")]
    [InlineData("OFL")]
    public void Recognises_licence_file_names_in_any_case(string name) => Assert.True(LicenseCatalog.IsLicenseFileName(name));

    [Theory]
    [InlineData("LICENSE.png")]
    [InlineData("LICENSES")]
    [InlineData("LICENSEE.md")]
    [InlineData("README.md")]
    [InlineData("OFFLINE.md")]
    public void Leaves_other_file_names_alone(string name) => Assert.False(LicenseCatalog.IsLicenseFileName(name));

    [Fact]
    public void Prefers_licence_files_in_licensee_s_order_then_bilingual_names()
    {
        // licensee's tiers (GitHub's detector), best first; the LICENSE spelling before LICENCE in one tier.
        string[] preferred =
        [
            "LICENSE", "LICENCE", "LICENSE.md", "LICENCE.txt", "COPYING", "COPYRIGHT.md", "LICENSE.rst", "LICENCE.html",
            "COPYING.textile", "LICENSE-MIT", "COPYING-MIT", "MIT-LICENSE", "GPL-COPYING", "OFL.md", "OFL.textile", "OFL", "LICENCE_FR.md",
        ];
        var ranks = preferred.Select(LicenseCatalog.Preference).ToArray();
        Assert.Equal(ranks.Order(), ranks);
        Assert.Equal(ranks.Length, ranks.Distinct().Count());
        Assert.Equal(LicenseCatalog.Preference("LICENSE"), LicenseCatalog.Preference("UNLICENSE"));
        Assert.Equal(int.MaxValue, LicenseCatalog.Preference("README.md"));
    }

    [Fact]
    public void Compares_file_names_in_any_case_for_preference() =>
        Assert.Equal(LicenseCatalog.Preference("LICENCE.md"), LicenseCatalog.Preference("licence.MD"));
}
