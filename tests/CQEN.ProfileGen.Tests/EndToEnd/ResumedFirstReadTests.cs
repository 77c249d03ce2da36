using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CQEN.ProfileGen.Cli;
using CQEN.ProfileGen.GitHub;
using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>
/// A first read that does not fit the job's time (issue #22: 36 modelled minutes at 20,000
/// repositories against the starter workflow's 15) stops in time when the run keeps a read cache:
/// it keeps what it read, publishes and writes nothing, says so in one line with its own exit
/// code, and the next runs go on from there until one completes and renders what a whole read
/// renders. Timed on the stand-in's cost model: the reader's clock is GitHub's modelled time.
/// </summary>
public sealed partial class ResumedFirstReadTests() : EndToEndTest(repos: 229, token: "ghs_resumedReadToken0000000000000000000001")
{
    private const int Repositories = 230; // and the organization's .github

    private string Cache => Path.Combine(Dir, "cache");

    private string OutputOf(string name) => Path.Combine(Dir, name);

    /// <summary>The reader's timing follows GitHub's modelled clock; the rest of the run keeps the virtual clock (dates, waits).</summary>
    private sealed class ModelledTime(StandInGitHubServer github, TimeProvider dates) : TimeProvider
    {
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => (long)(github.ModelledSeconds * TimeSpan.TicksPerSecond);

        public override DateTimeOffset GetUtcNow() => dates.GetUtcNow();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => dates.CreateTimer(callback, state, dueTime, period);
    }

    // GitHub's costs, and the command line timing its read on them.
    private void UnderGitHubsCosts(string list)
    {
        GitHub.Costs = new CostModel();
        Cli.Clock = new ModelledTime(GitHub, Cli.Clock);
        Cli.Variables["PROFILEGEN_LIST"] = list;
    }

