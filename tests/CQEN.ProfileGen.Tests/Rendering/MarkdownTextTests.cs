using CQEN.ProfileGen.Rendering;

namespace CQEN.ProfileGen.Tests.Rendering;

public class MarkdownTextTests
{
    public class Inline
    {
        [Theory]
        [InlineData("plain text", "plain text")]
        [InlineData("a <b>bold</b> move", "a &lt;b&gt;bold&lt;/b&gt; move")]
        [InlineData("[click](https://evil.example)", "\\[click\\](https:\u200B//evil.example)")]
        [InlineData("*em* and _em_", "\\*em\\* and \\_em\\_")]
        [InlineData("# not a heading", "\\# not a heading")]
        [InlineData("- not a list", "\\- not a list")]
        [InlineData("1. not a list", "1\\. not a list")]
        [InlineData("a | b", "a \\| b")]
        [InlineData("line\nbreak\r\n\tand  spaces", "line break and spaces")]
        [InlineData("<!-- profilegen:end repos -->", "&lt;!-- profilegen:end repos --&gt;")]
        [InlineData("AT&T", "AT&amp;T")]
        [InlineData("mail me: x@example.com", "mail me: x@\u200Bexample.com")]
        [InlineData("see www.example.com", "see www\u200B.example.com")]
        [InlineData("`code`", "\\`code\\`")]
        [InlineData("Québec – numérique", "Québec – numérique")]
        public void Keeps_text_plain(string input, string expected) => Assert.Equal(expected, MarkdownText.Inline(input));

        [Fact]
        public void Drops_invisible_formatting_characters()
        {
            Assert.Equal("abc", MarkdownText.Inline("a\u202Eb\u2066c"));
        }

        [Fact]
        public void Null_and_empty_give_empty() => Assert.Equal("", MarkdownText.Inline(null) + MarkdownText.Inline(""));

        [Theory]
        [InlineData("a\\b", "a\\\\b")]
        [InlineData("a`b", "a\\`b")]
        [InlineData("a*b", "a\\*b")]
        [InlineData("a_b", "a\\_b")]
        [InlineData("a[b", "a\\[b")]
        [InlineData("a]b", "a\\]b")]
        [InlineData("a|b", "a\\|b")]
        [InlineData("a~b", "a\\~b")]
        [InlineData("a$b", "a\\$b")]
        public void Escapes_every_inline_markdown_character_wherever_it_is(string input, string expected) => Assert.Equal(expected, MarkdownText.Inline(input));

        [Theory]
        [InlineData("# x", "\\# x")]
        [InlineData("- x", "\\- x")]
        [InlineData("+ x", "\\+ x")]
        [InlineData("= x", "\\= x")]
        [InlineData("!x", "\\!x")]
        [InlineData("(x)", "\\(x)")]
        [InlineData(")x", "\\)x")]
        [InlineData("C# + F# = -2 ! (x) <y>", "C# + F# = -2 ! (x) &lt;y&gt;")]
        public void Escapes_block_markers_only_as_the_first_character(string input, string expected) => Assert.Equal(expected, MarkdownText.Inline(input));

        [Theory]
        [InlineData("1. x", "1\\. x")]
        [InlineData("1) x", "1\\) x")]
        [InlineData("2024. Une année", "2024\\. Une année")]
        [InlineData("1a. x", "1a. x")]
        [InlineData("1 2. x", "1 2. x")]
        [InlineData(".NET & C#", ".NET &amp; C#")]
        [InlineData("v1.2 <b>", "v1.2 &lt;b&gt;")]
        public void Escapes_an_ordered_list_marker_only_after_leading_digits(string input, string expected) => Assert.Equal(expected, MarkdownText.Inline(input));

        [Theory]
        [InlineData("docs at https://example.com", "docs at https:\u200B//example.com")]
        [InlineData("scheme://", "scheme:\u200B//")]
        [InlineData("a: b:/ c", "a: b:/ c")]
        [InlineData("www.example.com", "www\u200B.example.com")]
        [InlineData("WWW.EXAMPLE.COM", "WWW\u200B.EXAMPLE.COM")]
        [InlineData("ww.example.com & co", "ww.example.com &amp; co")]
        [InlineData("x@y", "x@\u200By")]
        public void Defuses_autolinks(string input, string expected) => Assert.Equal(expected, MarkdownText.Inline(input));

