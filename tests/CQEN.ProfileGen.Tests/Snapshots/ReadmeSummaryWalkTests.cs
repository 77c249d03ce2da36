using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Tests.Snapshots;

/// <summary>
/// How the first sentence is found: which blocks are passed over (comments, fences, setext
/// headings, sections about something else) and how Markdown becomes plain text.
/// </summary>
public class ReadmeSummaryWalkTests
{
    public class Blocks
    {
        [Theory]
        [InlineData("# T\n<!--\nUne phrase cachée.\n-->\nLa vraie phrase.\n", "La vraie phrase.")]
        [InlineData("# T\n\n~~~\ncode. Encore.\n~~~\nAprès le code.\n", "Après le code.")]
        [InlineData("# T\n\n    indenté. Du code.\n\nLa phrase.\n", "La phrase.")]
        [InlineData("# T\n\n\tindenté. Du code.\n\nLa phrase.\n", "La phrase.")]
        [InlineData("# T\n\n| a. | b. |\n|---|---|\n\nLa phrase.\n", "La phrase.")]
        [InlineData("# T\n\n[ref]: https://example.org\n\nLa phrase.\n", "La phrase.")]
        [InlineData("# T\n\n1. Premier point.\n\nLa phrase.\n", "La phrase.")]
        [InlineData("# T\n\n2024-01-01\n\nLa phrase.\n", "La phrase.")]
        [InlineData("# T\n\n***\n\nLa phrase.\n", "La phrase.")]
        public void Passes_over_what_is_not_prose(string readme, string expected) =>
            Assert.Equal(expected, ReadmeSummary.FirstSentence(readme));

        [Fact]
        public void Text_above_an_end_marker_alone_is_header() =>
            Assert.Equal("La phrase.", ReadmeSummary.FirstSentence("Texte de l'en-tête.\n<!-- FIN ENTETE -->\n\nLa phrase.\n"));

        [Fact]
        public void A_line_of_badges_over_a_rule_is_not_a_heading() =>
            Assert.Equal("La phrase.", ReadmeSummary.FirstSentence("[![b](https://img.shields.io/badge/a-b-c)](x)\n---\n# Titre\n## Sous-titre\nLa phrase.\n"));

        [Fact]
        public void A_paragraph_runs_over_several_lines() =>
            Assert.Equal("Un outil qui fait ceci et cela.", ReadmeSummary.FirstSentence("# T\n\nUn outil qui\nfait ceci\net cela. Autre.\n"));

        [Theory]
        [InlineData("Projet\n======\n\nInstallation\n------------\n\nLancez npm.\n", null)]
        [InlineData("Installation\n============\n\nUn outil.\n", "Un outil.")]
        [InlineData("# T\n## Sommaire\n## Installation\nnpm.\n## À propos\nUn outil.\n", null)]
        [InlineData("## Installation\n### Linux\nnpm.\n## À propos\nUn outil.\n", null)]
        [InlineData("## Installation\nnpm.\n## À propos\nUn outil.\n", "Un outil.")]
        [InlineData("# T\n## Table des matières\n## À propos\nUn outil.\n", "Un outil.")]
        [InlineData("# A\n## B\n### C\nUn outil.\n", null)]
        [InlineData("A\n===\nB\n---\nC\n---\nUn outil.\n", null)]
        public void Skips_sections_that_never_describe_the_project_and_stops_after_two_headings(string readme, string? expected) =>
            Assert.Equal(expected, ReadmeSummary.FirstSentence(readme));
    }

    public class Text
    {
        [Theory]
        [InlineData("Un <!-- note --> outil.", "Un outil.")]
        [InlineData("Un<!-- note -->outil.", "Un outil.")]
        [InlineData("Un![logo](logo.png)outil.", "Un outil.")]
        [InlineData("Un<br>outil.", "Un outil.")]
        [InlineData("Un ![logo](logo.png) outil.", "Un outil.")]
        [InlineData("Un [![logo](logo.png)](https://x.org) outil.", "Un outil.")]
        [InlineData("Un ![logo][img] outil.", "Un outil.")]
        [InlineData("Un [outil][ref] simple.", "Un outil simple.")]
        [InlineData("Voir <https://example.org> pour tout.", "Voir https://example.org pour tout.")]
        [InlineData("Un __outil__ ~~vieux~~ *simple* _et_ `sûr`.", "Un outil vieux simple et sûr.")]
        [InlineData(@"Un \*outil\* à 5\_000 lignes.", "Un *outil* à 5_000 lignes.")]
        [InlineData("Un outil &amp; une API.", "Un outil & une API.")]
        [InlineData("snake_case_name reste.", "snake_case_name reste.")]
        public void Is_markdown_read_as_plain_text(string paragraph, string expected) =>
            Assert.Equal(expected, ReadmeSummary.FirstSentence("# T\n\n" + paragraph + "\n"));

        [Fact]
        public void A_word_longer_than_half_the_limit_is_cut_inside()
        {
            var summary = ReadmeSummary.FirstSentence("# T\n\nUn " + new string('a', 300) + ".\n");

            Assert.Equal("Un " + new string('a', ReadmeSummary.MaxLength - 4) + "…", summary);
        }

        [Fact]
        public void A_cut_drops_the_punctuation_before_the_ellipsis()
        {
            var summary = ReadmeSummary.FirstSentence("# T\n\n" + string.Concat(Enumerable.Repeat("abcdefg, ", 30)) + "fin.\n")!;

            Assert.EndsWith("abcdefg…", summary);
            Assert.True(summary.Length <= ReadmeSummary.MaxLength, summary);
        }

        [Fact]
        public void A_sentence_of_exactly_the_limit_is_whole()
        {
            var sentence = "Un " + new string('a', ReadmeSummary.MaxLength - 4) + ".";

            Assert.Equal(sentence, ReadmeSummary.FirstSentence("# T\n\n" + sentence + " Autre.\n"));
        }

        [Fact]
        public void A_cut_at_a_space_halfway_keeps_the_first_half()
        {
            var half = new string('a', ReadmeSummary.MaxLength / 2);

            Assert.Equal(half + "…", ReadmeSummary.FirstSentence("# T\n\n" + half + " " + new string('b', 100) + ".\n"));
        }

        [Theory]
        [InlineData("Bonjour. Oui.", "Bonjour.")]
        [InlineData("Vraiment ? Oui.", "Vraiment ?")]
        [InlineData("Enfin! Oui.", "Enfin!")]
        [InlineData("Version 1.2 du site. Oui.", "Version 1.2 du site.")]
        public void Ends_at_the_first_stop_that_ends_a_word(string paragraph, string expected) =>
            Assert.Equal(expected, ReadmeSummary.FirstSentence("# T\n\n" + paragraph + "\n"));
    }
}
