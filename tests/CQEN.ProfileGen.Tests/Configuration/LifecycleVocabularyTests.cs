using CQEN.ProfileGen.Configuration;

namespace CQEN.ProfileGen.Tests.Configuration;

/// <summary>How written lifecycle words are matched to the declared ones: loosely, deterministically, and with a sensible "did you mean".</summary>
public class LifecycleVocabularyTests
{
    [Fact]
    public void Case_accents_underscores_and_runs_of_spaces_do_not_make_another_word() =>
        Assert.Equal("phase beta test", LifecycleVocabulary.Loose("  Phase \t Bêta_Test_ "));

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("beta", "bêta", 1)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("same", "same", 0)]
    [InlineData("beta", "btea", 1)]
    public void The_distance_counts_the_letters_to_change_add_remove_or_swap(string a, string b, int distance) =>
        Assert.Equal(distance, NearestName.Distance(a, b));

    [Fact]
    public void Of_two_aliases_spelled_alike_the_first_in_ordinal_order_wins()
    {
        var vocabulary = new LifecycleVocabulary
        {
            Values = ["Bêta", "Phase Bêta"],
            Aliases = new Dictionary<string, string> { ["beta"] = "Bêta", ["Beta"] = "Phase Bêta" },
        };

        var folded = vocabulary.Value("BETA");

        Assert.Equal("Phase Bêta", folded.Canonical);
        Assert.Equal(FoldKind.Alias, folded.Kind);
    }

    [Fact]
    public void An_alias_to_the_word_as_written_is_exact_when_nothing_is_declared()
    {
        var vocabulary = new LifecycleVocabulary { Aliases = new Dictionary<string, string> { ["bêta"] = "Bêta" } };

        Assert.Equal(new Folded("Bêta", "Bêta", FoldKind.Exact), vocabulary.Value("Bêta"));
    }

    [Fact]
    public void Of_two_equally_near_words_the_first_in_ordinal_order_is_suggested()
    {
        var vocabulary = new LifecycleVocabulary { Values = ["Zeta", "Beta"] };

        Assert.Equal(new Folded("Xeta", "Xeta", FoldKind.Unknown, "Beta"), vocabulary.Value("Xeta"));
    }

    [Theory]
    [InlineData("Phase Découverte", "Discovery")]
    [InlineData("Concept", "Discovery")]
    [InlineData("Expérimentation", "Experimentation")]
    [InlineData("Experimental", "Experimentation")]
    [InlineData("Maturing", "Development")]
    [InlineData("Phase Bêta", "Beta")]
    [InlineData("Production", "Production")]
    [InlineData("Stable", "Production")]
    [InlineData("Inactive", "Dormant")]
    [InlineData("Dormant", "Dormant")]
    [InlineData("Abandonné", "Abandoned")]
    [InlineData("Deprecated", "Abandoned")]
    [InlineData("Archivé", "Archived")]
    public void Usual_lifecycle_words_name_their_stage_in_french_and_english(string word, string stage) =>
        Assert.Equal(Enum.Parse<LifecycleStage>(stage), LifecycleVocabulary.StageOf(word));

    [Fact]
    public void Phases_rank_in_the_order_of_a_repository_s_life_the_organization_s_own_words_after_production_and_retired_phases_last()
    {
        var vocabulary = new LifecycleVocabulary { Values = ["Diffusé", "Phase Bêta", "Incubé", "Abandonné", "Phase Découverte"] };
        string[] words = ["Abandonné", "Incubé", "Dormant", "Production", "Phase Bêta", "Non déclaré", "Diffusé", "Phase Découverte", "Experimental"];

        var ordered = words.OrderBy(vocabulary.Rank).ToArray();

        Assert.Equal(["Phase Découverte", "Experimental", "Phase Bêta", "Production", "Diffusé", "Incubé", "Non déclaré", "Dormant", "Abandonné"], ordered);
        Assert.All(ordered[..^2], w => Assert.True(vocabulary.Rank(w) < LifecycleVocabulary.RetiredRank));
        Assert.All(ordered[^2..], w => Assert.True(vocabulary.Rank(w) >= LifecycleVocabulary.RetiredRank));
    }
}
