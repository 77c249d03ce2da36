using System.Diagnostics;
using System.Globalization;

namespace CQEN.ProfileGen.Bench;

/// <summary>Runs each scenario in its own process and prints one table of figures against the targets.</summary>
internal static class WholeRunHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var numbers = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var sizes = numbers.Length > 0 ? numbers.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [100, 1_000, 10_000, 50_000];
        var results = new List<ScenarioResult>();
        foreach (var n in sizes)
        {
            // REST vs batched side by side; REST from 10,000 repositories (20,000+ calls) is left
            // out unless asked for with --rest-large, as it takes minutes by design.
            results.Add(await ReadScenario.RunAsync(n, "graphql", 20));
            if (n < 10_000 || args.Contains("--rest-large"))
            {
                results.Add(await ReadScenario.RunAsync(n, "rest", 20));
            }
            results.Add(await ChildAsync("render", n));
        }
        Console.WriteLine();
        Console.WriteLine("| scenario | repositories | requests | wall time (ms) | requests' own latency (ms) | tool's CPU time (ms) | render (ms) | README (KB) | peak memory (MB) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var latency = r.Requests == 0 ? "" : Latency(r).ToString("F0", CultureInfo.InvariantCulture);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Scenario}{(r.Note is null ? "" : $" ({r.Note})")} | {r.Repositories:N0} | {r.Requests:N0} | {r.WallMs:F0} | {latency} | {r.CpuMs:F0} | {(r.RenderMs > 0 ? r.RenderMs.ToString("F0", CultureInfo.InvariantCulture) : "")} | {r.OutputBytes / 1024.0:F0} | {r.PeakMemoryMb:F0} |"));
        }
        foreach (var r in results.Where(r => r.Scenario.StartsWith("read+render", StringComparison.Ordinal) && r.Repositories == 50_000))
        {
            var latency = Latency(r);
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"target: 50,000 repositories, {r.Scenario}: README < 400 KB ({r.OutputBytes / 1024.0:F0} KB: {(r.OutputBytes < 400 * 1024 ? "met" : "MISSED")}), peak memory < 300 MB ({r.PeakMemoryMb:F0} MB: {(r.PeakMemoryMb < 300 ? "met" : "MISSED")}), wall time <= 2x the requests' latency ({r.WallMs:F0} ms vs {latency:F0} ms: {(r.WallMs <= 2 * latency ? "met" : "MISSED")})"));
        }
        var read1k = results.FirstOrDefault(r => r.Scenario.StartsWith("read+render (graphql", StringComparison.Ordinal) && r.Repositories == 1_000);
        if (read1k is not null)
        {
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"target: 1,000 repositories at 20 ms/request in <= 15 requests ({read1k.Requests}: {(read1k.Requests <= 15 ? "met" : "MISSED")}) and < 2 s ({read1k.WallMs:F0} ms: {(read1k.WallMs < 2000 ? "met" : "MISSED")})"));
        }
        var render10k = results.FirstOrDefault(r => r.Scenario == "render" && r.Repositories == 10_000);
        if (render10k is not null)
        {
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"target: 10,000 repositories rendered in < 200 ms ({render10k.RenderMs:F0} ms: {(render10k.RenderMs < 200 ? "met" : "MISSED")}), peak memory < 200 MB ({render10k.PeakMemoryMb:F0} MB: {(render10k.PeakMemoryMb < 200 ? "met" : "MISSED")})"));
        }
        return 0;
    }

    // Requests at 20 ms each, 8 at a time at most where the reader runs them in parallel
    // (REST's per-repository reads); GraphQL's pages are sequential.
    private static double Latency(ScenarioResult r) =>
        r.Scenario.Contains("rest", StringComparison.Ordinal) ? r.Requests * 20.0 / 8 : r.Requests * 20.0;

    public static async Task<ScenarioResult> ChildAsync(string scenario, int n, params string[] options)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(WholeRunHarness).Assembly.Location);
        }
        foreach (var a in new[] { "child", scenario, n.ToString(CultureInfo.InvariantCulture) }.Concat(options))
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
            ?? throw new InvalidOperationException($"scenario {scenario} {n} printed nothing (exit {process.ExitCode})");
        return ScenarioResult.Parse(last);
    }
}
