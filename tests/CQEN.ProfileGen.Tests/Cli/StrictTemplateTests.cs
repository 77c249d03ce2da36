namespace CQEN.ProfileGen.Tests.Cli;

/// <summary>A misspelled name anywhere in a template is an error with file:line:col, in render and in validate.</summary>
public class StrictTemplateTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("profilegen-strict-").FullName;
    private readonly CliHarness _cli = new();

    public StrictTemplateTests() => _cli.CurrentDirectory = _dir;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string SampleSnapshot => CliHarness.Sample("cqen-qdce.snapshot.json");

    [Theory]
    [InlineData("{{ for r in repos }}\n- {{ r.nmae }}\n{{ end }}", "t.sbn:2:8: the template model has no member 'nmae' (did you mean 'name'?)")]
    [InlineData("# {{ org.nmae }}", "t.sbn:1:10: the template model has no member 'nmae' (did you mean 'name'?)")]
    [InlineData("{{ for r in repos }}{{ if r.license }}{{ r.license.spdx }}{{ end }}{{ end }}", "the template model has no member 'spdx' (did you mean 'spdx_id'?)")]
    public async Task A_misspelled_member_fails_render_and_validate(string template, string expected)
    {
        var path = Write("t.sbn", template);

        foreach (var verb in new[] { "render", "validate" })
        {
            var result = await _cli.RunAsync(verb, "--snapshot", SampleSnapshot, "--template", path);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains(expected, Assert.Single(result.ErrorLines));
        }
    }

    [Fact]
    public async Task A_misspelled_member_in_the_second_culture_s_own_template_fails_render_and_validate_alike()
    {
        var config = Write("profilegen.yml", "cultures: [fr-CA, en]\n");
        var template = Write("t.sbn", "# {{ org.name }}\n");
        Write("t.en.sbn", "# {{ org.nmae }}\n");

        foreach (var verb in new[] { "render", "validate" })
        {
            var result = await _cli.RunAsync(verb, "--config", config, "--snapshot", SampleSnapshot, "--template", template);
            Assert.True(result.ExitCode == 1, $"{verb}: {result.Error}");
            Assert.Contains("t.en.sbn:1:10: the template model has no member 'nmae' (did you mean 'name'?)", Assert.Single(result.ErrorLines));
        }
    }

    [Fact]
    public async Task Validate_without_a_snapshot_runs_the_loops_so_a_typo_inside_one_is_found()
    {
        var path = Write("t.sbn", "{{ for g in groups }}{{ for r in g.repos }}{{ r.langauge }}{{ end }}{{ end }}");

        var result = await _cli.RunAsync("validate", "--template", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no member 'langauge' (did you mean 'language'?)", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task Validate_checks_the_managed_region_templates_too()
    {
        var region = Write("repos.sbn", "{{ for r in repos }}{{ r.urll }}{{ end }}");

        var result = await _cli.RunAsync("validate", "--region", "repos=" + region);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("repos.sbn:1:", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task A_value_that_may_be_null_is_read_with_the_optional_form()
    {
        var path = Write("t.sbn", "{{ for r in repos }}{{ r.license?.url }}{{ end }}ok");

        var result = await _cli.RunAsync("render", "--snapshot", SampleSnapshot, "--template", path);

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith("ok", result.Out);
    }

    [Fact]
    public async Task The_default_templates_pass_validate_against_the_made_up_organization()
    {
        Assert.Equal(0, (await _cli.RunAsync("validate", "--config", CliHarness.Sample("cqen-qdce.profilegen.yml"))).ExitCode);
        Write("profilegen.yml", "culture: en\n");
        Assert.Equal(0, (await _cli.RunAsync("validate")).ExitCode);
    }
}