        [Theory]
        [InlineData("trailing space ", "trailing space")]
        [InlineData("  indented", "indented")]
        [InlineData("\tindented", "indented")]
        [InlineData("two  spaces", "two spaces")]
        [InlineData("a\u0001b", "a b")]
        [InlineData("a\u0085b", "a b")]
        [InlineData("a\u2028b\u2029c", "a b c")]
        [InlineData("a\u200Bb\uFEFFc", "a b c")]
        [InlineData("a\u00A0b", "a b")]
        public void Makes_all_white_space_one_plain_space_and_trims_it(string input, string expected) => Assert.Equal(expected, MarkdownText.Inline(input));

        [Theory]
        [InlineData("e\u0301t\u00E9", "\u00E9t\u00E9")]
        [InlineData("a\u0300", "\u00E0")]
        public void Composes_accents_so_the_text_reads_the_same_everywhere(string input, string expected) => Assert.Equal(expected, MarkdownText.Inline(input));

        [Fact]
        public void Keeps_the_joiner_inside_emoji_sequences() => Assert.Equal("dev \U0001F469\u200D\U0001F4BB", MarkdownText.Inline("dev \U0001F469\u200D\U0001F4BB"));

        [Theory]
        [InlineData("exp-vc-authn-oidc")]
        [InlineData("Outil de gestion des accès, version 2")]
        public void Text_that_needs_no_change_is_returned_as_it_is_without_a_copy(string text) => Assert.Same(text, MarkdownText.Inline(text));

        [Fact]
        public void A_table_cell_is_inline_text() => Assert.Equal("a \\| b &amp; c", MarkdownText.TableCell("a | b & c"));
    }

    public class SafeUrl
    {
        [Theory]
        [InlineData("https://github.com/CQEN-QDCE/x", "https://github.com/CQEN-QDCE/x")]
        [InlineData("  https://example.com/x  ", "https://example.com/x")]
        [InlineData("https://example.com/it's", "https://example.com/it%27s")]
        [InlineData("https://example.com/a[1]", "https://example.com/a%5B1%5D")]
        [InlineData("HTTPS://Example.COM/A", "https://example.com/A")]
        [InlineData("http://example.com/a b", "http://example.com/a%20b")]
        [InlineData("https://example.com/a)b(c", "https://example.com/a%29b%28c")]
        public void Keeps_http_urls_usable_as_link_destinations(string input, string expected) => Assert.Equal(expected, MarkdownText.SafeUrl(input));

        [Theory]
        [InlineData("javascript:alert(1)")]
        [InlineData("data:text/html,<script>")]
        [InlineData("/relative/path")]
        [InlineData("ftp://example.com")]
        [InlineData("https://user:pass@example.com")]
        [InlineData("https://user@example.com")]
        [InlineData("http:///path")]
        [InlineData("   ")]
        [InlineData("")]
        [InlineData(null)]
        public void Refuses_everything_else(string? input) => Assert.Null(MarkdownText.SafeUrl(input));

        [Theory]
        [InlineData("https://e.com/a(b)c<d>e\"f'g h\\i|j`k[l]m{n}o^p")]
        [InlineData("https://e.com/?q=a'b(c)|d`e[f]g<h>\"i\\j k")]
        [InlineData("https://e.com/x#a'b(c)|d`e[f]g h\"<>\\")]
        public void No_character_that_could_end_a_link_destination_stays_raw(string url)
        {
            // Uri.AbsoluteUri encodes most of them, SafeUrl the rest: together, none is left.
            var safe = MarkdownText.SafeUrl(url);
            Assert.NotNull(safe);
            Assert.Equal(-1, safe.IndexOfAny(['(', ')', '<', '>', '"', '\'', ' ', '\\', '|', '`', '[', ']']));
        }

        [Fact]
        public void A_link_without_text_shows_its_url_as_text()
        {
            Assert.Equal("[https:\u200B//a.example/](https://a.example/)", MarkdownText.Link("", "https://a.example/"));
            Assert.Equal("[https:\u200B//a.example/](https://a.example/)", MarkdownText.Link(null, "https://a.example/"));
            Assert.Equal("", MarkdownText.Link(null, "javascript:alert(1)"));
            Assert.Equal("", MarkdownText.Link(null, null));
        }

        [Fact]
        public void A_link_with_an_unsafe_url_is_just_text()
        {
            Assert.Equal("x", MarkdownText.Link("x", "javascript:alert(1)"));
            Assert.Equal("[x](https://a.example/)", MarkdownText.Link("x", "https://a.example/"));
        }
    }
}
