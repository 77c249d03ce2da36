using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CQEN.ProfileGen.Tests.Action;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CQEN.ProfileGen.Tests.Docs;

/// <summary>
/// Every relative link of README.md and docs/*.md leads somewhere: to a file or folder of the
/// repository, and to a heading that exists when it names one (GitHub's anchors). Every docs/
/// page is linked from the README.
/// </summary>
public sealed partial class DocsLinksTests
{
    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string> { "README.md" };
        foreach (var page in Directory.GetFiles(Path.Combine(RepositoryCheckout.Root, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            pages.Add("docs/" + Path.GetFileName(page));
        }
        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_relative_link_of_the_page_resolves_to_a_file_and_heading_that_exist(string page)
    {
        var broken = Broken(page, DocsPage.Read(page), target => File.Exists(target) || Directory.Exists(target) ? File.Exists(target) ? File.ReadAllText(target) : "" : null);

        Assert.True(broken.Count == 0, $"{page} links to what does not exist:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void The_readme_links_every_docs_page()
    {
        var links = Links(DocsPage.Read("README.md")).Select(l => l.Split('#')[0]).ToHashSet(StringComparer.Ordinal);
        var pages = Directory.GetFiles(Path.Combine(RepositoryCheckout.Root, "docs"), "*.md").Select(p => "docs/" + Path.GetFileName(p));

        var unlinked = pages.Where(p => !links.Contains(p)).ToList();

        Assert.True(unlinked.Count == 0, "docs pages the README does not link: " + string.Join(", ", unlinked));
    }

    [Fact]
    public void A_missing_file_a_missing_heading_and_a_missing_anchor_in_the_same_page_are_each_caught()
    {
        const string page = "# Title\n\n## Permissions and settings\n\n[ok](#permissions-and-settings) [self](#nope) [file](other.md#setup) [gone](gone.md) ![img](pic.svg) <img src=\"missing.svg\"> [web](https://example.org/x)\n";
        string? Read(string target) => Path.GetFileName(target) switch
        {
            "other.md" => "# Other\n\n## Set-up\n",
            "pic.svg" => "<svg/>",
            _ => null,
        };

        var broken = Broken("docs/page.md", page, Read);

        Assert.Equal(["#nope", "other.md#setup", "gone.md", "missing.svg"], broken.Select(b => b.Split(' ')[0]));
    }

    [Theory]
    [InlineData("Managed regions (hand-written README)", "managed-regions-hand-written-readme")]
    [InlineData("`repo.summary`", "reposummary")]
    [InlineData("Configuration reference (`profilegen.yml`)", "configuration-reference-profilegenyml")]
    [InlineData("Publishing: one pull request, never spam", "publishing-one-pull-request-never-spam")]
    [InlineData("Étape 1 — init", "étape-1--init")]
    public void Anchors_are_made_as_github_makes_them(string heading, string anchor)
    {
        Assert.Contains(anchor, Anchors($"## {heading}\n"));
    }

    // Each broken link as "link (why)"; read(path) gives a target's text ("" for a folder), or null when it does not exist.
    private static List<string> Broken(string page, string markdown, Func<string, string?> read)
    {
        var folder = Path.GetDirectoryName(Path.Combine(RepositoryCheckout.Root, page))!;
        var broken = new List<string>();
        foreach (var link in Links(markdown))
        {
            var (path, anchor) = link.IndexOf('#') is var hash and >= 0 ? (link[..hash], link[(hash + 1)..]) : (link, null);
            var target = path.Length == 0 ? Path.Combine(RepositoryCheckout.Root, page) : Path.GetFullPath(Path.Combine(folder, Uri.UnescapeDataString(path)));
            var text = path.Length == 0 ? markdown : read(target);
            if (text is null)
            {
                broken.Add($"{link} (no such file)");
            }
            else if (anchor is not null && target.EndsWith(".md", StringComparison.Ordinal) && !Anchors(text).Contains(anchor))
            {
                broken.Add($"{link} (no such heading)");
            }
        }
        return broken;
    }

    private static IEnumerable<string> Links(string markdown)
    {
        var document = Markdown.Parse(markdown, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
        var urls = document.Descendants<LinkInline>().Select(l => l.Url ?? "")
            .Concat(HtmlSource().Matches(markdown).SelectMany(m => m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries)).Select(s => s.Split(' ')[0]));
        return urls.Where(u => u.Length > 0 && !SchemeOrHost().IsMatch(u));
    }

    /// <summary>The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered.</summary>
    private static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var heading in Markdown.Parse(markdown).Descendants<HeadingBlock>())
        {
            var text = new StringBuilder();
            foreach (var inline in heading.Inline?.Descendants<Inline>() ?? [])
            {
                text.Append(inline switch { LiteralInline l => l.Content.ToString(), CodeInline c => c.Content, _ => "" });
            }
            var slug = new string([.. text.ToString().ToLower(CultureInfo.InvariantCulture).Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_')]).Replace(' ', '-');
            var n = counts.GetValueOrDefault(slug);
            counts[slug] = n + 1;
            anchors.Add(n == 0 ? slug : $"{slug}-{n}");
        }
        return anchors;
    }

    [GeneratedRegex(@"^([a-z][a-z0-9+.-]*:|//)", RegexOptions.IgnoreCase)]
    private static partial Regex SchemeOrHost();

    [GeneratedRegex("(?:src|srcset)=\"([^\"]+)\"")]
    private static partial Regex HtmlSource();
}
