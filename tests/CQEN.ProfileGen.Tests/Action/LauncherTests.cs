using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.Action;

/// <summary>What every launcher test starts from: a stand-in GitHub serving the Action's repository, and a folder for its tool cache.</summary>
public abstract class LauncherTest : IAsyncLifetime
{
    protected const string Token = "ghs_test-launcherToken0000000-000000000000000001";
    private const string Repository = "CQEN-QDCE/profilegen";
    protected string Dir { get; } = Directory.CreateTempSubdirectory("profilegen-launcher-").FullName;

    protected StandInGitHubServer GitHub { get; private set; } = null!;

    protected string ToolCache => Path.Combine(Dir, "tool-cache");
    protected string RanMarker => Path.Combine(Dir, "binary-ran");
    protected string RunnerTemp => Path.Combine(Dir, "runner-temp");

    public async Task InitializeAsync()
    {
        GitHub = await StandInGitHubServer.StartAsync();
        GitHub.State.AddOrg("CQEN-QDCE");
        GitHub.State.AddRepo("CQEN-QDCE", "profilegen");
        GitHub.State.AddToken(Token, "github-actions[bot]", canWrite: false);
    }

    public async Task DisposeAsync()
    {
        await GitHub.DisposeAsync();
        Directory.Delete(Dir, recursive: true);
    }

    // ---- helpers ---------------------------------------------------------------------------

    /// <summary>
    /// A release with the linux-x64 archive and SHA256SUMS (of the archive, or of other bytes), the
    /// archive's build provenance attested by the release workflow at the release's commit (as
    /// the release workflow does) unless <paramref name="attested"/> is false.
    /// </summary>
    protected FakeRelease Release(string tag, bool draft = false, bool prerelease = false, byte[]? checksumOf = null, bool attested = true, string? commit = null, string says = "stand-in profilegen")
    {
        var version = tag.TrimStart('v');
        var release = GitHub.AddRelease("CQEN-QDCE", "profilegen", tag, draft, prerelease, commit);
        var name = $"profilegen-{version}-linux-x64.tar.gz";
        var archive = Archive($"{says} {version}");
        GitHub.AddAsset(release, $"profilegen-{version}-win-x64.zip", [0x50, 0x4b, 0x05, 0x06]);
        GitHub.AddAsset(release, name, archive, "application/gzip");
        var sums = $"{Sha256(checksumOf ?? archive)}  {name}\n{Sha256([0x50, 0x4b, 0x05, 0x06])}  profilegen-{version}-win-x64.zip\n";
        GitHub.AddAsset(release, "SHA256SUMS", Encoding.UTF8.GetBytes(sums), "text/plain");
        if (attested)
        {
            GitHub.AttestBuildProvenance(release, name, archive);
        }
        return release;
    }

    /// <summary>A linux-x64 release archive whose binary prints "<paramref name="says"/>: ARGS" and leaves the ran marker.</summary>
    protected static byte[] Archive(string says) =>
        TarGz("profilegen", $"#!/bin/sh\necho \"{says}: $*\"\n: > \"$PROFILEGEN_TEST_RAN\"\n");

