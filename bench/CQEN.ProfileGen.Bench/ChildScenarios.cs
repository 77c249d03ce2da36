using System.Diagnostics;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Rendering;
using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Bench;

/// <summary>One measured scenario, run in a fresh process so its peak memory is its own.</summary>
internal static class ChildScenarios
{
    public static Task<ScenarioResult> RunAsync(string scenario, int repositories, string[] options) => scenario switch
    {
        "render" => Task.FromResult(Render(repositories)),
        "cli-render" => ReadScenario.RunCliAsync(repositories, options[0], options[1], options.ElementAtOrDefault(2), options.ElementAtOrDefault(3) ?? "ghs_bench"),
        "read-rest" or "read-graphql" or "publish-first" or "publish-unchanged" or "publish-update" => RequestFloorScenarios.RunAsync(scenario, repositories, options),
        _ => throw new ArgumentException($"unknown scenario '{scenario}'"),
    };

    // Load a snapshot file of N repositories and render it with the default template, as `render --snapshot` does.
    private static ScenarioResult Render(int repositories)
    {
        var path = Path.Combine(Path.GetTempPath(), $"profilegen-bench-{repositories}.json");
        File.WriteAllText(path, SnapshotJson.Serialize(SyntheticOrg.Snapshot(repositories)));
        var template = TemplateSource.Default(ProfileCulture.French);
        // Warm up once (JIT, template parse paths), then measure a cold read + render.
        ProfileRenderer.Render(template, TemplateModelBuilder.Build(SyntheticOrg.Snapshot(10), new ProfileGenConfig(), DateTimeOffset.UnixEpoch));
        var clock = Stopwatch.StartNew();
        var snapshot = SnapshotJson.Deserialize(File.ReadAllBytes(path), path); // as `render --snapshot` reads it
        var read = clock.Elapsed;
        var markdown = ProfileRenderer.Render(template, TemplateModelBuilder.Build(snapshot, new ProfileGenConfig(), DateTimeOffset.UnixEpoch));
        var total = clock.Elapsed;
        File.Delete(path);
        return new ScenarioResult("render", repositories, Requests: 0, WallMs: total.TotalMilliseconds, RenderMs: (total - read).TotalMilliseconds, OutputBytes: markdown.Length);
    }
}

internal sealed record ScenarioResult(string Scenario, int Repositories, int Requests, double WallMs, double RenderMs, long OutputBytes, double PeakMemoryMb = 0, string? Note = null, double CpuMs = 0)
{
    public override string ToString() => System.Text.Json.JsonSerializer.Serialize(this);

    public static ScenarioResult Parse(string line) => System.Text.Json.JsonSerializer.Deserialize<ScenarioResult>(line)!;
}
