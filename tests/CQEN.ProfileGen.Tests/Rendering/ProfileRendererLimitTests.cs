using CQEN.ProfileGen.Configuration;
using CQEN.ProfileGen.Rendering;
using CQEN.ProfileGen.Snapshots;

namespace CQEN.ProfileGen.Tests.Rendering;

/// <summary>A limit reached is an error naming where; a README is never silently cut.</summary>
public sealed class ProfileRendererLimitTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("profilegen-limits-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private static readonly ProfileModel Model = TemplateModelBuilder.Build(
        new OrgSnapshot { Org = new OrgProfile { Login = "o", Url = "https://github.com/o" }, Repos = [] }, new ProfileGenConfig(), DateTimeOffset.UnixEpoch);

    private TemplateSource Template(string text)
    {
        var path = Path.Combine(_dir, "t.sbn");
        File.WriteAllText(path, text);
        return TemplateSource.FromFile(path);
    }

    [Fact]
    public void Output_beyond_the_limit_is_an_error_with_file_line_and_column_not_a_cut_text()
    {
        var error = Assert.Throws<InputException>(() =>
            ProfileRenderer.Render(Template("début\n{{ for i in 1..500 }}0123456789{{ end }}"), Model, new ProfileRenderer.Limits(OutputLimitChars: 1_000)));

        Assert.Matches(@"t\.sbn:2:\d+: .*1000", error.Message);
    }

    [Fact]
    public void A_string_longer_than_a_million_characters_is_written_whole()
    {
        var text = ProfileRenderer.Render(Template("{{ x = \"0123456789\" }}{{ for i in 1..17 }}{{ x = x + x }}{{ end }}{{ x }}\nEND"), Model);

        Assert.Equal((10 << 17) + "\nEND".Length, text.Length);
        Assert.DoesNotContain("...", text);
    }

    [Fact]
    public void The_run_s_deadline_stops_rendering()
    {
        using var deadline = new CancellationTokenSource();
        deadline.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            ProfileRenderer.Render(Template("{{ for i in 1..100000 }}{{ for j in 1..9 }}x{{ end }}{{ end }}"), Model, ct: deadline.Token));
    }
}
