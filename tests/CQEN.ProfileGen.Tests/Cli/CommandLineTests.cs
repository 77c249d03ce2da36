using ApprovalTests;
using ApprovalTests.Namers;
using ApprovalTests.Reporters;
using ApprovalTests.Writers;

namespace CQEN.ProfileGen.Tests.Cli;

/// <summary>The command line forgives typos, explains in words, and shows each verb's help as approved.</summary>
[UseReporter(typeof(QuietReporter))]
public class CommandLineTests
{
    private readonly CliHarness _cli = new();

    [Theory]
    [InlineData("render")]
    [InlineData("snapshot")]
    [InlineData("validate")]
    [InlineData("publish")]
    [InlineData("init")]
    [InlineData("audit")]
    [InlineData("doctor")]
    public async Task Each_verb_s_help_is_as_approved(string verb)
    {
        var result = await _cli.RunAsync(verb, "--help");

        Assert.Equal(0, result.ExitCode);
        using (ApprovalResults.ForScenario(verb))
        {
            // The usage line names the running executable: the test host here, profilegen for users.
            Approvals.Verify(new ApprovalTextWriter(result.Out.Replace("testhost", "profilegen", StringComparison.Ordinal), "txt"));
        }
    }

    [Fact]
    public void Two_runs_in_one_process_share_no_option_or_argument()
    {
        // An option remembers every command it is added to: one shared between runs would keep every
        // earlier run's commands (and their output) alive, and cost more to add at each run.
        static HashSet<object> SymbolsOf(ProfileGen.Cli.CommandContext context)
        {
            var symbols = new HashSet<object>(ReferenceEqualityComparer.Instance);
            var commands = new Stack<System.CommandLine.Command>([ProfileGen.Cli.CliApp.BuildRoot(context)]);
            while (commands.TryPop(out var command))
            {
                symbols.UnionWith(command.Options);
                symbols.UnionWith(command.Arguments);
                foreach (var sub in command.Subcommands)
                {
                    commands.Push(sub);
                }
            }
            return symbols;
        }
        ProfileGen.Cli.CommandContext NewRun() => new(
            new ProfileGen.Cli.CliEnvironment { Variables = new Dictionary<string, string?>(), Out = TextWriter.Null, Error = TextWriter.Null, CurrentDirectory = "." },
            ProfileGen.GitHub.GitHubConnector.Default(TimeProvider.System));

        var first = SymbolsOf(NewRun());
        var second = SymbolsOf(NewRun());

        Assert.True(first.Count > 20, $"only {first.Count} options and arguments found");
        Assert.Empty(first.Intersect(second).Select(s => ((System.CommandLine.Symbol)s).Name));
    }

    [Fact]
    public async Task No_verb_prints_the_help()
    {
        var result = await _cli.RunAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Commands:", result.Out);
        Assert.Equal("", result.Error);
    }

    [Theory]
    [InlineData(new[] { "rendr" }, "unknown verb 'rendr' (did you mean 'render'?)")]
    [InlineData(new[] { "pubilsh" }, "unknown verb 'pubilsh' (did you mean 'publish'?)")]
    [InlineData(new[] { "render", "--tempalte", "x.sbn" }, "unknown option '--tempalte' for 'render' (did you mean '--template'?)")]
    [InlineData(new[] { "publish", "--dryrun" }, "unknown option '--dryrun' for 'publish' (did you mean '--dry-run'?)")]
    [InlineData(new[] { "render", "--timeout", "abc" }, "--timeout: 'abc' is not a whole number of seconds")]
    [InlineData(new[] { "render", "--reader", "fast" }, "--reader: Argument 'fast' not recognized. Must be one of: 'auto' 'rest' 'graphql'")]
    public async Task A_mistyped_command_line_is_one_line_in_words(string[] args, string expected)
    {
        var result = await _cli.RunAsync(args);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("profilegen: error: " + expected + " (see 'profilegen", line);
        Assert.DoesNotContain("System.", line);
    }

    [Fact]
    public async Task Ctrl_c_exits_130_and_says_nothing_was_written()
    {
        using var interrupted = new CancellationTokenSource();
        await interrupted.CancelAsync();
        var env = new CQEN.ProfileGen.Cli.CliEnvironment
        {
            Variables = new Dictionary<string, string?> { ["GITHUB_TOKEN"] = "ghs_x" },
            Out = new StringWriter(),
            Error = new StringWriter(),
            CurrentDirectory = AppContext.BaseDirectory,
        };

        var exit = await CQEN.ProfileGen.Cli.CliApp.RunAsync(["render", "--org", "org", "--api-url", "http://127.0.0.1:9/api/v3"], env, ct: interrupted.Token);

        Assert.Equal(130, exit);
        Assert.Equal("profilegen: cancelled; nothing was written\n", env.Error.ToString()!.ReplaceLineEndings("\n"));
    }
}
