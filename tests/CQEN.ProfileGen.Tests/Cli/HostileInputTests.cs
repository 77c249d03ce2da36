using System.Text;

namespace CQEN.ProfileGen.Tests.Cli;

/// <summary>
/// Inputs a hostile or unlucky user gives: each is refused with exit 1 and one line that names
/// what is at fault, writes nothing, and never repeats a secret.
/// </summary>
public class HostileInputTests : IDisposable
{
    private const string Secret = "ghp_test-SECRETsecretSECRETse-cretSECRET012345";
    private readonly string _dir = Directory.CreateTempSubdirectory("profilegen-hostile-").FullName;
    private readonly CliHarness _cli = new();

    public HostileInputTests() => _cli.CurrentDirectory = _dir;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string SampleSnapshot => CliHarness.Sample("cqen-qdce.snapshot.json");

    private string Write(string name, string text) => WriteBytes(name, Encoding.UTF8.GetBytes(text));

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private async Task<string> FailsWithOneLine(params string[] args)
    {
        var result = await _cli.RunAsync(args);
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("profilegen: error: ", line);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Equal("", result.Out);
        Assert.DoesNotContain("SECRET", result.Error);
        return line["profilegen: error: ".Length..];
    }

    [Theory]
    [InlineData("procself", "/proc/self", "procself/environ")]
    [InlineData("linkdir", "/etc", "linkdir/hostname")]
    public async Task A_template_cannot_include_through_a_linked_folder(string link, string target, string include)
    {
        _cli.Variables["GITHUB_TOKEN"] = Secret;
        Directory.CreateDirectory(Path.Combine(_dir, "templates"));
        File.CreateSymbolicLink(Path.Combine(_dir, "templates", link), target);
        var template = Write("templates/main.sbn", $"{{{{ include '{include}' }}}}");
        var output = Path.Combine(_dir, "out.md");

        var message = await FailsWithOneLine("render", "--snapshot", SampleSnapshot, "--template", template, "--output", output);

        Assert.Matches(@"main\.sbn:1:\d+: include '.*' is outside the template folder", message);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task A_template_may_include_through_a_link_that_stays_inside_its_folder()
    {
        Write("templates/parts/header.sbn", "HEADER");
        File.CreateSymbolicLink(Path.Combine(_dir, "templates", "alias"), Path.Combine(_dir, "templates", "parts"));
        var template = Write("templates/main.sbn", "{{ include 'alias/header.sbn' }}");

        var result = await _cli.RunAsync("render", "--snapshot", SampleSnapshot, "--template", template);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("HEADER", result.Out);
    }

    [Theory]
    [InlineData("https://user:" + Secret + "@ghes.example.com/api/v3", "credentials do not belong in the API URL")]
    [InlineData("https://" + Secret + "@ghes.example.com/api/v3", "credentials do not belong in the API URL")]
    [InlineData("https://ghes.example.com/api/v3?access_token=" + Secret, "an API URL has no query")]
    [InlineData("https://ghes.example.com/api/v3junk", "ends in /api/v3")]
    [InlineData("https://github.com/orgs", "github.com's API has no path")]
    [InlineData("https://ghes.example.com/api/v3 extra", "not an http(s) API URL")]
    public async Task An_api_url_that_is_not_one_is_refused_without_repeating_its_credentials(string url, string expected)
    {
        var message = await FailsWithOneLine("render", "--org", "org", "--api-url", url);

        Assert.StartsWith("--api-url: ", message);
        Assert.Contains(expected, message);
    }

    [Fact]
    public async Task An_api_url_with_credentials_in_the_environment_is_refused_naming_the_variable()
    {
        _cli.Variables["GITHUB_API_URL"] = $"https://x-access-token:{Secret}@ghes.example.com/api/v3";

        Assert.StartsWith("$GITHUB_API_URL: credentials do not belong in the API URL", await FailsWithOneLine("render", "--org", "org"));
    }

    [Fact]
    public async Task A_token_with_characters_no_token_has_is_refused_without_being_printed()
    {
        _cli.Variables["GITHUB_TOKEN"] = "ghp_SECRET secretSECRET\nsecret";

        Assert.StartsWith("$GITHUB_TOKEN: the token has spaces, line breaks", await FailsWithOneLine("render", "--org", "org", "--api-url", "http://127.0.0.1:1/api/v3"));
    }

    [Fact]
    public async Task A_timeout_beyond_what_a_timer_takes_is_refused_as_an_option()
    {
        Assert.StartsWith("--timeout: must be a whole number of seconds from 1 to 4294967", await FailsWithOneLine("render", "--snapshot", SampleSnapshot, "--timeout", "4294968"));
    }

    [Fact]
    public async Task An_unclosed_flow_sequence_in_the_configuration_names_file_line_and_column()
    {
        var config = Write("profilegen.yml", "org: [unclosed\n");

        Assert.Matches(@"profilegen\.yml:\d+:\d+: invalid YAML: ", await FailsWithOneLine("render", "--snapshot", SampleSnapshot, "--config", config));
    }

    [Fact]
    public async Task A_configuration_nested_a_hundred_thousand_levels_deep_is_refused_not_a_crash()
    {
        var config = Write("profilegen.yml", "org: " + new string('[', 100_000) + "\n");

        Assert.Matches(@"profilegen\.yml:1:\d+: nested more than 32 levels deep", await FailsWithOneLine("render", "--snapshot", SampleSnapshot, "--config", config));
    }

    [Fact]
    public async Task A_windows_1252_configuration_is_refused_at_its_first_bad_byte()
    {
        var config = WriteBytes("profilegen.yml", [.. "org: CQEN-QDCE\nprofile:\n  intro: \"caf"u8, 0xE9, .. "\"\n"u8]);

        Assert.EndsWith("profilegen.yml:3:14: not UTF-8 (byte 0xE9); save the file as UTF-8", await FailsWithOneLine("render", "--snapshot", SampleSnapshot, "--config", config));
    }

    [Fact]
    public async Task A_windows_1252_template_is_refused_at_its_first_bad_byte()
    {
        var template = WriteBytes("t.sbn", [.. "ligne\n{{ \"caf"u8, 0xE9, .. "\" }}\n"u8]);

        Assert.EndsWith("t.sbn:2:8: not UTF-8 (byte 0xE9); save the file as UTF-8", await FailsWithOneLine("render", "--snapshot", SampleSnapshot, "--template", template));
    }

    [Theory]
    [InlineData("--branch", "a..b")]
    [InlineData("--branch", "bad name")]
    [InlineData("--branch", "x.lock")]
    [InlineData("--base", "-main")]
    [InlineData("--target-path", "/etc/passwd")]
    [InlineData("--target-path", "../profile/README.md")]
    [InlineData("--target-path", ".git/config")]
    public async Task A_dry_run_refuses_names_git_would_refuse(string option, string value)
    {
        Assert.StartsWith($"{option}: '{value}' ", await FailsWithOneLine("publish", "--dry-run", "--snapshot", SampleSnapshot, "--api-url", "http://127.0.0.1:1/api/v3", option, value));
    }
}
