using CQEN.ProfileGen.GitHub;

namespace CQEN.ProfileGen.Tests.GitHub;

/// <summary>The size list pages and file batches ask for when GitHub finds a request too heavy.</summary>
public class AdaptiveSizeTests
{
    [Fact]
    public void A_refusal_halves_the_size_and_three_answers_in_a_row_double_it_back_to_where_it_started()
    {
        var size = new AdaptiveSize(100);

        size.TooHeavy(100);
        Assert.Equal(50, size.Value);
        size.Answered();
        size.Answered();
        Assert.Equal(50, size.Value);
        size.Answered();
        Assert.Equal(100, size.Value);
        for (var i = 0; i < AdaptiveSize.GrowAfter; i++)
        {
            size.Answered();
        }
        Assert.Equal(100, size.Value); // never past the start
    }

    [Fact]
    public void A_size_refused_twice_is_never_grown_back_to()
    {
        var size = new AdaptiveSize(100);
        size.TooHeavy(100);
        for (var i = 0; i < AdaptiveSize.GrowAfter; i++)
        {
            size.Answered();
        }
        size.TooHeavy(100);
        for (var i = 0; i < 3 * AdaptiveSize.GrowAfter; i++)
        {
            size.Answered();
        }

        Assert.Equal(50, size.Value);
    }

    [Fact]
    public void A_ceiling_learned_by_an_earlier_run_is_where_it_starts_and_the_most_it_grows_to()
    {
        var size = new AdaptiveSize(100);

        size.CapAt(50);
        Assert.Equal((50, 50), (size.Value, size.Ceiling));
        for (var i = 0; i < 3 * AdaptiveSize.GrowAfter; i++)
        {
            size.Answered();
        }
        Assert.Equal(50, size.Value);

        size.CapAt(500); // a ceiling above the start never raises it
        Assert.Equal((50, 50), (size.Value, size.Ceiling));
    }

    [Fact]
    public void A_refused_part_smaller_than_the_size_halves_from_the_part_and_never_below_one()
    {
        var size = new AdaptiveSize(100);

        size.TooHeavy(30);
        Assert.Equal(15, size.Value);
        size.TooHeavy(1);
        Assert.Equal(1, size.Value);
    }
}
