using System.Text;
using CQEN.ProfileGen.Licenses;

namespace CQEN.ProfileGen.Tests.Licenses;

public class LicenseIdentifierTests
{
    [Theory]
    [InlineData("Licence Libre du Québec – Réciprocité forte (LiLiQ-R+)\n\nVersion 1.1\n\n1. Préambule\nCette licence s'applique à tout logiciel distribué dont le titulaire du droit d'auteur précise qu'il est sujet aux termes de la Licence Libre du Québec – Réciprocité forte (LiLiQ-R+) (ci-après appelée la « licence »).\n6. … compatible avec la LiLiQ-R …", "LiLiQ-Rplus-1.1")]
    [InlineData("Québec Free and Open-Source Licence – Strong Reciprocity (LiLiQ-R+)\n\nVersion 1.1\n\n1. Preamble\nThis licence applies to any distributed software stipulated by its copyright owner to be subject to the terms of the Québec Free and Open-Source Licence – Strong Reciprocity (LiLiQ-R+)", "LiLiQ-Rplus-1.1")]
    [InlineData("LiLiQ-R License\n\n#VERSION FRANCOPHONE\nLicence Libre du Québec - Réciprocité (LiLiQ-R)\n… sujet aux termes de la Licence Libre du Québec - Réciprocité (LiLiQ-R) … LiLiQ-R+ …", "LiLiQ-R-1.1")]
    [InlineData("Some unknown custom licence text. All rights reserved.", null)]
    [InlineData("", null)]
    public void Tells_the_licence_from_its_text(string text, string? expected) =>
        Assert.Equal(expected, LicenseIdentifier.Identify(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Reads_windows_1252_files()
    {
        var bytes = Windows1252.GetBytes("Québec Free and Open-Source Licence – Permissive (LiLiQ-P)\nVersion 1.1");
        Assert.Equal("LiLiQ-P-1.1", LicenseIdentifier.Identify(bytes));
    }

    [Theory]
    [InlineData("LICENSE", true)]
    [InlineData("LICENCE_EN.md", true)]
    [InlineData("COPYING", true)]
    [InlineData("license.txt", true)]
    [InlineData("LICENSE.png", false)]
    [InlineData("COPYRIGHT", true)]
    [InlineData("README.md", false)]
    public void Knows_licence_file_names(string name, bool expected) => Assert.Equal(expected, LicenseCatalog.IsLicenseFileName(name));
}
