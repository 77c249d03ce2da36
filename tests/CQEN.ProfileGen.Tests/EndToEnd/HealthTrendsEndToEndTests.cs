using System.Text.Json;
using System.Xml.Linq;
using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>
/// Week after week through `publish` against the stand-in, for a French profile: the health card
/// is committed with the README and its other cards, an unchanged week writes nothing, and after a
/// week of changes (CI turned red, a security policy added, a repository gone stale, one archived)
/// the job summary and the pull request open with what changed since the last update.
/// </summary>
public sealed class HealthTrendsEndToEndTests() : EndToEndTest(repos: 0, token: "ghs_test-trendsToken000000000-0000000000000001")
{
    private const string Branch = "profilegen/profile-readme";
    private const string Facts = "profile/.profilegen/facts.json";
    private static readonly string[] HealthCard = ["profile/cards/health-dark.svg", "profile/cards/health-light.svg"];

    // The command line's clock (CliHarness): the organization is read "now".
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    protected override void Arrange(GitHubState state)
    {
        state.AddOrg(Org, "Organisation", "Une organisation de test");
        // The organization's defaults: a code of conduct, no security policy.
        state.AddRepo(Org, ".github", r =>
        {
            r.PushedAt = Now.AddDays(-3);
            r.Commit("main", new Dictionary<string, string> { ["README.md"] = "# .github\n", ["CODE_OF_CONDUCT.md"] = "# Code de conduite\n" });
        });
        void Repo(string name, int daysAgo, Dictionary<string, string>? files = null) => state.AddRepo(Org, name, r =>
        {
            r.Description = $"Le dépôt {name}";
            r.PushedAt = Now.AddDays(-daysAgo);
            r.Commit("main", new Dictionary<string, string>(files ?? []) { ["README.md"] = $"# {name}\n" });
            r.SetCi("SUCCESS");
        });
        Repo("rouge", 5, new() { ["SECURITY.md"] = "# Sécurité\n" });
        Repo("securise", 10);
        Repo("vieillit", 300);
        Repo("range", 20);
        Repo("stable", 3);
    }

    private async Task<(CliResult Result, string Summary)> Publish(string name)
    {
        var summary = Path.Combine(Dir, name + ".summary.md");
        Cli.Variables["GITHUB_ACTIONS"] = "true";
        Cli.Variables["GITHUB_STEP_SUMMARY"] = summary;
        Cli.Variables["GITHUB_OUTPUT"] = Path.Combine(Dir, name + ".output");
        var result = await Run("publish");
        Assert.True(result.ExitCode == 0, result.Error);
        return (result, File.Exists(summary) ? File.ReadAllText(summary) : "");
    }

    private SortedDictionary<string, string> TreeAt(string gitRef)
    {
        lock (GitHub.State.Gate)
        {
            return new(Profile.Git.Trees[Profile.Git.Commits[Profile.Git.Resolve(gitRef)!].Tree], StringComparer.Ordinal);
        }
    }

    [Fact]
    public async Task The_health_card_is_committed_with_the_profile_and_an_unchanged_week_writes_nothing()
    {
        await Publish("first");

        Assert.Equal(1, GitHub.Log.CommitsCreated);
        var tree = TreeAt(Branch);
        Assert.All(HealthCard, card => Assert.Contains(card, tree.Keys));
        var readme = Profile.TextAt(Branch, "profile/README.md")!;
        Assert.Contains("<source media=\"(prefers-color-scheme: dark)\" srcset=\"cards/health-dark.svg\"><img src=\"cards/health-light.svg\"", readme, StringComparison.Ordinal);
        using (var facts = JsonDocument.Parse(Profile.TextAt(Branch, Facts)!))
        {
            var recorded = facts.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToArray();
            Assert.All(HealthCard, card => Assert.Contains(card, recorded));
        }
        // What the card says is what the organization holds: five repositories, one policy of its own, the code of conduct inherited.
        var desc = XDocument.Parse(Profile.TextAt(Branch, HealthCard[1])!).Root!.Elements().Single(e => e.Name.LocalName == "desc").Value;
        Assert.StartsWith("Santé des dépôts\u00A0: 5 dépôts; politique de sécurité\u00A0: propre au dépôt (1), hérité du dépôt .github (0), absent (4); "
            + "code de conduite\u00A0: propre au dépôt (0), hérité du dépôt .github (5), absent (0); "
            + "guide de contribution\u00A0: propre au dépôt (0), hérité du dépôt .github (0), absent (5); "
            + "intégration continue\u00A0: réussie (5), en échec (0), inconnu (0); ", desc, StringComparison.Ordinal);
        Assert.Contains("activité\u00A0: actif (4), ralenti (1), inactif (0).", desc, StringComparison.Ordinal);

        GitHub.Log.Clear();
        var again = await Run("publish", "--detailed-exitcode");

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Empty(GitHub.Log.Writes);
    }

