using CQEN.ProfileGen.Cli;

namespace CQEN.ProfileGen.Tests.Cli;

public class GitHubActionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("profilegen-actions-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    [Theory]
    [InlineData("profilegen.yml:3:18: 'x' must be true or false", "::error file=profilegen.yml,line=3,col=18::'x' must be true or false")]
    [InlineData("templates/a,b.sbn:1:2: 100% broken", "::error file=templates/a%2Cb.sbn,line=1,col=2::100%25 broken")]
    [InlineData("GitHub found no organization 'x' (404)", "::error::GitHub found no organization 'x' (404)")]
    public void Errors_become_annotations_on_the_file_and_line(string message, string expected) =>
        Assert.Equal(expected, GitHubActions.ErrorAnnotation(message));

    [Fact]
    public void A_stopped_read_s_job_summary_speaks_the_profile_s_language_with_its_counts()
    {
        var stopped = new ProfileGen.GitHub.ReadUnfinishedException("CQEN-QDCE", 4_400, 20_001, 1_200);

        Assert.Equal(
            "### Profil de l'organisation\n\n**Lecture interrompue** : la lecture de « CQEN-QDCE » s'est arrêtée avant la fin du temps de l'exécution; 4\u00a0400 de ses 20\u00a0001 dépôts sont lus et gardés dans le cache de lecture (1\u00a0200 par cette exécution). La prochaine exécution reprend à partir de là; rien n'a été publié ni écrit.\n",
            GitHubActions.UnfinishedSummary(stopped, ProfileGen.ProfileCulture.French));
        Assert.Equal(
            "### Profile README\n\n**Read stopped**: the read of 'CQEN-QDCE' stopped before the run's time ran out; 4,400 of its 20,001 repositories are read and kept in the read cache (1,200 of them by this run). The next run goes on from there; nothing was published or written.\n",
            GitHubActions.UnfinishedSummary(stopped, ProfileGen.ProfileCulture.English));
    }

    [Fact]
    public void A_stopped_read_whose_cache_could_not_be_written_says_why_in_the_summary_as_text_not_markdown()
    {
        var stopped = new ProfileGen.GitHub.ReadUnfinishedException("org", 10, 230, 10, "/cache/**x**/<img src=y>: Access denied");

        var summary = GitHubActions.UnfinishedSummary(stopped, ProfileGen.ProfileCulture.French);

        Assert.StartsWith("### Profil de l'organisation\n\n**Lecture interrompue** : ", summary, StringComparison.Ordinal);
        Assert.Contains("La prochaine exécution recommence du début", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("**x**", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configuration_error_in_an_action_is_annotated()
    {
        File.WriteAllText(Path.Combine(_dir, "profilegen.yml"), "sort: random\n");
        var cli = new CliHarness { CurrentDirectory = _dir };
        cli.Variables["GITHUB_ACTIONS"] = "true";
        var result = await cli.RunAsync("render", "--snapshot", CliHarness.Sample("cqen-qdce.snapshot.json"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("::error file=", result.Error);
        Assert.Contains("profilegen.yml,line=1,col=7::'sort' must be one of name, pushed, stars (got 'random')", result.Error);
    }
}
