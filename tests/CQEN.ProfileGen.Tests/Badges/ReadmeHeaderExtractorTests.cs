using CQEN.ProfileGen.Badges;

namespace CQEN.ProfileGen.Tests.Badges;

public class ReadmeHeaderExtractorTests
{
    [Fact]
    public void Between_the_markers_even_indented_and_on_the_first_line() =>
        Assert.Equal(("a\nb", true), ReadmeHeaderExtractor.Extract("  <!-- ENTETE -->  \na\r\nb\n\t<!-- FIN ENTETE -->\n# Titre\n"));

    [Fact]
    public void Between_markers_that_come_after_some_text() =>
        Assert.Equal(("badge", true), ReadmeHeaderExtractor.Extract("# Titre\n<!-- ENTETE -->\nbadge\n<!-- FIN ENTETE -->\ntexte"));

    [Fact]
    public void A_lone_end_marker_on_the_first_line_leaves_an_empty_header() =>
        Assert.Equal(("", false), ReadmeHeaderExtractor.Extract("<!-- FIN ENTETE -->\n# Titre\ntexte"));

    [Fact]
    public void Markers_in_the_wrong_order_count_as_no_markers() =>
        Assert.Equal(("x\n<!-- FIN ENTETE -->\n<!-- ENTETE -->\ny", false), ReadmeHeaderExtractor.Extract("x\n<!-- FIN ENTETE -->\n<!-- ENTETE -->\ny\n\n"));

    [Fact]
    public void Without_markers_the_header_is_the_first_lines_without_trailing_blank_ones()
    {
        var readme = string.Join('\n', Enumerable.Range(1, ShieldsBadgeParser.HeaderLines + 5).Select(n => $"line {n}"));
        var (text, markers) = ReadmeHeaderExtractor.Extract(readme);
        Assert.False(markers);
        Assert.Equal(string.Join('\n', Enumerable.Range(1, ShieldsBadgeParser.HeaderLines).Select(n => $"line {n}")), text);
        Assert.Equal(("# Titre\n\ntexte", false), ReadmeHeaderExtractor.Extract("# Titre\n\ntexte\n\n  \n"));
    }

    [Fact]
    public void A_marker_must_be_the_whole_line() =>
        Assert.Equal(("x <!-- ENTETE -->\nb\ny <!-- FIN ENTETE -->", false), ReadmeHeaderExtractor.Extract("x <!-- ENTETE -->\nb\ny <!-- FIN ENTETE -->"));
}
