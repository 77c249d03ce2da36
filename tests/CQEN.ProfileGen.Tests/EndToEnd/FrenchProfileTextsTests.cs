using System.Text.Json;
using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>
/// A French profile (fr-CA, the default) hears French from every text the tool writes for it:
/// the pull request's title, body and comments, the commit messages, the job summary with its
/// audit, the findings' annotations, and `audit`'s table and --json messages — through a first
/// fill, an update, a close and a blocked run, against the stand-in, with findings. Code spans,
/// URLs, rule ids and the organization's own data are not the tool's sentences and are left out.
/// </summary>
public sealed class FrenchProfileTextsTests() : EndToEndTest(repos: 5, token: "ghs_test-frenchToken000000000-0000000000000001")
{
    private const string Branch = "profilegen/profile-readme";

    protected override void Arrange(GitHubState state)
    {
        // Findings of every kind the organizations in the corpus have.
        state.AddRepo("org", "exp-anig", r =>
        {
            r.Description = "Attestations numériques";
            r.License = ("other", "Other", "NOASSERTION");
            r.Commit("main", new Dictionary<string, string>
            {
                ["README.md"] = "<!-- ENTETE -->\n[![img](https://img.shields.io/badge/Lifecycle-Experimental-339999)](https://www.quebec.ca/)\n[![License](https://img.shields.io/badge/License-LiLiQ--P-blue)](LICENCE.md)\n<!-- FIN ENTETE -->\n",
                ["LICENSE"] = StandInData.LiLiQRText,
            });
        });
        state.AddRepo("org", "oca-browser", r =>
        {
            r.License = ("mit", "MIT License", "MIT");
            r.Commit("main", new Dictionary<string, string>
            {
                ["README.md"] = "[![img](https://img.shields.io/badge/Cycle%20de%20vie-Maturing-339999)](https://www.quebec.ca/)\n<!-- FIN ENTETE -->\n\n# OCA\n\nUn navigateur.\n",
                ["LICENSE"] = StandInData.MitText,
            });
        });
        state.AddRepo("org", "sans-licence", r => r.Commit("main", new Dictionary<string, string> { ["README.md"] = "# Sans licence\n\nUn dépôt.\n" }));
        File.WriteAllText(Path.Combine(Dir, "profilegen.yml"), "culture: fr-CA\nlifecycle:\n  labels: [Cycle de vie]\n  values: [Phase Découverte, Expérimentation, Phase Bêta]\n  aliases:\n    Lifecycle: Cycle de vie\n");
    }

    private readonly List<(string Where, string Text)> _written = [];

    private string Summary => Path.Combine(Dir, "summary.md");

    // One run in GitHub Actions: its job summary and its annotations are texts it wrote.
    private async Task<CliResult> Step(string what, params string[] args)
    {
        File.Delete(Summary);
        var result = await Run(args[0], args[1..]);
        if (File.Exists(Summary))
        {
            _written.Add(($"{what}: job summary", File.ReadAllText(Summary)));
        }
        foreach (var annotation in result.ErrorLines.Where(l => l.StartsWith("::error", StringComparison.Ordinal) || l.StartsWith("::warning", StringComparison.Ordinal) || l.StartsWith("::notice", StringComparison.Ordinal)))
        {
            _written.Add(($"{what}: annotation", annotation[(annotation.IndexOf("::", 2, StringComparison.Ordinal) + 2)..]));
        }
        if (args[0] == "publish" && !args.Contains("--dry-run"))
        {
            // The console: the plan of writes, its notes, a blocked run's reason. (A dry run's
            // console also shows doctor's preflight table, which is not French yet.)
            _written.AddRange(result.ErrorLines.Where(l => l.StartsWith("profilegen: ", StringComparison.Ordinal)).Select(l => ($"{what}: console", l["profilegen: ".Length..])));
        }
        return result;
    }

    private void PullRequestTexts(string what)
    {
        lock (GitHub.State.Gate)
        {
            foreach (var pull in Profile.Pulls)
            {
                _written.Add(($"{what}: title of #{pull.Number}", pull.Title));
                _written.Add(($"{what}: body of #{pull.Number}", pull.Body));
                _written.AddRange(pull.Comments.Select(c => ($"{what}: comment on #{pull.Number}", c)));
            }
            if (Profile.Git.Resolve(Branch) is { } head)
            {
                _written.Add(($"{what}: commit message", Profile.Git.Commits[head].Message));
            }
        }
    }

