using CQEN.ProfileGen.Badges;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Rendering;
using CQEN.ProfileGen.Snapshots;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CQEN.ProfileGen.Tests.Rendering;

/// <summary>
/// Hostile repository data rendered with the default templates, then parsed back with Markdig
/// (GitHub-flavoured extensions, autolinks included): no raw HTML, no link or image that the
/// template did not put there, tables keep their columns, each header marker appears once.
/// </summary>
public class InjectionCorpusTests
{
    public static readonly string[] Hostile =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"https://evil.example\">click</a>",
        "[click me](https://evil.example)",
        "[click me](javascript:alert(1))",
        "![pixel](https://evil.example/p.png)",
        "<https://evil.example>",
        "https://evil.example/bare",
        "www.evil.example",
        "contact: phish@evil.example",
        "# Heading injection",
        "## Nos dépôts",
        "Title\n===",
        "Line one\n\n| a | b |\n|---|---|\n| c | d |",
        "cell | breaker | here",
        "\\| escaped pipe",
        "`code` and ```fence```",
        "```\ncode block\n```",
        "    indented code",
        "> quote",
        "- list item",
        "1. ordered",
        "<!-- ENTETE -->",
        "<!-- FIN ENTETE -->",
        "<!-- profilegen:begin repos -->",
        "<!-- profilegen:end repos -->",
        "--> broken comment <!--",
        "&lt;script&gt; entity",
        "&#60;b&#62; numeric entity",
        "[ref]: https://evil.example",
        "[ref]",
        "*bold* _em_ ~~strike~~",
        "a\u202Etxt.exe",
        "null\0byte",
        "<details><summary>x</summary>y</details>",
        "$x^2$ math",
        "[^1] footnote\n\n[^1]: https://evil.example",
        "line\r\nbreak",
    ];

    private static OrgSnapshot HostileSnapshot()
    {
        var repos = Hostile.Select((text, i) => new RepoSnapshot
        {
            Name = $"r{i:00}-" + new string(text.Where(char.IsAsciiLetterOrDigit).Take(8).ToArray()),
            FullName = $"evil-org/r{i:00}",
            Description = text,
            Url = $"https://github.com/evil-org/r{i:00}",
            Homepage = text,
            Language = i % 3 == 0 ? text : "C#",
            Topics = [text, "ok"],
            Visibility = "public",
            License = i % 2 == 0 ? new RepoLicense { SpdxId = text, Name = text, Url = i % 4 == 0 ? "javascript:alert(1)" : $"https://github.com/evil-org/r{i:00}/blob/main/LICENSE" } : null,
            Badges = [new ShieldsBadge { ImageUrl = "https://img.shields.io/badge/x-y-z", Label = "Cycle de vie", Message = i % 5 == 0 ? text : "Phase Découverte", Color = text }],
        }).ToList();
        // Hostile names too: the tool must not trust even what GitHub normally restricts.
        repos.AddRange(Hostile.Take(10).Select((text, i) => new RepoSnapshot
        {
            Name = text,
            FullName = "evil-org/" + text,
            Url = $"https://github.com/evil-org/n{i}",
            Visibility = "public",
        }));
        return new OrgSnapshot
        {
            Org = new OrgProfile { Login = "evil-org", Url = "https://github.com/evil-org", Description = string.Join(" ", Hostile.Take(12)) },
            Repos = repos,
        };
    }

    public static TheoryData<string> Cultures => new() { "fr-CA", "en" };

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Hostile_data_cannot_change_the_structure_of_the_page(string culture)
    {
        var config = new ProfileGenConfig
        {
            Culture = Choices.Cultures[culture],
            Profile = new ProfileText
            {
                Badges = [new ProfileBadge { Label = "Cycle de vie", Message = "Expérimentation", Color = "339999", Link = "https://www.quebec.ca/" }],
            },
        };
        var snapshot = HostileSnapshot();
        var model = TemplateModelBuilder.Build(snapshot, config, DateTimeOffset.UnixEpoch);
        var markdown = ProfileRenderer.Render(TemplateSource.Default(Choices.Cultures[culture]), model);
        var document = Markdown.Parse(markdown, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());

        // No raw HTML, except what the template writes itself: the two header markers, once each,
        // and the cards — the <details> of their numbers, and each card's <picture>, tag for tag
        // as the card function writes it (hostile text in an alt attribute stays inside it).
        var html = document.Descendants<HtmlBlock>().Select(b => b.Lines.ToString().Trim()).ToArray();
        Assert.Equal(["<!-- ENTETE -->", "<!-- FIN ENTETE -->", $"<details>\n<summary>{model.Cards.NumbersTitle}</summary>", "</details>"], html);
        var pictures = model.Cards.All.Where(c => c.HasData)
            .SelectMany(c => System.Text.RegularExpressions.Regex.Matches(TemplateFunctions.Card(model.Cards, c.Name), "<[^>]*>").Select(m => m.Value));
        Assert.Equal(pictures, document.Descendants<HtmlInline>().Select(h => h.Tag));
        Assert.Contains(model.Cards.All, c => c.HasData && c.Alt.Contains('<', StringComparison.Ordinal)); // hostile text did reach an alt
        Assert.Equal(1, Count(markdown, "<!-- ENTETE -->"));
        Assert.Equal(1, Count(markdown, "<!-- FIN ENTETE -->"));
        Assert.Equal(0, Count(markdown, "<!-- profilegen:"));

        // Every link and image is one the template made: repositories, licences, badges, the config's link.
        var allowed = snapshot.Repos.Select(r => r.Url).Concat(snapshot.Repos.Select(r => r.License?.Url)).OfType<string>()
            .Append("https://www.quebec.ca/").ToHashSet();
        foreach (var link in document.Descendants<LinkInline>())
        {
            Assert.True(link.IsImage ? link.Url!.StartsWith("https://img.shields.io/badge/", StringComparison.Ordinal) : allowed.Contains(link.Url!),
                $"unexpected {(link.IsImage ? "image" : "link")}: {link.Url}");
        }
        Assert.Empty(document.Descendants<AutolinkInline>());
        Assert.DoesNotContain(document.Descendants<LinkInline>(), l => !l.Url!.StartsWith("https://", StringComparison.Ordinal));

        // Headings: the section title and one per group, nothing else.
        var groups = TemplateModelBuilder.Build(snapshot, config, DateTimeOffset.UnixEpoch).Groups.Count;
        Assert.Equal(1, document.Descendants<HeadingBlock>().Count(h => h.Level == 2));
        Assert.Equal(groups, document.Descendants<HeadingBlock>().Count(h => h.Level == 3));
        Assert.DoesNotContain(document.Descendants<HeadingBlock>(), h => h.Level is 1 or > 3);

        // Tables: every row keeps its five columns (the cards' tables their two); no code blocks, quotes or lists slipped in.
        var cardTables = document.Descendants<Table>().Where(t => t.OfType<TableRow>().First().Count == 2).ToArray();
        Assert.Equal(model.Cards.All.Count(c => c.HasData), cardTables.Length);
        Assert.All(cardTables.SelectMany(t => t.OfType<TableRow>()), row => Assert.Equal(2, row.Count));
        var tables = document.Descendants<Table>().Except(cardTables).ToArray();
        Assert.Equal(groups, tables.Length);
        Assert.All(tables.SelectMany(t => t.OfType<TableRow>()), row => Assert.Equal(5, row.Count));
        Assert.Equal(snapshot.Repos.Count, tables.Sum(t => t.OfType<TableRow>().Count(r => !r.IsHeader)));
        Assert.Empty(document.Descendants<CodeBlock>());
        Assert.Empty(document.Descendants<QuoteBlock>());
        Assert.Empty(document.Descendants<ListBlock>());
    }

    private static int Count(string text, string what)
    {
        var n = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + 1, StringComparison.Ordinal))
        {
            n++;
        }
        return n;
    }
}
