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
    }

    public class SafeUrl
    {
        [Theory]
        [InlineData("https://github.com/CQEN-QDCE/x", "https://github.com/CQEN-QDCE/x")]
        [InlineData("http://example.com/a b", "http://example.com/a%20b")]
        [InlineData("https://example.com/a)b(c", "https://example.com/a%29b%28c")]
        public void Keeps_http_urls_usable_as_link_destinations(string input, string expected) => Assert.Equal(expected, MarkdownText.SafeUrl(input));

        [Theory]
        [InlineData("javascript:alert(1)")]
        [InlineData("data:text/html,<script>")]
        [InlineData("/relative/path")]
        [InlineData("ftp://example.com")]
        [InlineData("https://user:pass@example.com")]
        [InlineData("")]
        [InlineData(null)]
        public void Refuses_everything_else(string? input) => Assert.Null(MarkdownText.SafeUrl(input));

        [Fact]
        public void A_link_with_an_unsafe_url_is_just_text()
        {
            Assert.Equal("x", MarkdownText.Link("x", "javascript:alert(1)"));
            Assert.Equal("[x](https://a.example/)", MarkdownText.Link("x", "https://a.example/"));
        }
    }
}
