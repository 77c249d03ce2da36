using System.Text.Json;
using CQEN.ProfileGen.Licenses;

namespace CQEN.ProfileGen.Tests.Licenses;

/// <summary>Every licence file of the corpus is identified as the SPDX id the index gives it.</summary>
public class CorpusLicenseTests
{
    private static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static TheoryData<string, string> LicenceFiles()
    {
        var data = new TheoryData<string, string>();
        var seen = new HashSet<string>();
        foreach (var entry in JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Corpus, "index.json"))).RootElement.EnumerateArray())
        {
            foreach (var file in entry.GetProperty("licence_file_details").EnumerateArray())
            {
                var path = file.GetProperty("path").GetString()!;
                if (seen.Add(path))
                {
                    data.Add(path, file.GetProperty("spdx").GetString()!);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(LicenceFiles))]
    public void Is_identified_from_its_text(string path, string spdx) =>
        Assert.Equal(spdx, LicenseIdentifier.Identify(File.ReadAllBytes(Path.Combine(Corpus, path))));

    [Fact]
    public void Every_corpus_licence_file_name_is_recognised_as_one()
    {
        foreach (var (path, _) in LicenceFiles().Select(row => ((string)row[0], (string)row[1])))
        {
            Assert.True(LicenseCatalog.IsLicenseFileName(Path.GetFileName(path)), path);
        }
    }
}
