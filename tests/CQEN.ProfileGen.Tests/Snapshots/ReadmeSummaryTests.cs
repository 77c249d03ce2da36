using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Tests.Snapshots;

/// <summary>The first sentence of a README after its header: what the profile shows when a repository has no description.</summary>
public class ReadmeSummaryTests
{
    [Theory]
    [InlineData("# API-Strategy\nStratégie des APIs.", "Stratégie des APIs.")]
    [InlineData("<!-- ENTETE -->\n[![img](https://img.shields.io/badge/a-b-c)](x)\n<!-- FIN ENTETE -->\n\n# Titre\nUne phrase. Une autre.\n", "Une phrase.")]
    [InlineData("[![x](https://img.shields.io/badge/a-b-c)](x)\n![y](https://img.shields.io/badge/d-e-f)\n# Kubeflow\n\n## Overview\n\nKubeflow on **AWS** is [a distribution](https://x.io) of `Kubeflow`. More.\n", "Kubeflow on AWS is a distribution of Kubeflow.")]
    [InlineData("# T\n\n> An easy to use agent.\n", "An easy to use agent.")]
    [InlineData("# T\n<div>\n  <img src=\"logo.png\" />\n</div>\n<!-- PROJET -->\nLe projet sert à J. Smith et à M. Tremblay, p. ex. pour tester.\n", "Le projet sert à J. Smith et à M. Tremblay, p. ex. pour tester.")]
    [InlineData("# T\n\nUnder construction...", "Under construction...")]
    [InlineData("# Titre\nun titre setext\n===\n\nLa description.\n", "La description.")]
    [InlineData("# T\n\n```bash\nnpm install. This is code.\n```\n\nAprès le code.\n", "Après le code.")]
    public void Is_the_first_sentence_of_prose_as_plain_text(string readme, string expected) =>
        Assert.Equal(expected, ReadmeSummary.FirstSentence(readme));

    [Theory]
    [InlineData("<!-- ENTETE -->\nx\n<!-- FIN ENTETE -->\n\n## Licence\nDistribué sous LiLiQ-R.\n")]
    [InlineData("# keycloak-custom\n\n## Quickstart\n### Build image\nRun it.\n")]
    [InlineData("# T\n\n## Installation\n\nPour débuter, lancez npm.\n")]
    [InlineData("# T\n\n[English Version](README_en.md)\n")]
    [InlineData("# T\n\n`az account set`\n")]
    [InlineData("# T\n\n- a list item.\n")]
    [InlineData("")]
    public void Is_null_when_the_top_of_the_readme_describes_nothing(string readme) =>
        Assert.Null(ReadmeSummary.FirstSentence(readme));

    [Fact]
    public void Is_cut_at_a_word_to_at_most_160_characters()
    {
        var summary = ReadmeSummary.FirstSentence("# T\n\n" + string.Join(' ', Enumerable.Repeat("mot", 80)) + ".\n")!;
        Assert.True(summary.Length <= 160, summary);
        Assert.EndsWith("mot…", summary);
    }

    [Fact]
    public void A_huge_one_line_readme_is_read_quickly()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var summary = ReadmeSummary.FirstSentence("# T\n\nVoici " + string.Concat(Enumerable.Repeat("<!-- [a](b(c)) ![x](y) *z* ", 100_000)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), clock.Elapsed.ToString());
        Assert.True(summary is null || summary.Length <= ReadmeSummary.MaxLength);
    }

    [Fact]
    public void Keeps_hostile_text_as_text_for_the_template_to_escape()
    {
        var summary = ReadmeSummary.FirstSentence("# T\n\nA <b>bold</b> [link](javascript:alert(1)) &lt;!-- ENTETE --&gt; move.\n");
        Assert.Equal("A bold link <!-- ENTETE --> move.", summary);
        Assert.Equal(@"A bold link &lt;!-- ENTETE --&gt; move.", ProfileGen.Rendering.MarkdownText.TableCell(summary));
    }
}
