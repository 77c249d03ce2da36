using CQEN.ProfileGen.Publishing;

namespace CQEN.ProfileGen.Tests.Publishing;

/// <summary>
/// The edges of managed regions: which newline inserted content takes when the begin marker
/// shares its line, what counts as indentation before an end marker, how positions are counted,
/// and the arguments and messages of the public methods.
/// </summary>
public class ManagedRegionsBoundaryTests
{
    private const string File = "profile/README.md";

    private static Dictionary<string, string> Contents(params (string Name, string Content)[] contents) =>
        contents.ToDictionary(c => c.Name, c => c.Content);

    public class Newlines
    {
        [Fact]
        public void An_inline_region_in_a_CRLF_file_takes_CRLF()
        {
            var existing = "Dépôts : <!-- profilegen:begin list -->a<!-- profilegen:end list -->\r\nFin\r\n";

            var spliced = ManagedRegions.Splice(existing, Contents(("list", "x\ny")), File);

            Assert.Equal("Dépôts : <!-- profilegen:begin list -->x\r\ny<!-- profilegen:end list -->\r\nFin\r\n", spliced);
        }

        [Fact]
        public void The_newline_is_read_outside_the_regions_not_inside_them()
        {
            // The region holds a CRLF; the file around it uses LF, and splicing never changes the outside.
            var existing = "<!-- profilegen:begin a -->x\r\ny<!-- profilegen:end a --> suite\nfin\n";

            var spliced = ManagedRegions.Splice(existing, Contents(("a", "1\n2")), File);

            Assert.Equal("<!-- profilegen:begin a -->1\n2<!-- profilegen:end a --> suite\nfin\n", spliced);
        }

        [Fact]
        public void The_newline_after_a_region_counts_when_there_is_none_before_it()
        {
            var existing = "<!-- profilegen:begin a -->x<!-- profilegen:end a --> suite\r\n";

            var spliced = ManagedRegions.Splice(existing, Contents(("a", "1\n2")), File);

            Assert.Equal("<!-- profilegen:begin a -->1\r\n2<!-- profilegen:end a --> suite\r\n", spliced);
        }

        [Fact]
        public void A_file_that_starts_with_an_empty_LF_line_is_an_LF_file()
        {
            var existing = "\n<!-- profilegen:begin a -->x<!-- profilegen:end a -->\r\n";

            var spliced = ManagedRegions.Splice(existing, Contents(("a", "1\n2")), File);

            Assert.Equal("\n<!-- profilegen:begin a -->1\n2<!-- profilegen:end a -->\r\n", spliced);
        }

        [Fact]
        public void A_file_with_no_newline_outside_its_regions_gets_LF()
        {
            // The begin marker shares its line with "x" and the end marker starts its line: the
            // content must end with a newline, and there is none in the file to copy.
            var existing = "<!-- profilegen:begin a -->x\n<!-- profilegen:end a -->";

            var spliced = ManagedRegions.Splice(existing, Contents(("a", "1\n2")), File);

            Assert.Equal("<!-- profilegen:begin a -->1\n2\n<!-- profilegen:end a -->", spliced);
        }
    }

    public class Indentation
    {
        [Fact]
        public void Only_spaces_and_tabs_before_an_end_marker_are_indentation()
        {
            // A non-breaking space is text (Markdown indents with spaces and tabs only), so the
            // end marker does not start its line and the region runs up to the marker itself.
            var existing = "<!-- profilegen:begin a -->\nold\n\u00A0<!-- profilegen:end a -->\n";

            var spliced = ManagedRegions.Splice(existing, Contents(("a", "new")), File);

            Assert.Equal("<!-- profilegen:begin a -->\nnew<!-- profilegen:end a -->\n", spliced);
        }
    }

    public class Code
    {
        [Fact]
        public void Markers_in_a_tab_indented_code_block_are_text()
        {
            // No backtick, tilde or four spaces: only the tab makes the example a code block.
            var text = "Exemple :\n\n\t<!-- profilegen:begin a -->\n\t<!-- profilegen:end a -->\n\nVrai :\n\n<!-- profilegen:begin a -->\nold\n<!-- profilegen:end a -->\n";

            var region = Assert.Single(ManagedRegions.Find(text, File));

            Assert.Equal(8, region.Line);
        }

        [Fact]
        public void An_empty_fenced_code_block_hides_nothing_and_breaks_nothing()
        {
            var text = "```\n```\n\n<!-- profilegen:begin a -->\nold\n<!-- profilegen:end a -->\n";

            var spliced = ManagedRegions.Splice(text, Contents(("a", "new")), File);

            Assert.Equal("```\n```\n\n<!-- profilegen:begin a -->\nnew\n<!-- profilegen:end a -->\n", spliced);
        }
    }

    public class Messages
    {
        [Fact]
        public void Of_several_missing_regions_the_first_in_name_order_is_reported()
        {
            var error = Assert.Throws<ManagedRegionException>(() =>
                ManagedRegions.Splice("# Titre\n", Contents(("zeta", "z"), ("alpha", "a")), File));

            Assert.Contains("region 'alpha' not found", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_malformed_marker_of_80_characters_is_quoted_whole()
        {
            var marker = "<!-- profilegen:begin " + new string('x', 80 - "<!-- profilegen:begin ".Length - " y -->".Length) + " y -->";
            Assert.Equal(80, marker.Length);

            var error = Assert.Throws<ManagedRegionException>(() => ManagedRegions.Find(marker + "\n", File));

            Assert.Contains($"malformed marker '{marker}':", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_longer_malformed_marker_is_quoted_up_to_80_characters_and_an_ellipsis()
        {
            var marker = "<!-- profilegen:begin " + new string('x', 100) + " y -->";

            var error = Assert.Throws<ManagedRegionException>(() => ManagedRegions.Find(marker + "\n", File));

            Assert.Contains($"malformed marker '{marker[..80]}…':", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_byte_order_mark_shifts_columns_on_the_first_line_only()
        {
            var error = Assert.Throws<ManagedRegionException>(() => ManagedRegions.Find("\uFEFFtitre\nab<!-- profilegen:end a -->\n", File));

            Assert.Equal(2, error.Line);
            Assert.Equal(3, error.Column);
        }
    }

    public class Arguments
    {
        [Fact]
        public void Splice_names_the_missing_text()
        {
            var error = Assert.Throws<ArgumentNullException>(() => ManagedRegions.Splice(null!, Contents(), File));

            Assert.Equal("existing", error.ParamName);
        }

        [Fact]
        public void Splice_names_the_missing_contents()
        {
            var error = Assert.Throws<ArgumentNullException>(() => ManagedRegions.Splice("# Titre\n", null!, File));

            Assert.Equal("contents", error.ParamName);
        }

        [Fact]
        public void Find_names_the_missing_text()
        {
            var error = Assert.Throws<ArgumentNullException>(() => ManagedRegions.Find(null!, File));

            Assert.Equal("text", error.ParamName);
        }
    }
}
