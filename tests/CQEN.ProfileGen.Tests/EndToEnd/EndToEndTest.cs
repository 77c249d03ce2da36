using CQEN.ProfileGen.Tests.Cli;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.EndToEnd;

/// <summary>
/// What every end-to-end test starts from, built afresh for each test (xUnit makes one instance
/// per test, so a test may change the server's state, faults and clock freely): a stand-in GitHub
/// whose organization "org" holds <paramref name="repos"/> generated repositories plus whatever
/// <see cref="Arrange"/> adds, a token it knows (in GITHUB_TOKEN), an empty working folder the
/// command line runs in, and the real command line aimed at the server as a GitHub Enterprise user
/// aims it. A new end-to-end test class is then a constructor call and its facts:
/// <code>
/// public sealed class MyTests() : EndToEndTest(repos: 12, token: "ghs_test-mine")
/// {
///     [Fact]
///     public async Task Renders() => Assert.Equal(0, (await Run("render")).ExitCode);
/// }
/// </code>
/// </summary>
/// <param name="repos">Repositories generated in "org" (0: no organization; <see cref="Arrange"/> makes its own).</param>
/// <param name="token">A token the server knows, put in GITHUB_TOKEN; null for an anonymous run.</param>
/// <param name="canWrite">Whether that token may write.</param>
public abstract class EndToEndTest(int repos = 12, string? token = null, bool canWrite = true) : IAsyncLifetime
{
    protected const string Org = "org";

    protected StandInGitHubServer GitHub { get; private set; } = null!;

    /// <summary>The command line, run in-process in <see cref="Dir"/> with its own variables and fixed clock.</summary>
    protected CliHarness Cli { get; } = new();

    /// <summary>The command line's clock: it stands still but for the run's waits, which it skips (and counts in Elapsed).</summary>
    protected VirtualClock Clock => Cli.Clock as VirtualClock ?? throw new InvalidOperationException("this test replaced the virtual clock");

    /// <summary>An empty folder of this test's own (deleted after it): the command line's working folder.</summary>
    protected string Dir { get; } = Directory.CreateTempSubdirectory("profilegen-e2e-").FullName;

    protected string Token => token ?? throw new InvalidOperationException("this test class runs without a token");

    /// <summary>The organization's own .github repository, where the profile is published.</summary>
    protected FakeRepo Profile => GitHub.State.Repo(Org, ".github");

    /// <summary>
    /// GraphQL requests of a whole read of <paramref name="org"/> without a read cache: a light page
    /// per FirstPageSize repositories, then a batch per 100 repositories bringing each one's files
    /// (those it has) and its health together, then one per 100 whose README GitHub shows from
    /// .github or docs.
    /// </summary>
    protected int WholeReadRequests(string org = Org)
    {
        lock (GitHub.State.Gate)
        {
            var repos = GitHub.State.ReposOf(org);
            var inFolders = 0;
            foreach (var repo in repos)
            {
                var head = repo.Git.Resolve(repo.DefaultBranch);
                var paths = head is null ? [] : repo.Git.Trees[repo.Git.Commits[head].Tree].Keys.ToArray();
                bool Readme(string folder) => paths.Any(p => p.StartsWith(folder, StringComparison.Ordinal) && !p[folder.Length..].Contains('/')
                    && p[folder.Length..].StartsWith("readme", StringComparison.OrdinalIgnoreCase) && !GitHub.Symlinks.Contains($"{repo.FullName}:{p}"));
                inFolders += Readme(".github/") || (!Readme("") && Readme("docs/")) ? 1 : 0;
            }
            const int PageSize = ProfileGen.GitHub.GraphQlOrgReader.FirstPageSize;
            return (repos.Length + PageSize - 1) / PageSize + (repos.Length + ProfileGen.GitHub.GraphQlOrgReader.FilesPerBatch - 1) / ProfileGen.GitHub.GraphQlOrgReader.FilesPerBatch
                + (inFolders + 99) / 100;
        }
    }

    /// <summary>
    /// A maintainer merges the pull request: <c>main</c> gets every file the branch changed
    /// (the profile, its cards, its facts) in one commit. Call under the state's lock.
    /// </summary>
    protected void MergeProposal(string branch = "profilegen/profile-readme")
    {
        var git = Profile.Git;
        var tree = git.Trees[git.Commits[git.Resolve(branch)!].Tree];
        var main = git.Trees[git.Commits[git.Resolve("main")!].Tree];
        var changed = tree.Where(e => main.GetValueOrDefault(e.Key) != e.Value).ToDictionary(e => e.Key, e => System.Text.Encoding.UTF8.GetString(git.Blobs[e.Value]));
        Profile.Commit("main", changed, "Merge");
    }

    /// <summary>More state for this class's tests, after the organization and the token.</summary>
    protected virtual void Arrange(GitHubState state)
    {
    }

    /// <summary><c>profilegen VERB --api-url STAND-IN --org org ARGS…</c></summary>
    protected Task<CliResult> Run(string verb, params string[] args) =>
        Cli.RunAsync([verb, "--api-url", GitHub.ApiUrl, "--org", Org, .. args]);

    public async Task InitializeAsync()
    {
        GitHub = await StandInGitHubServer.StartAsync();
        if (repos > 0)
        {
            StandInData.GenerateOrg(GitHub.State, Org, repos);
        }
        if (token is not null)
        {
            // The starter workflow's GITHUB_TOKEN (contents: write, pull-requests: write), unless the class says read-only.
            GitHub.State.AddActionsToken(token, canWrite ? null : new Dictionary<string, string> { ["contents"] = "read" });
            Cli.Variables["GITHUB_TOKEN"] = token;
        }
        Cli.CurrentDirectory = Dir;
        Arrange(GitHub.State);
        SettingsTheReadmeAsksFor(GitHub.State);
    }

    /// <summary>
    /// What the README asks an organization to turn on before the first run: "Allow GitHub Actions
    /// to create and approve pull requests", at the organization's level and on every repository
    /// (off by default on GitHub, and in the stand-in). A test of the setting turns it off again.
    /// </summary>
    private static void SettingsTheReadmeAsksFor(GitHubState state)
    {
        foreach (var org in state.Orgs.Values)
        {
            org.ActionsCanCreatePullRequests = true;
        }
        foreach (var repo in state.Repos.Values)
        {
            repo.ActionsCanCreatePullRequests = true;
        }
    }

    public virtual async Task DisposeAsync()
    {
        await GitHub.DisposeAsync();
        Directory.Delete(Dir, recursive: true);
    }
}