    [Fact]
    public async Task After_a_week_of_changes_the_french_job_summary_opens_with_what_changed_since_the_last_update()
    {
        await Publish("first");
        lock (GitHub.State.Gate)
        {
            MergeProposal();
            // A week later: rouge's checks fail, securise gets a security policy, vieillit has gone stale, range is archived.
            GitHub.State.Repo(Org, "rouge").SetCi("FAILURE");
            GitHub.State.Repo(Org, "securise").Commit("main", new Dictionary<string, string> { ["SECURITY.md"] = "# Sécurité\n" }, "Politique de sécurité");
            GitHub.State.Repo(Org, "vieillit").PushedAt = Now.AddDays(-400);
            GitHub.State.Repo(Org, "range").Archived = true;
        }

        var (_, summary) = await Publish("second");

        // The outcome's line, then the change lists, before the cards, the diff and the audit.
        var headings = summary.Split('\n').Where(l => l.StartsWith("### ", StringComparison.Ordinal)).ToArray();
        Assert.Equal("### Profil de l'organisation", headings[0]);
        Assert.StartsWith("### Depuis ", headings[1], StringComparison.Ordinal);
        var lists = summary[summary.IndexOf(headings[1], StringComparison.Ordinal)..];
        lists = lists[..lists.IndexOf(headings.Skip(1).First(h => !h.StartsWith("### Depuis ", StringComparison.Ordinal)), StringComparison.Ordinal)];
        Assert.True(summary.IndexOf(headings[1], StringComparison.Ordinal) < summary.IndexOf("<details>", StringComparison.Ordinal));
        var sinceMain = lists[lists.IndexOf("### Depuis main", StringComparison.Ordinal)..];
        Assert.Contains("intégration continue passée au rouge", Line(sinceMain, "rouge"), StringComparison.Ordinal);
        Assert.Contains("politique de sécurité ajoutée (propre au dépôt)", Line(sinceMain, "securise"), StringComparison.Ordinal);
        Assert.Contains("devenu inactif", Line(sinceMain, "vieillit"), StringComparison.Ordinal);
        Assert.Contains("archivé", Line(sinceMain, "range"), StringComparison.Ordinal);
        Assert.DoesNotContain("[stable]", sinceMain, StringComparison.Ordinal);
        Assert.Empty(EnglishSentences.In(lists, ["rouge", "securise", "vieillit", "range", "main"]));
        // The pull request's body tells the same story.
        var body = Profile.Pulls.Single().Body;
        Assert.Contains(Line(sinceMain, "rouge"), body, StringComparison.Ordinal);
        Assert.Contains(Line(sinceMain, "range"), body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_first_publish_s_job_summary_has_no_change_list_as_nothing_was_published_before()
    {
        var (_, summary) = await Publish("first");

        Assert.StartsWith("### Profil de l'organisation", summary.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.DoesNotContain("### Depuis ", summary, StringComparison.Ordinal);
    }

    private static string Line(string list, string repo) =>
        list.Split('\n').FirstOrDefault(l => l.StartsWith($"- [{repo}]", StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"no change line for {repo} in:\n{list}");
}