    protected static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static byte[] TarGz(string name, string script)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name)
            {
                Mode = (UnixFileMode)0b111_101_101,
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes(script)),
            });
        }
        return buffer.ToArray();
    }

    protected Task<LaunchResult> Launch(string gitRef, params string[] args) => Launch(gitRef, new Dictionary<string, string>(), args);

    protected Task<LaunchResult> Launch(string gitRef, Dictionary<string, string> extra, params string[] args) =>
        Run(["run", .. args], Environment(gitRef, extra));

    protected Dictionary<string, string> Environment(string gitRef, Dictionary<string, string> extra)
    {
        var env = new Dictionary<string, string>
        {
            ["GITHUB_API_URL"] = GitHub.ApiUrl,
            ["GITHUB_TOKEN"] = Token,
            ["PROFILEGEN_ACTION_REPOSITORY"] = Repository,
            ["PROFILEGEN_ACTION_REF"] = gitRef,
            ["RUNNER_OS"] = "Linux",
            ["RUNNER_ARCH"] = "X64",
            ["RUNNER_TOOL_CACHE"] = ToolCache,
            ["RUNNER_TEMP"] = RunnerTemp,
            // The attestations API as the launcher reads it without gh (the stand-in cannot sign
            // for Sigstore, and gh, where installed, would ask github.com).
            ["PROFILEGEN_ATTESTATION_VERIFIER"] = "api",
            ["PROFILEGEN_TEST_RAN"] = RanMarker,
            // The launcher's logic is real; only the build from source is stubbed.
            ["PROFILEGEN_BUILD_COMMAND"] = "echo built from source:",
        };
        foreach (var (k, v) in extra)
        {
            env[k] = v;
        }
        return env;
    }

    internal static string Launcher => Path.Combine(RepositoryCheckout.Root, "action", "launch.sh");

    protected static async Task<LaunchResult> Run(string[] args, Dictionary<string, string> env)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Launcher);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        foreach (var name in new[] { "GITHUB_ACTIONS", "GITHUB_OUTPUT", "GITHUB_TOKEN", "GH_TOKEN", "GITHUB_ACTION_PATH", "PROFILEGEN_BINARY", "PROFILEGEN_BINARY_SHA256", "PROFILEGEN_SOURCE_BUILD" })
        {
            start.Environment.Remove(name);
        }
        foreach (var (k, v) in env)
        {
            start.Environment[k] = v;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new LaunchResult(process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>
/// The Action's launcher (action/launch.sh), run for real with bash and curl against the stand-in
/// GitHub serving releases: it finds the release for the Action's ref, downloads the runner's
/// asset through the API (then from the download host, without the token), checks it against
/// SHA256SUMS, caches it, and runs it; with no release it builds from source, saying so.
/// The release assets are small archives of a script that prints one line.
/// </summary>
public sealed class LauncherTests : LauncherTest
{
    [Theory]
    [InlineData("jq")] // GitHub-hosted runners
    [InlineData("node")] // where jq is missing
    public async Task A_release_with_the_right_checksum_runs_its_binary(string jsonTool)
    {
        Release("v1.2.3");

        var run = await Launch("v1.2.3", new Dictionary<string, string> { ["PROFILEGEN_JSON_TOOL"] = jsonTool }, "publish", "--dry-run");

        Assert.True(run.Exit == 0, run.Error);
        Assert.Equal("stand-in profilegen 1.2.3: publish --dry-run", run.Out.Trim());
        Assert.True(File.Exists(RanMarker));
        Assert.True(File.Exists(Path.Combine(ToolCache, "profilegen", "1.2.3", "linux-x64", "profilegen")));
        Assert.DoesNotContain(Token, run.Out + run.Error);
    }

    [Fact]
    public async Task The_token_goes_to_the_API_and_never_to_the_download_host()
    {
        Release("v1.2.3");

        var run = await Launch("v1.2.3", "--version");

        Assert.True(run.Exit == 0, run.Error);
        var assetCalls = GitHub.Log.All.Where(r => r.Path.Contains("/releases/assets/", StringComparison.Ordinal)).ToArray();
        var downloads = GitHub.Log.All.Where(r => r.Path.StartsWith("/_downloads/", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, assetCalls.Length); // SHA256SUMS and the archive, each redirected
        Assert.All(assetCalls, r => Assert.Equal(302, r.Status));
        Assert.All(assetCalls, r => Assert.NotNull(r.TokenFingerprint));
        Assert.Equal(2, downloads.Length);
        Assert.All(downloads, r => Assert.Null(r.TokenFingerprint));
    }

    [Fact]
    public async Task A_checksum_mismatch_refuses_with_one_line_and_runs_nothing()
    {
        Release("v1.2.3", checksumOf: Encoding.UTF8.GetBytes("some other bytes"));

        var run = await Launch("v1.2.3", "--version");

        Assert.NotEqual(0, run.Exit);
        Assert.Equal("", run.Out);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("profilegen-action: error: checksum mismatch for profilegen-1.2.3-linux-x64.tar.gz of release v1.2.3", line);
        Assert.False(File.Exists(RanMarker));
        Assert.False(Directory.Exists(Path.Combine(ToolCache, "profilegen", "1.2.3", "linux-x64")));
        Assert.DoesNotContain(Token, run.Error);
    }

    [Fact]
    public async Task A_second_run_uses_the_tool_cache_and_downloads_nothing()
    {
        Release("v1.2.3");
        var first = await Launch("v1.2.3", "--version");
        Assert.True(first.Exit == 0, first.Error);
        GitHub.Log.Clear();
        File.Delete(RanMarker);

        var second = await Launch("v1.2.3", new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" }, "--version");

        Assert.True(second.Exit == 0, second.Error);
        Assert.Equal("stand-in profilegen 1.2.3: --version", second.Out.Trim());
        Assert.Contains("using cached v1.2.3 (linux-x64)", second.Error);
        Assert.Equal(0, GitHub.Log.Count("GET", "/releases/assets/"));
        Assert.DoesNotContain(GitHub.Log.All, r => r.Path.StartsWith("/_downloads/", StringComparison.Ordinal));
        Assert.True(File.Exists(RanMarker));
    }

    [Fact]
    public async Task Locate_gives_the_workflow_the_binary_path_as_a_step_output()
    {
        Release("v1.2.3");
        var output = Path.Combine(Dir, "github-output");
        File.WriteAllText(output, "");

        var run = await Run(["locate"], Environment("v1.2.3", new Dictionary<string, string> { ["GITHUB_OUTPUT"] = output }));

        Assert.True(run.Exit == 0, run.Error);
        var binary = Path.Combine(ToolCache, "profilegen", "1.2.3", "linux-x64", "profilegen");
        Assert.Equal($"binary={binary}\nbinary-sha256={Sha256(File.ReadAllBytes(binary))}\n", File.ReadAllText(output));
        Assert.False(File.Exists(RanMarker));
    }
}

/// <summary>
/// Which release the launcher runs for the Action's ref (a major tag, a release's commit), and
/// when there is none, the build from source it falls back to. (A class of its own so that it
/// runs beside the other launcher tests: each test spawns bash, curl and jq or node.)
/// </summary>
public sealed class LauncherReleaseChoiceTests : LauncherTest
{
    [Theory]
    [InlineData("main")] // a branch
    [InlineData("0123456789abcdef0123456789abcdef01234567")] // a commit
    [InlineData("v9.9.9")] // a tag with no release (a fork, or a release still being made)
    [InlineData("v7")] // a major tag with no release under it
    public async Task A_ref_without_a_release_builds_from_source_with_a_notice(string gitRef)
    {
        Release("v1.2.3");

        var run = await Launch(gitRef, new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" }, "--version");

        Assert.True(run.Exit == 0, run.Error);
        Assert.Equal("built from source: --version", run.Out.Trim());
        var notice = Assert.Single(run.ErrorLines);
        Assert.StartsWith("::notice::CQEN.ProfileGen: ", notice);
        Assert.Contains("building the tool from source", notice);
        Assert.False(File.Exists(RanMarker));
        Assert.Equal(0, GitHub.Log.Count("GET", "/releases/assets/"));
    }

    [Theory]
    [InlineData("jq")]
    [InlineData("node")]
    public async Task A_major_tag_runs_the_newest_published_release_under_it(string jsonTool)
    {
        Release("v1.2.3");
        Release("v1.10.0");
        Release("v2.0.0");
        Release("v1.11.0", draft: true);
        Release("v1.12.0-rc.1", prerelease: true);

        var run = await Launch("v1", new Dictionary<string, string> { ["PROFILEGEN_JSON_TOOL"] = jsonTool }, "--version");

        Assert.True(run.Exit == 0, run.Error);
        Assert.Equal("stand-in profilegen 1.10.0: --version", run.Out.Trim());
    }

    [Theory]
    [InlineData("jq")]
    [InlineData("node")]
    public async Task An_Action_pinned_to_a_release_commit_runs_that_release(string jsonTool)
    {
        Release("v1.2.3");
        var pinned = Release("v1.3.0");
        Release("v1.4.0");

        var run = await Launch(pinned.Commit, new Dictionary<string, string> { ["PROFILEGEN_JSON_TOOL"] = jsonTool }, "--version");

        Assert.True(run.Exit == 0, run.Error);
        Assert.Equal("stand-in profilegen 1.3.0: --version", run.Out.Trim());
    }
}

/// <summary>
/// What a pinned Action runs: only a binary whose build provenance GitHub attests for this
/// repository's release workflow at the release's commit (for a commit pin, the pinned commit),
/// and, from the tool cache, only the very binary this job verified.
/// </summary>
public sealed class LauncherProvenanceTests : LauncherTest
{
    private const string ArchiveName = "profilegen-1.2.3-linux-x64.tar.gz";

    private void AssertRefused(LaunchResult run, string startsWith)
    {
        Assert.NotEqual(0, run.Exit);
        Assert.Equal("", run.Out);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("profilegen-action: error: " + startsWith, line);
        Assert.False(File.Exists(RanMarker), "the refused binary ran");
        Assert.DoesNotContain(Token, run.Error);
    }

    [Theory]
    [InlineData("jq")]
    [InlineData("node")]
    public async Task A_release_asset_replaced_with_its_checksum_is_refused(string jsonTool)
    {
        var release = Release("v1.2.3");
        // Someone with write access replaces the archive and SHA256SUMS: they agree, but no
        // release workflow run built these bytes.
        var evil = Archive("replaced profilegen");
        release.Assets.RemoveAll(a => a.Name is ArchiveName or "SHA256SUMS");
        GitHub.AddAsset(release, ArchiveName, evil, "application/gzip");
        GitHub.AddAsset(release, "SHA256SUMS", Encoding.UTF8.GetBytes($"{Sha256(evil)}  {ArchiveName}\n"), "text/plain");

        var run = await Launch(release.Commit, new Dictionary<string, string> { ["PROFILEGEN_JSON_TOOL"] = jsonTool }, "--version");

        AssertRefused(run, $"no build provenance attestation of CQEN-QDCE/profilegen's release workflow at commit {release.Commit} for {ArchiveName} (sha256 {Sha256(evil)}); refusing to run it");
        Assert.Equal(1, GitHub.Log.Count("GET", $"/attestations/sha256:{Sha256(evil)}"));
    }

    [Theory]
    [InlineData("jq")]
    [InlineData("node")]
    public async Task A_second_release_tag_on_the_pinned_commit_cannot_bring_its_own_binary(string jsonTool)
    {
        var pinned = Release("v1.3.0");
        // v1.3.1 put on the same commit, its assets uploaded by hand (consistent checksums, no attestation).
        Release("v1.3.1", attested: false, commit: pinned.Commit, says: "second tag's profilegen");

        var run = await Launch(pinned.Commit, new Dictionary<string, string> { ["PROFILEGEN_JSON_TOOL"] = jsonTool }, "--version");

        AssertRefused(run, $"no build provenance attestation of CQEN-QDCE/profilegen's release workflow at commit {pinned.Commit} for profilegen-1.3.1-linux-x64.tar.gz");
    }

    [Theory]
    [InlineData("jq")]
    [InlineData("node")]
    public async Task An_attestation_from_another_commit_does_not_vouch_for_the_pinned_one(string jsonTool)
    {
        var pinned = Release("v1.3.0", attested: false);
        var bytes = pinned.Assets.Single(a => a.Name == "profilegen-1.3.0-linux-x64.tar.gz").Bytes;
        GitHub.AttestBuildProvenance(pinned, "profilegen-1.3.0-linux-x64.tar.gz", bytes, commit: new string('e', 40));
        GitHub.AttestBuildProvenance(pinned, "profilegen-1.3.0-linux-x64.tar.gz", bytes, workflowPath: ".github/workflows/anything.yml");

        var run = await Launch(pinned.Commit, new Dictionary<string, string> { ["PROFILEGEN_JSON_TOOL"] = jsonTool }, "--version");

        AssertRefused(run, $"no build provenance attestation of CQEN-QDCE/profilegen's release workflow at commit {pinned.Commit}");
    }

    [Fact]
    public async Task A_tag_ref_is_checked_against_the_commit_of_its_release_tag()
    {
        var release = Release("v1.2.3", attested: false);
        GitHub.AttestBuildProvenance(release, ArchiveName, release.Assets.Single(a => a.Name == ArchiveName).Bytes, commit: new string('e', 40));

        var run = await Launch("v1.2.3", "--version");

        AssertRefused(run, $"no build provenance attestation of CQEN-QDCE/profilegen's release workflow at commit {release.Commit}");
    }

    [Fact]
    public async Task A_genuine_release_pinned_by_commit_runs_after_its_attestation_is_read()
    {
        var release = Release("v1.2.3");

        var run = await Launch(release.Commit, "--version");

        Assert.True(run.Exit == 0, run.Error);
        Assert.Equal("stand-in profilegen 1.2.3: --version", run.Out.Trim());
        var digest = Sha256(release.Assets.Single(a => a.Name == ArchiveName).Bytes);
        Assert.Equal(1, GitHub.Log.Count("GET", $"/attestations/sha256:{digest}"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task With_gh_installed_gh_attestation_verify_checks_the_archive_against_the_repository_workflow_and_pinned_commit(int ghExit)
    {
        // gh itself cannot reach Sigstore here: a gh on PATH that records how it is called and
        // answers as gh does (0: verified, 1: not), as GitHub-hosted runners have it.
        var release = Release("v1.2.3");
        var bin = Directory.CreateDirectory(Path.Combine(Dir, "bin")).FullName;
        var calls = Path.Combine(Dir, "gh-calls");
        File.WriteAllText(Path.Combine(bin, "gh"), $"#!/bin/sh\nprintf '%s\\n' \"$*\" \"token=$GH_TOKEN\" >> '{calls}'\nexit {ghExit}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(bin, "gh"), (UnixFileMode)0b111_101_101);
        }

        var run = await Launch(release.Commit, new Dictionary<string, string>
        {
            ["PROFILEGEN_ATTESTATION_VERIFIER"] = "gh",
            ["PATH"] = bin + ":" + System.Environment.GetEnvironmentVariable("PATH"),
        }, "--version");

        var call = File.ReadAllLines(calls);
        Assert.Matches($"^attestation verify /\\S+/{ArchiveName} --repo CQEN-QDCE/profilegen --source-digest {release.Commit} --signer-workflow \\S+/CQEN-QDCE/profilegen/.github/workflows/release.yml$", call[0]);
        Assert.Equal($"token={Token}", call[1]); // in gh's environment, on no command line
        Assert.Equal(0, GitHub.Log.Count("GET", "/attestations/"));
        if (ghExit == 0)
        {
            Assert.True(run.Exit == 0, run.Error);
            Assert.Equal("stand-in profilegen 1.2.3: --version", run.Out.Trim());
        }
        else
        {
            AssertRefused(run, $"gh attestation verify: no build provenance attestation of CQEN-QDCE/profilegen's release workflow at commit {release.Commit}");
        }
    }

    [Fact]
    public async Task A_cached_binary_replaced_after_it_was_verified_is_refused()
    {
        var release = Release("v1.2.3");
        var first = await Launch(release.Commit, "--version");
        Assert.True(first.Exit == 0, first.Error);
        File.Delete(RanMarker);
        var cached = Path.Combine(ToolCache, "profilegen", "1.2.3", "linux-x64", "profilegen");
        File.WriteAllText(cached, "#!/bin/sh\necho poisoned\n: > \"$PROFILEGEN_TEST_RAN\"\n");

        var second = await Launch(release.Commit, "--version");

        AssertRefused(second, $"{cached} differs from the binary verified for this Action");
    }

    [Fact]
    public async Task The_run_step_re_hashes_the_binary_the_locate_step_verified()
    {
        Release("v1.2.3");
        var output = Path.Combine(Dir, "github-output");
        File.WriteAllText(output, "");
        var located = await Run(["locate"], Environment("v1.2.3", new Dictionary<string, string> { ["GITHUB_OUTPUT"] = output }));
        Assert.True(located.Exit == 0, located.Error);
        var outputs = File.ReadAllLines(output).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        File.WriteAllText(outputs["binary"], "#!/bin/sh\necho poisoned\n: > \"$PROFILEGEN_TEST_RAN\"\n");

        var run = await Run(["run", "--version"], Environment("v1.2.3", new Dictionary<string, string>
        {
            ["PROFILEGEN_BINARY"] = outputs["binary"],
            ["PROFILEGEN_BINARY_SHA256"] = outputs["binary-sha256"],
        }));

        AssertRefused(run, $"{outputs["binary"]} differs from the binary verified for this Action");
    }

    [Fact]
    public async Task A_pre_seeded_tool_cache_entry_is_not_run_and_the_release_is_verified_instead()
    {
        var release = Release("v1.2.3");
        // Another job on a self-hosted runner seeds the cache with its own binary, marked complete
        // with the asset id GitHub shows anyone.
        var dir = Path.Combine(ToolCache, "profilegen", "1.2.3", "linux-x64");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "profilegen"), "#!/bin/sh\necho seeded\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(dir, "profilegen"), (UnixFileMode)0b111_101_101);
        }
        File.WriteAllText(dir + ".complete", release.Assets.Single(a => a.Name == ArchiveName).Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var run = await Launch(release.Commit, "--version");

        Assert.True(run.Exit == 0, run.Error);
        Assert.Equal("stand-in profilegen 1.2.3: --version", run.Out.Trim());
        Assert.Equal(1, GitHub.Log.Count("GET", "/attestations/sha256:"));
    }
}

public sealed record LaunchResult(int Exit, string Out, string Error)
{
    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>The checkout the tests run from (the folder holding CQEN.ProfileGen.sln).</summary>
internal static class RepositoryCheckout
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CQEN.ProfileGen.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("run from a checkout of the repository");
    }
}