    // The job's time: the read itself may take this share of what a whole read takes here, plus the
    // margin the reader leaves for what comes before and after it. Every run lists the organization
    // and asks its first page again, so a run reads less than its share of the time; the shares
    // below make the first run read about a third of the organization (its first 100 of 230).
    private TimeSpan GivenAShareOfTheRead(double wholeReadSeconds, double share)
    {
        var read = TimeSpan.FromSeconds(wholeReadSeconds * share);
        var budget = read + GraphQlOrgReader.LeastMargin;
        Assert.InRange((GraphQlOrgReader.ReadTimeWithin(budget) - read).Duration(), TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
        Cli.Variables["PROFILEGEN_TIMEOUT_MINUTES"] = budget.TotalMinutes.ToString("R", CultureInfo.InvariantCulture);
        return read;
    }

    // GitHub's costs, a whole read rendered to whole.md (what a completed run must match), then the
    // job's time set to a share of that read.
    private async Task<TimeSpan> AfterAWholeReadGivenAShareOfItAsync(string list, double share)
    {
        UnderGitHubsCosts(list);
        var (whole, wholeSeconds) = await Timed(() => Render("whole.md", cached: false));
        Assert.True(whole.ExitCode == 0, whole.Error);
        return GivenAShareOfTheRead(wholeSeconds, share);
    }

    private async Task<(CliResult Result, double Seconds)> Timed(Func<Task<CliResult>> run)
    {
        var before = GitHub.ModelledSeconds;
        var result = await run();
        return (result, GitHub.ModelledSeconds - before);
    }

    private Task<CliResult> Render(string output, bool cached = true) =>
        cached ? Run("render", "--reader", "graphql", "--cache-dir", Cache, "--output", OutputOf(output))
            : Run("render", "--reader", "graphql", "--output", OutputOf(output));

    private string[] ReposInFileBatches => [.. GitHub.Log.All.Where(r => r.Body?.Contains("query Files", StringComparison.Ordinal) == true)
        .SelectMany(r => JsonNode.Parse(r.Body!)!["variables"]!.AsObject().Where(v => v.Key.StartsWith('n')).Select(v => (string)v.Value!))];

    [Fact]
    public async Task A_stopped_read_whose_cache_cannot_be_written_says_the_next_run_starts_over_and_leaves_no_stray_file()
    {
        await AfterAWholeReadGivenAShareOfItAsync("graphql", 0.85);
        var first = await Render("first.md");
        Stopped(first);
        // The cache's own file becomes a folder: the next save cannot replace it.
        var file = Assert.Single(Directory.GetFiles(Cache, "repositories-*.json"));
        File.Delete(file);
        Directory.CreateDirectory(file);

        var second = await Render("second.md");

        Assert.Equal(ExitCodes.ReadUnfinished, second.ExitCode);
        var line = Assert.Single(second.ErrorLines, l => l.StartsWith("profilegen: the read of 'org' stopped", StringComparison.Ordinal));
        Assert.Contains($"the read cache could not be written ({file}: ", line, StringComparison.Ordinal);
        Assert.EndsWith("the next run starts over; give the job a writable cache folder, or more time (timeout-minutes); nothing was published or written", line, StringComparison.Ordinal);
        Assert.DoesNotMatch(StoppedLine(), line); // never "kept" when it was not
        Assert.False(File.Exists(OutputOf("second.md")));
        Assert.Empty(Directory.GetFiles(Cache, "*.tmp"));
    }

    // The repositories the read cache holds.
    private string[] KeptInCache => [.. JsonNode.Parse(File.ReadAllText(Assert.Single(Directory.GetFiles(Cache, "repositories-*.json"))))!["repos"]!.AsObject().Select(r => r.Key)];

    [GeneratedRegex(@"^profilegen: the read of 'org' stopped before the run's time ran out: (?<read>[\d,]+) of its (?<total>[\d,]+) repositories are read and kept in the read cache \((?<now>[\d,]+) of them by this run\); the next run goes on from there; nothing was published or written$", RegexOptions.CultureInvariant)]
    private static partial Regex StoppedLine();

    // The one line a stopped read ends with: how many of how many are read.
    private static (int Read, int Total) Stopped(CliResult result)
    {
        Assert.True(result.ExitCode == ExitCodes.ReadUnfinished, $"exit {result.ExitCode}: {result.Error}");
        var match = StoppedLine().Match(Assert.Single(result.ErrorLines, l => StoppedLine().IsMatch(l)));
        Assert.DoesNotContain(result.ErrorLines, l => l.Contains("error:", StringComparison.Ordinal));
        return (int.Parse(match.Groups["read"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture), int.Parse(match.Groups["total"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
    }

    // The requests that write: a commit, a branch, a pull request (REST or a GraphQL mutation).
    private LoggedRequest[] Writes => [.. GitHub.Log.All.Where(r => r.Method is "PUT" or "PATCH" or "DELETE"
        || (r.Method == "POST" && (!r.Path.EndsWith("/graphql", StringComparison.Ordinal) || r.Body?.TrimStart().StartsWith("{\"query\":\"mutation", StringComparison.Ordinal) == true || r.Body?.Contains("mutation ", StringComparison.Ordinal) == true)))];

    [Theory]
    [InlineData("graphql", 0.85)]
    [InlineData("rest", 0.9)]
    public async Task A_first_read_given_a_share_of_its_time_stops_cleanly_the_next_run_goes_on_and_the_third_renders_what_a_whole_read_renders(string list, double share)
    {
        var readTime = await AfterAWholeReadGivenAShareOfItAsync(list, share);
        GitHub.Log.Clear();

        var (first, firstSeconds) = await Timed(() => Render("first.md"));
        var keptFirst = KeptInCache;
        GitHub.Log.Clear();
        var (second, secondSeconds) = await Timed(() => Render("second.md"));
        var readSecond = ReposInFileBatches;
        var (third, _) = await Timed(() => Render("third.md"));

        var (afterFirst, total) = Stopped(first);
        Assert.Equal(Repositories, total);
        Assert.InRange(afterFirst, Repositories / 4, Repositories / 2);
        Assert.False(File.Exists(OutputOf("first.md")));
        Assert.Single(Directory.GetFiles(Cache, "repositories-*.json"));
        var (afterSecond, _) = Stopped(second);
        Assert.InRange(afterSecond, afterFirst + 1, Repositories - 1);
        Assert.False(File.Exists(OutputOf("second.md")));
        Assert.NotEmpty(readSecond);
        Assert.Equal(afterFirst, keptFirst.Length);
        Assert.Empty(readSecond.Intersect(keptFirst)); // what the first run read and kept is not read again
        Assert.True(third.ExitCode == 0, third.Error);
        Assert.Equal(File.ReadAllBytes(OutputOf("whole.md")), File.ReadAllBytes(OutputOf("third.md")));
        // Each stopped run ended within the read's time: no request was asked that would not end in it.
        Assert.All(new[] { firstSeconds, secondSeconds }, s => Assert.InRange(s, 0, readTime.TotalSeconds));
    }

    [Fact]
    public async Task A_publish_that_stops_early_creates_no_branch_commit_or_pull_request_and_says_so_in_the_job_summary()
    {
        await AfterAWholeReadGivenAShareOfItAsync("rest", 0.9);
        var summary = Path.Combine(Dir, "summary.md");
        Cli.Variables["GITHUB_ACTIONS"] = "true";
        Cli.Variables["GITHUB_STEP_SUMMARY"] = summary;
        Cli.Variables["GITHUB_OUTPUT"] = Path.Combine(Dir, "output");
        var branches = Profile.Git.Refs.Keys.ToArray();
        GitHub.Log.Clear();

        var publish = await Run("publish", "--reader", "graphql", "--cache-dir", Cache);

        var (read, total) = Stopped(publish);
        Assert.InRange(read, 1, total - 1);
        Assert.Empty(Writes);
        Assert.Equal(branches, Profile.Git.Refs.Keys.ToArray());
        Assert.Contains(publish.ErrorLines, l => l.StartsWith("::warning title=profilegen::the read of 'org' stopped before the run", StringComparison.Ordinal));
        var sentences = File.ReadAllLines(summary).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
        // In the profile's language (French by default), as the rest of the summary.
        Assert.Equal($"**Lecture interrompue** : la lecture de « org » s'est arrêtée avant la fin du temps de l'exécution; {read} de ses {total} dépôts sont lus et gardés dans le cache de lecture ({read} par cette exécution). La prochaine exécution reprend à partir de là; rien n'a été publié ni écrit.", Assert.Single(sentences));
        Assert.Contains("status=failed", File.ReadAllText(Path.Combine(Dir, "output")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("damaged")]
    [InlineData("foreign")]
    public async Task A_damaged_or_foreign_cache_left_by_a_stopped_read_is_ignored_with_a_notice_and_the_next_run_reads_everything(string kind)
    {
        await AfterAWholeReadGivenAShareOfItAsync("rest", 0.9);
        Stopped(await Render("first.md"));
        var file = Assert.Single(Directory.GetFiles(Cache, "repositories-*.json"));
        File.WriteAllText(file, kind == "damaged"
            ? File.ReadAllText(file)[..100]
            : File.ReadAllText(file).Replace($" {Org}\"", " another-org\"", StringComparison.Ordinal));
        Cli.Variables["PROFILEGEN_TIMEOUT_MINUTES"] = "60";
        GitHub.Log.Clear();

        var rerun = await Render("rerun.md");

        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Contains(rerun.ErrorLines, l => l.StartsWith("profilegen: warning: the read cache ", StringComparison.Ordinal) && l.Contains("was ignored", StringComparison.Ordinal));
        Assert.Equal(Repositories, ReposInFileBatches.Distinct().Count());
        Assert.Equal(File.ReadAllBytes(OutputOf("whole.md")), File.ReadAllBytes(OutputOf("rerun.md")));
    }

    [Fact]
    public async Task Without_a_read_cache_a_read_that_will_not_fit_is_warned_of_and_reads_on_to_the_end()
    {
        await AfterAWholeReadGivenAShareOfItAsync("rest", 0.1);

        var hurried = await Render("hurried.md", cached: false);

        Assert.True(hurried.ExitCode == 0, hurried.Error);
        Assert.DoesNotContain(hurried.ErrorLines, l => StoppedLine().IsMatch(l));
        Assert.Equal(File.ReadAllBytes(OutputOf("whole.md")), File.ReadAllBytes(OutputOf("hurried.md")));
    }
}
