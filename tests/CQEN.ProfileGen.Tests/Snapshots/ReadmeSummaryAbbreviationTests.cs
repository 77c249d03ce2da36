using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Tests.Snapshots;

/// <summary>A period after a common abbreviation does not end the first sentence; one after an ordinary word does.</summary>
public class ReadmeSummaryAbbreviationTests
{
    [Theory]
    [InlineData("Un outil pour les formulaires, e.g. les demandes. Fin.", "Un outil pour les formulaires, e.g. les demandes.")]
    [InlineData("Un outil pour les formulaires, i.e. les demandes. Fin.", "Un outil pour les formulaires, i.e. les demandes.")]
    [InlineData("Un outil pour les formulaires, par ex. les demandes. Fin.", "Un outil pour les formulaires, par ex. les demandes.")]
    [InlineData("Un outil pour les formulaires. Fin.", "Un outil pour les formulaires.")]
    public void The_first_sentence_runs_past_abbreviations(string paragraph, string sentence) =>
        Assert.Equal(sentence, ReadmeSummary.FirstSentence("# Projet\n\n" + paragraph + "\n"));
}
