namespace CQEN.ProfileGen.Tests.Cli;

/// <summary>
/// Bad input of every kind: exit code 1, exactly one line on stderr naming what is at fault,
/// no stack trace, and nothing written (the --output file never appears).
/// </summary>
public class BadInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("profilegen-bad-input-").FullName;
    private readonly CliHarness _cli = new();

    public BadInputTests() => _cli.CurrentDirectory = _dir;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private async Task<string> FailsWithOneLine(params string[] args)
    {
        var output = Path.Combine(_dir, "out.md");
        var result = await _cli.RunAsync([.. args, "--output", output]);
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("profilegen: error: ", line);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Equal("", result.Out);
        Assert.False(File.Exists(output), "nothing may be written on error");
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
        return line["profilegen: error: ".Length..];
    }

    private static string SampleSnapshot => CliHarness.Sample("cqen-qdce.snapshot.json");

    [Fact]
    public async Task A_template_syntax_error_names_file_line_and_column()
    {
        var template = Write("bad.sbn", "# {{ org.login }}\n{{ for repo in repos }}\n{{ repo.name \n");
        var message = await FailsWithOneLine("render", "--snapshot", SampleSnapshot, "--template", template);
        Assert.Matches(@"^.*bad\.sbn:\d+:\d+: ", message);
    }

    [Fact]
    public async Task A_template_runtime_error_names_file_line_and_column()
    {
        var template = Write("runtime.sbn", "ok\n{{ undefined_variable.field }}\n");
        Assert.Matches(@"runtime\.sbn:2:\d+: ", await FailsWithOneLine("render", "--snapshot", SampleSnapshot, "--template", template));
    }

    [Fact]
    public async Task A_template_that_loops_forever_is_stopped()
    {
        var template = Write("loop.sbn", "{{ while true }}x{{ end }}");
        Assert.Matches(@"loop\.sbn:1:\d+: ", await FailsWithOneLine("render", "--snapshot", SampleSnapshot, "--template", template));
    }

    [Fact]
    public async Task A_template_cannot_include_files_outside_its_folder()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "templates"));
        Write("secret.txt", "do not include me");
        var template = Write("templates/main.sbn", "{{ include '../secret.txt' }}");
        var message = await FailsWithOneLine("render", "--snapshot", SampleSnapshot, "--template", template);
        Assert.Contains("outside the template folder", message);
    }

    [Fact]
    public async Task A_configuration_error_names_file_line_and_column()
    {
        var config = Write("profilegen.yml", "org: CQEN-QDCE\nfilters:\n  include_forks: maybe\n");
        var message = await FailsWithOneLine("render", "--snapshot", SampleSnapshot, "--config", config);
        Assert.EndsWith("profilegen.yml:3:18: 'include_forks' must be true or false", message);
    }

    [Fact]
    public async Task The_default_configuration_file_is_picked_up_from_the_current_folder()
    {
        Write("profilegen.yml", "culture: es\n");
        Assert.EndsWith("profilegen.yml:1:10: 'culture' must be one of fr-CA, en (got 'es')", await FailsWithOneLine("render", "--snapshot", SampleSnapshot));
    }

    [Fact]
    public async Task A_corrupt_snapshot_names_file_line_and_column()
    {
        var snapshot = Write("s.json", "{\n  \"schema\": 1,\n  \"org\": { \"login\": \"x\", \"url\": 3 }\n}");
        Assert.Matches(@"s\.json:3:\d+: invalid snapshot", await FailsWithOneLine("render", "--snapshot", snapshot));
    }

    [Fact]
    public async Task A_snapshot_of_another_schema_is_refused()
    {
        var snapshot = Write("s2.json", "{ \"schema\": 99, \"org\": { \"login\": \"x\", \"url\": \"u\" } }");
        Assert.Contains("unsupported snapshot schema 99", await FailsWithOneLine("render", "--snapshot", snapshot));
    }

    [Theory]
    [InlineData("--snapshot", "missing.json", "--snapshot: file not found")]
    [InlineData("--template", "missing.sbn", "--template: file not found")]
    [InlineData("--config", "missing.yml", "--config: file not found")]
    [InlineData("--api-url", "not a url", "--api-url: not an http(s) API URL")]
    [InlineData("--org", "bad/org", "--org: 'bad/org' is not a GitHub organization login")]
    [InlineData("--timeout", "0", "--timeout: must be a whole number of seconds from 1 to 4294967")]
    public async Task A_bad_option_is_named(string option, string value, string expected)
    {
        var args = option == "--snapshot" ? new[] { "render", option, value } : ["render", "--snapshot", SampleSnapshot, option, value];
        Assert.StartsWith(expected, await FailsWithOneLine(args));
    }

    [Fact]
    public async Task An_unknown_option_is_one_line()
    {
        var result = await _cli.RunAsync("render", "--colour", "red");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--colour", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task No_organization_and_no_snapshot_is_explained()
    {
        Assert.StartsWith("--org: no organization given", await FailsWithOneLine("render"));
    }

    [Fact]
    public async Task An_org_that_does_not_match_the_snapshot_is_refused()
    {
        Assert.Contains("does not match the snapshot's organization", await FailsWithOneLine("render", "--snapshot", SampleSnapshot, "--org", "another-org"));
    }

    [Theory]
    [InlineData("org: [unclosed")]
    [InlineData("org: [unclosed\nculture: fr\n")]
    [InlineData("org: [unclosed\n")]
    [InlineData("org: {unclosed")]
    [InlineData("org: \"unclosed")]
    public async Task An_unclosed_yaml_value_names_file_line_and_column_with_or_without_a_last_newline(string yaml)
    {
        var config = Write("profilegen.yml", yaml);

        Assert.Matches(@"profilegen\.yml:\d+:\d+: ", await FailsWithOneLine("render", "--snapshot", SampleSnapshot, "--config", config));
    }

    [Fact]
    public async Task A_tab_in_the_configuration_is_reported_on_its_own_line()
    {
        var config = Write("profilegen.yml", "org: CQEN-QDCE\nlimits:\n\tmax_bytes: 1000\n");

        Assert.Matches(@"profilegen\.yml:3:\d+: ", await FailsWithOneLine("render", "--snapshot", SampleSnapshot, "--config", config));
    }

    [Theory]
    [InlineData("[null]")]
    [InlineData("[{}]")]
    [InlineData("null")]
    public async Task A_snapshot_with_a_missing_repository_names_the_file_and_place(string repos)
    {
        var snapshot = Write("snap.json", $$"""{"schema": 1, "org": {"login": "org", "url": "https://github.com/org"}, "repos": {{repos}}}""");

        Assert.Matches(@"snap\.json:\d+:\d+: invalid snapshot: ", await FailsWithOneLine("render", "--snapshot", snapshot));
    }

    [Fact]
    public async Task A_render_output_that_is_the_root_folder_is_refused_rather_than_given_a_readme_and_cards()
    {
        // render's --output may name a folder (README.md and its cards inside), but never the root folder.
        var result = await _cli.RunAsync("render", "--snapshot", SampleSnapshot, "--output", "/");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("profilegen: error: --output: / is a folder; give a file name", Assert.Single(result.ErrorLines));
        Assert.False(File.Exists("/README.md"));
    }

    [Fact]
    public async Task An_audit_output_that_is_the_root_folder_is_refused_as_a_folder()
    {
        // audit's --output names a file (render's may name a folder, to hold the README and its cards).
        var result = await _cli.RunAsync("audit", "--snapshot", SampleSnapshot, "--output", "/");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("profilegen: error: --output: / is a folder; give a file name", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task A_template_including_a_fifo_is_stopped_at_the_timeout()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "templates"));
        var fifo = Path.Combine(_dir, "templates", "part.sbn");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        var template = Write("templates/main.sbn", "{{ include 'part.sbn' }}");

        var started = System.Diagnostics.Stopwatch.StartNew();
        var message = await FailsWithOneLine("render", "--snapshot", SampleSnapshot, "--template", template, "--timeout", "2");

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(30), started.Elapsed.ToString());
        Assert.Matches(@"main\.sbn:1:\d+: include 'part\.sbn': part\.sbn: the include is not a regular file", message);
    }
}
