using System.Diagnostics;
using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Bench;

/// <summary>
/// What an adopting organization waits for, side by side in one run (each figure the median of
/// several whole processes):
///   - the bundled sample rendered by the framework-dependent tool (tiered compilation on, the
///     default now), the same with tiered compilation off (the old setting), and by the release
///     binary (self-contained, single file, ReadyToRun);
///   - the Action's launcher (action/launch.sh) against the stand-in GitHub serving a release of
///     that binary: time to the tool's first output line on a first run (release lookup,
///     download, SHA-256 check, unpack into the tool cache) and on a cached run.
/// The release binary is published once into artifacts/bench-release/RID (minutes, the first time).
/// </summary>
internal static class AdoptionScenarios
{
    private const int Runs = 5;
    private const string Token = "ghs_test-benchToken0000000000-00000000000000001";

    public static async Task<int> RunAsync(string[] args)
    {
        var root = RepositoryRoot();
        var rid = RuntimeInformation.RuntimeIdentifier;
        var work = Directory.CreateTempSubdirectory("profilegen-adoption-bench-").FullName;
        try
        {
            Console.Error.WriteLine("building the framework-dependent tool (Release)…");
            var tool = Path.Combine(work, "tool");
            Check(await RunToEndAsync("dotnet", root, [], "build", Path.Combine(root, "src", "CQEN.ProfileGen"), "-c", "Release", "-o", tool, "--nologo", "-v", "q"));
            var binary = args.SkipWhile(a => a != "--release-binary").Skip(1).FirstOrDefault() ?? await PublishReleaseBinaryAsync(root, rid);

            string[] sample = ["render", "--config", Path.Combine(root, "samples", "cqen-qdce.profilegen.yml"), "--snapshot", Path.Combine(root, "samples", "cqen-qdce.snapshot.json")];
            var dll = Path.Combine(tool, "profilegen.dll");
            var tiered = await MedianAsync(() => TimeAsync("dotnet", root, [], [dll, .. sample]));
            var untiered = await MedianAsync(() => TimeAsync("dotnet", root, [("DOTNET_TieredCompilation", "0")], [dll, .. sample]));
            var release = await MedianAsync(() => TimeAsync(binary, root, [], sample));

            await using var github = await StandInGitHubServer.StartAsync();
            var version = "1.2.3";
            var archive = TarGz(binary);
            PublishRelease(github, version, rid, archive);
            var cache = Path.Combine(work, "tool-cache");
            (string, string)[] env =
            [
                ("GITHUB_API_URL", github.ApiUrl), ("GITHUB_TOKEN", Token),
                ("PROFILEGEN_ACTION_REPOSITORY", "CQEN-QDCE/profilegen"), ("PROFILEGEN_ACTION_REF", "v" + version),
                ("RUNNER_OS", OperatingSystem.IsMacOS() ? "macOS" : "Linux"), ("RUNNER_ARCH", RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "ARM64" : "X64"),
                ("RUNNER_TOOL_CACHE", cache), ("GITHUB_ACTIONS", ""),
                ("RUNNER_TEMP", Path.Combine(work, "runner-temp")), ("PROFILEGEN_ATTESTATION_VERIFIER", "api"),
            ];
            string[] launch = [Path.Combine(root, "action", "launch.sh"), "run", .. sample];
            var first = await MedianAsync(() =>
            {
                if (Directory.Exists(cache))
                {
                    Directory.Delete(cache, recursive: true);
                }
                return TimeAsync("bash", root, env, launch);
            });
            var cached = await MedianAsync(() => TimeAsync("bash", root, env, launch));
            var direct = await MedianAsync(() => TimeAsync(binary, root, [], sample));

            Console.WriteLine();
            Console.WriteLine($"| whole process ({rid}, median of {Runs}) | first output line (ms) | exit (ms) |");
            Console.WriteLine("|---|---:|---:|");
            Row("sample render: `dotnet profilegen.dll` (tiered compilation on, the default)", tiered);
            Row("sample render: `dotnet profilegen.dll` with tiered compilation off (the old setting)", untiered);
            Row("sample render: release binary (self-contained, single file, ReadyToRun)", release);
            Row($"Action launcher, first run: lookup, download {archive.Length / 1024.0 / 1024.0:F0} MB, SHA-256, provenance attestation, unpack, then the sample render", first);
            Row("Action launcher, cached run: lookup, tool cache, re-hash, then the sample render", cached);
            Row("the same release binary started directly (no launcher)", direct);
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"launcher overhead to the first output line: first run {first.FirstLine - direct.FirstLine:F0} ms, cached {cached.FirstLine - direct.FirstLine:F0} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"target: the Action reaches the tool's first output line in < 5 s of launcher time, with no SDK install (first run {first.FirstLine:F0} ms: {(first.FirstLine < 5000 ? "met" : "MISSED")})"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"tiered compilation on vs off, sample render: {tiered.Exit:F0} ms vs {untiered.Exit:F0} ms"));
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static void Row(string what, Timing t) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {what} | {t.FirstLine:F0} | {t.Exit:F0} |"));

    private sealed record Timing(double FirstLine, double Exit);

    private static async Task<Timing> MedianAsync(Func<Task<Timing>> measure)
    {
        await measure(); // warm the file system cache (and, for the launcher's first run, nothing else: the cache is emptied each time)
        var timings = new List<Timing>();
        for (var i = 0; i < Runs; i++)
        {
            timings.Add(await measure());
        }
        return new Timing(timings.Select(t => t.FirstLine).Order().ElementAt(Runs / 2), timings.Select(t => t.Exit).Order().ElementAt(Runs / 2));
    }

    /// <summary>Milliseconds from starting the process to its first stdout line, and to its exit.</summary>
    private static async Task<Timing> TimeAsync(string file, string workingDirectory, (string Name, string Value)[] env, string[] args)
    {
        var start = Start(file, workingDirectory, env, args);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var firstLine = await process.StandardOutput.ReadLineAsync();
        var toFirstLine = clock.Elapsed.TotalMilliseconds;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var toExit = clock.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0 || firstLine is null)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed (exit {process.ExitCode}): {await stderr}");
        }
        return new Timing(toFirstLine, toExit);
    }

