using System.Text.RegularExpressions;
using ApprovalTests;
using ApprovalTests.Namers;
using ApprovalTests.Reporters;
using ApprovalTests.Writers;
using CQEN.ProfileGen.Snapshots;
using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.Rendering;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>
/// What a reviewer and a maintainer read, as `publish` writes it through the stand-in for the
/// 230-repository organization of issue 23 with the starter configuration: the first pull
/// request's body and job summary, then — after the first proposal was merged and three data
/// changes came in two weeks — the updated pull request's body (each change named: repository,
/// field, old → new, since the previous proposal and since main) and that run's job summary.
/// </summary>
[UseReporter(typeof(QuietReporter))]
public sealed class PublishProposalApprovalTests() : EndToEndTest(repos: 0, token: "ghs_test-proposalApproval0000-0000000000000001")
{
    private const string Branch = "profilegen/profile-readme";

    protected override void Arrange(GitHubState state)
    {
        state.AddOrg(Org, "Organisation org");
        state.AddRepo(Org, ".github", r => r.Commit("main", new Dictionary<string, string> { ["README.md"] = "# .github\n" }));
    }

    private static OrgSnapshot With(OrgSnapshot snapshot, string name, Func<RepoSnapshot, RepoSnapshot> change) =>
        snapshot with { Repos = [.. snapshot.Repos.Select(r => r.Name == name ? change(r) : r)] };

    private async Task<(CliResult Result, string Summary)> Publish(OrgSnapshot snapshot, string name)
    {
        var file = Path.Combine(Dir, name + ".json");
        File.WriteAllText(file, SnapshotJson.Serialize(snapshot));
        var summary = Path.Combine(Dir, name + ".summary.md");
        Cli.Variables["GITHUB_ACTIONS"] = "true";
        Cli.Variables["GITHUB_STEP_SUMMARY"] = summary;
        Cli.Variables["GITHUB_OUTPUT"] = Path.Combine(Dir, name + ".output");
        var result = await Run("publish", "--snapshot", file);
        Assert.True(result.ExitCode == 0, result.Error);
        return (result, File.ReadAllText(summary));
    }

    // The commits' ids depend on the stand-in's clock: the hidden record of them is left out of the approved text.
    private static string Stable(string text) => Regex.Replace(text, "<!-- profilegen:commits [0-9a-f ]+ -->", "<!-- profilegen:commits … -->");

    private static void Approve(string text, string kind)
    {
        using (ApprovalResults.ForScenario(kind))
        {
            Approvals.Verify(new ApprovalTextWriter(Stable(text), "md"));
        }
    }

    [Fact]
    public async Task The_first_pull_request_and_an_update_after_three_data_changes_read_as_approved()
    {
        var init = await Cli.RunAsync(["init", "--org", Org]);
        Assert.True(init.ExitCode == 0, init.Error);
        var merged = StarterProfileTests.Organization();

        var (_, firstSummary) = await Publish(merged, "first");
        var first = Assert.Single(Profile.Pulls);
        var firstBody = first.Body;

        // A maintainer merges it; GitHub closes the pull request and deletes its branch.
        lock (GitHub.State.Gate)
        {
            MergeProposal();
            first.State = "closed";
            Profile.Git.Refs.Remove("refs/heads/" + Branch);
        }
        // Last week: one repository archived; this week: a lifecycle moved and a description rewritten.
        var lastWeek = With(merged, "depot-040", r => r with { Archived = true });
        await Publish(lastWeek, "last-week");
        var thisWeek = With(With(lastWeek, "depot-100", r => r with { Badges = [.. r.Badges.Select(b => b with { Message = "Production" })] }),
            "depot-150", r => r with { Description = "Une toute nouvelle description." });
        var (_, updateSummary) = await Publish(thisWeek, "this-week");

        var update = Profile.Pulls.Single(p => p.State == "open");
        var sinceProposal = update.Body[update.Body.IndexOf("### Depuis la proposition précédente (2)", StringComparison.Ordinal)..update.Body.IndexOf("### Depuis main (3)", StringComparison.Ordinal)];
        Assert.Contains("- [depot-100](https://github.com/org/depot-100) : cycle de vie : Phase Découverte → Production", sinceProposal, StringComparison.Ordinal);
        Assert.Contains("- [depot-150](https://github.com/org/depot-150) : description : « Le dépôt depot-150, qui fait une chose utile pour l'organisation. » → « Une toute nouvelle description. »", sinceProposal, StringComparison.Ordinal);
        Assert.DoesNotContain("depot-040", sinceProposal, StringComparison.Ordinal);
        var sinceMain = update.Body[update.Body.IndexOf("### Depuis main (3)", StringComparison.Ordinal)..];
        Assert.Contains("- [depot-040](https://github.com/org/depot-040) : archivé; n'est plus présenté par le profil", sinceMain, StringComparison.Ordinal);

        Approve(firstBody, "first-body");
        Approve(firstSummary, "first-summary");
        Approve(update.Body, "update-body");
        Approve(updateSummary, "update-summary");
    }
}
