using BenchmarkDotNet.Attributes;
using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Rendering;
using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Bench;

/// <summary>In-process figures of the pure core: snapshot → model → Markdown, and JSON snapshots.</summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private OrgSnapshot _snapshot = null!;
    private string _json = "";
    private readonly ProfileGenConfig _config = new();
    private readonly TemplateSource _template = TemplateSource.Default(ProfileCulture.French);

    [Params(100, 1_000, 10_000)]
    public int Repositories { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _snapshot = SyntheticOrg.Snapshot(Repositories);
        _json = SnapshotJson.Serialize(_snapshot);
    }

    [Benchmark]
    public string Render() => ProfileRenderer.Render(_template, TemplateModelBuilder.Build(_snapshot, _config, DateTimeOffset.UnixEpoch));

    [Benchmark]
    public object ReadSnapshotJson() => SnapshotJson.Deserialize(_json, "bench");
}
