using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Publishing;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>An organization of several thousand repositories: the pull request stays reviewable on GitHub.</summary>
public sealed class AnySizeEndToEndTests() : EndToEndTest(repos: 3_000, token: "ghs_test-anySizeToken00000000-00000000000000001")
{
    [Fact]
    public async Task Publishing_three_thousand_repositories_writes_a_readme_under_the_budget_and_a_pull_request_body_with_capped_lists()
    {
        var result = await Run("publish");

        Assert.True(result.ExitCode == 0, result.Error);
        var readme = Profile.TextAt("profilegen/profile-readme", "profile/README.md")!;
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(readme), 1, SizeLimits.DefaultMaxBytes);
        // The exact count of the repositories the default filters keep (public, not archived, not forks), all of them.
        var kept = GitHub.State.Repos.Values.Count(r => r.Owner == Org && r.Visibility == "public" && !r.Archived && !r.Fork && r.Name != ".github");
        Assert.Contains($"{kept / 1000}\u00A0{kept % 1000:000} dépôts", readme, StringComparison.Ordinal);
        Assert.Contains(" autres</summary>", readme, StringComparison.Ordinal);
        Assert.Contains(" · … [tous les dépôts de l'organisation sur GitHub](", readme, StringComparison.Ordinal);

        var body = Assert.Single(Profile.Pulls).Body;
        Assert.InRange(body.Length, 1, PullRequestText.MaxBodyLength);
        var listed = body.Split('\n').Count(l => l.StartsWith("- `", StringComparison.Ordinal));
        Assert.Equal(PullRequestText.MaxNamesPerList, listed); // one list (added), capped
        Assert.Contains("- … et ", body, StringComparison.Ordinal);
    }
}