    // What the organization wrote: names, descriptions, topics, README text; the tool only quotes them.
    private string[] RepositoryData()
    {
        lock (GitHub.State.Gate)
        {
            return GitHub.State.ReposOf(Org).SelectMany(r => new[] { r.Name, r.FullName, r.Description ?? "" }.Concat(r.Topics)).ToArray();
        }
    }

    private void Change(System.Action change)
    {
        lock (GitHub.State.Gate)
        {
            change();
        }
    }

    [Fact]
    public async Task Nothing_the_tool_writes_for_a_french_profile_is_an_english_sentence()
    {
        Cli.Variables["GITHUB_ACTIONS"] = "true";
        Cli.Variables["GITHUB_STEP_SUMMARY"] = Summary;

        // The first fill, with findings.
        Assert.Equal(0, (await Step("first fill", "publish")).ExitCode);
        PullRequestTexts("first fill");

        // An update: three data changes.
        Change(() =>
        {
            GitHub.State.Repo(Org, "projet-00001").Description = "Une nouvelle description";
            GitHub.State.Repo(Org, "projet-00002").Archived = true;
            GitHub.State.Repo(Org, "projet-00003").Language = "Rust";
        });
        Assert.Equal(0, (await Step("update", "publish")).ExitCode);
        PullRequestTexts("update");

        // Merged by hand: the pull request is closed with a comment.
        Change(() => MergeProposal(Branch));
        Assert.Equal(0, (await Step("close", "publish")).ExitCode);
        PullRequestTexts("close");

        // A new proposal, then someone's commit on its branch: the run leaves it alone and says so once.
        Change(() => GitHub.State.Repo(Org, "projet-00001").Description = "Encore une autre description");
        Assert.Equal(0, (await Step("second proposal", "publish", "--dry-run")).ExitCode);
        Assert.Equal(0, (await Step("second proposal", "publish")).ExitCode);
        Change(() => Profile.Commit(Branch, new Dictionary<string, string> { ["NOTES.md"] = "Mes notes\n" }, "Notes"));
        Change(() => GitHub.State.Repo(Org, "projet-00004").Description = "Description changée");
        await Step("blocked", "publish");
        PullRequestTexts("blocked");

        // The audit: its table, and the message of each finding in --json (ids and fields are keys).
        var table = await Step("audit", "audit");
        _written.Add(("audit: table", table.Out));
        var json = await Step("audit --json", "audit", "--json");
        var findings = JsonDocument.Parse(json.Out).RootElement.GetProperty("findings").EnumerateArray().ToArray();
        _written.AddRange(findings.Select(f => ("audit --json: message", f.GetProperty("message").GetString()!)));

        // The check means something: every kind of text was seen, with findings in it.
        Assert.True(findings.Length >= 8, $"{findings.Length} findings");
        foreach (var kind in new[] { "job summary", "annotation", "body of", "title of", "comment on", "commit message", "audit: table", "audit --json", "console" })
        {
            Assert.Contains(_written, w => w.Where.Contains(kind, StringComparison.Ordinal));
        }
        var data = RepositoryData();
        var english = _written.SelectMany(w => EnglishSentences.In(w.Text, data).Select(e => $"{w.Where}: {e}")).Distinct().ToArray();
        Assert.True(english.Length == 0, string.Join("\n", english));
    }

    [Fact]
    public void The_check_finds_today_s_english_and_leaves_code_urls_keys_and_data_alone()
    {
        Assert.NotEmpty(EnglishSentences.In("| exp-anig | license-badge-mismatch | The licence badge says 'LiLiQ-P' but LICENSE is LiLiQ-R-1.1 |"));
        Assert.NotEmpty(EnglishSentences.In("Cost: 3 requests to GitHub (1 GraphQL, 2 REST)."));
        Assert.NotEmpty(EnglishSentences.In("**Blocked**: nothing was changed."));
        Assert.Empty(EnglishSentences.In("Le badge indique `the value is not` ([lien](https://example.com/the/is/not)) <!-- the end --> dans license_overrides et lifecycle.aliases (readme-unreadable)."));
        Assert.Empty(EnglishSentences.In("```diff\n-the old line\n+the new line\n```\n"));
        Assert.Empty(EnglishSentences.In("| Dépôt | Description |\n| projet | The tool of the team |", ["The tool of the team"]));
    }
}