    private static ProcessStartInfo Start(string file, string workingDirectory, (string Name, string Value)[] env, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in env)
        {
            if (value.Length == 0)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }
        return start;
    }

    private static async Task<(int Exit, string Output)> RunToEndAsync(string file, string workingDirectory, (string, string)[] env, params string[] args)
    {
        using var process = Process.Start(Start(file, workingDirectory, env, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static void Check((int Exit, string Output) result)
    {
        if (result.Exit != 0)
        {
            throw new InvalidOperationException(result.Output);
        }
    }

    // As the release workflow publishes it (.github/workflows/release.yml).
    private static async Task<string> PublishReleaseBinaryAsync(string root, string rid)
    {
        var output = Path.Combine(root, "artifacts", "bench-release", rid);
        var binary = Path.Combine(output, OperatingSystem.IsWindows() ? "profilegen.exe" : "profilegen");
        if (!File.Exists(binary))
        {
            Console.Error.WriteLine($"publishing the release binary for {rid} once into {output} (self-contained, single file, ReadyToRun; minutes)…");
            Check(await RunToEndAsync("dotnet", root, [], "publish", Path.Combine(root, "src", "CQEN.ProfileGen"), "-c", "Release", "-r", rid, "--self-contained",
                "-p:PublishSingleFile=true", "-p:PublishReadyToRun=true", "-p:IncludeNativeLibrariesForSelfExtract=true", "-p:DebugType=none", "-o", output));
        }
        return binary;
    }

    private static byte[] TarGz(string binary)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            tar.WriteEntry(binary, "profilegen");
        }
        return buffer.ToArray();
    }

    private static void PublishRelease(StandInGitHubServer github, string version, string rid, byte[] archive)
    {
        github.State.AddOrg("CQEN-QDCE");
        github.State.AddRepo("CQEN-QDCE", "profilegen");
        github.State.AddToken(Token, "github-actions[bot]", canWrite: false);
        var release = github.AddRelease("CQEN-QDCE", "profilegen", "v" + version);
        var name = $"profilegen-{version}-{rid}.tar.gz";
        github.AddAsset(release, name, archive, "application/gzip");
        var sums = $"{Convert.ToHexStringLower(SHA256.HashData(archive))}  {name}\n";
        github.AddAsset(release, "SHA256SUMS", Encoding.UTF8.GetBytes(sums), "text/plain");
        github.AttestBuildProvenance(release, name, archive); // as the release workflow does
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CQEN.ProfileGen.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("run from a checkout of the repository");
    }
}
