using CQEN.ProfileGen.Cli;
using CQEN.ProfileGen.Tests.EndToEnd;
using CQEN.ProfileGen.Tests.StandInGitHub;

namespace CQEN.ProfileGen.Tests.Cli;

/// <summary>
/// In GitHub Actions, repository data printed by the tool (badge texts, file names, descriptions,
/// README sentences) never becomes a workflow command the runner executes. The lines are read as
/// the runner reads them (<see cref="RunnerCommands"/>), over every output mode.
/// </summary>
public sealed class WorkflowCommandTests() : EndToEndTest(repos: 2, token: "ghs_test-workflowCmd000000000-0000000000000001")
{
    // Every command the runner knows, in both of its forms; each carries PWN where the tool
    // never puts it (a name it never uses, a property, a group title) so that one that got
    // through is told from the tool's own.
    public static readonly string[] Hostile =
    [
        "##[error]PWN",
        "##[add-mask]PWN",
        "x ##[set-output name=PWN;]y",
        "::add-mask::PWN",
        "::stop-commands::PWN",
        "::set-output name=PWN::x",
        "::save-state name=PWN::x",
        "::add-matcher::PWN.json",
        "::warning title=PWN::x",
        "  ::error title=PWN::x",
        "\t::notice title=PWN::x",
        "::group::PWN",
        "::endgroup::PWN",
        "::debug::PWN",
        "%0A::add-mask::PWN",
    ];

    // Shields' own escaping of a badge text: a dash is doubled, an underscore too.
    private static string Shields(string text) => Uri.EscapeDataString(text.Replace("-", "--", StringComparison.Ordinal).Replace("_", "__", StringComparison.Ordinal));

    protected override void Arrange(GitHubState state)
    {
        for (var i = 0; i < Hostile.Length; i++)
        {
            var text = Hostile[i];
            state.AddRepo(Org, $"hostile-{i:00}", r =>
            {
                r.Description = $"{text}\n{text}\r{text}";
                r.License = ("mit", "MIT License", "MIT");
                r.Commit("main", new Dictionary<string, string>
                {
                    ["README.md"] = "<!-- ENTETE -->\n"
                        + $"[![img](https://img.shields.io/badge/Cycle%20de%20Vie-{Shields(text)}-339999)](https://www.quebec.ca/)\n"
                        + $"[![License](https://img.shields.io/badge/License-{Shields(text)}-blue)]({Uri.EscapeDataString(text)})\n"
                        + "<!-- FIN ENTETE -->\n\n"
                        + $"{text}\n\n{text} is a project. {text}\n",
                    ["LICENSE"] = StandInData.MitText,
                });
            });
        }
        File.WriteAllText(Path.Combine(Dir, "profilegen.yml"), "lifecycle:\n  labels: [Cycle de vie]\n  values: [Phase Découverte]\n");
    }

    public static TheoryData<string[]> Modes => new()
    {
        new[] { "audit" },
        new[] { "audit", "--json" },
        new[] { "audit", "--reader", "rest" },
        new[] { "render" },
        new[] { "render", "--reader", "rest" },
        new[] { "publish", "--dry-run" },
        new[] { "snapshot" },
    };

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task No_output_mode_turns_repository_data_into_a_workflow_command(string[] args)
    {
        Cli.Variables["GITHUB_ACTIONS"] = "true";
        var result = await Run(args[0], args[1..]);

        Assert.True(result.ExitCode is 0 or 3, result.Error);
        Assert.Contains("PWN", result.Out + result.Error); // the data did reach the output
        Assert.Empty(RunnerCommands.Injected(result.Out, result.Error));
    }

    [Theory]
    [InlineData("--org", "##[add-mask]PWN")]
    [InlineData("--branch", "::add-mask::PWN")]
    [InlineData("--template", "::stop-commands::PWN")]
    public async Task An_error_quoting_the_input_is_no_workflow_command_either(string option, string value)
    {
        Cli.Variables["GITHUB_ACTIONS"] = "true";
        var result = await Cli.RunAsync(["publish", "--dry-run", "--api-url", GitHub.ApiUrl, .. option == "--org" ? Array.Empty<string>() : ["--org", Org], option, value]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("PWN", result.Error);
        Assert.Empty(RunnerCommands.Injected(result.Out, result.Error));
    }

    [Fact]
    public async Task A_hostile_text_on_stdout_is_kept_legible_and_only_broken_where_the_runner_would_read_a_command()
    {
        Cli.Variables["GITHUB_ACTIONS"] = "true";
        var result = await Run("audit", "--json");

        // The JSON still parses; the texts differ only by the invisible break.
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        Assert.Contains("##\u200B[error]PWN", result.Out);
        Assert.Equal(
            "x ##\u200B[a]\n  :\u200B:b::c\nd::e::f\n",
            WorkflowCommandGuard.Neutralise("x ##[a]\n  ::b::c\nd::e::f\n"));
    }

    [Fact]
    public void The_guard_breaks_every_hostile_text_and_keeps_its_state_across_writes()
    {
        using var text = new StringWriter();
        using var guard = new WorkflowCommandGuard(text);
        foreach (var hostile in Hostile)
        {
            // Written a character at a time: a command split over writes is still one line.
            foreach (var c in hostile + "\n")
            {
                guard.Write(c);
            }
        }
        Assert.Empty(RunnerCommands.Find(text.ToString()));
        Assert.Equal(Hostile.Length - 1, RunnerCommands.Find(string.Join("\n", Hostile)).Count); // all but the escaped newline's
    }
}

/// <summary>
/// How the Actions runner reads a step's output (actions/runner, ActionCommand.TryParseV2 and
/// TryParse): each line whose text after its leading white space starts with `::NAME` (up to a
/// space or the next `::`), and each line holding `##[NAME` anywhere (up to a space or `]`), is a
/// command when NAME is one the runner knows (any case).
/// </summary>
internal static class RunnerCommands
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "add-mask", "add-matcher", "remove-matcher", "add-path", "debug", "echo", "endgroup", "error",
        "group", "notice", "save-state", "set-env", "set-output", "stop-commands", "warning",
    };

    public sealed record Command(string Name, string Properties, string Data, bool Legacy, string Line);

    public static List<Command> Find(string stream)
    {
        var found = new List<Command>();
        // Lines as StreamReader.ReadLine splits them.
        foreach (var line in stream.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\r', '\n'))
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("::", StringComparison.Ordinal) && trimmed.IndexOf("::", 2, StringComparison.Ordinal) is var end and > 0)
            {
                var info = trimmed[2..end];
                var name = info.Split(' ')[0];
                if (Known.Contains(name))
                {
                    found.Add(new Command(name, info[name.Length..], trimmed[(end + 2)..], false, line));
                    continue;
                }
            }
            if (line.IndexOf("##[", StringComparison.Ordinal) is var start and >= 0 && line.IndexOf(']', start) is var close and > 0)
            {
                var info = line[(start + 3)..close];
                var name = info.Split(' ')[0];
                if (Known.Contains(name))
                {
                    found.Add(new Command(name, info[name.Length..], line[(close + 1)..], true, line));
                }
            }
        }
        return found;
    }

    /// <summary>
    /// The commands that did not come from the tool: any on stdout; on stderr, any in the older
    /// form, any the tool never writes, and any carrying the corpus's mark where the tool's own
    /// never would (a property, a group's title).
    /// </summary>
    public static IEnumerable<string> Injected(string stdout, string stderr) =>
        Find(stdout).Select(c => "stdout: " + c.Line)
            .Concat(Find(stderr).Where(c =>
                c.Legacy
                || c.Name is not ("group" or "endgroup" or "error" or "warning" or "notice")
                || c.Properties.Contains("PWN", StringComparison.Ordinal)
                || (c.Name is "group" or "endgroup" && c.Data.Contains("PWN", StringComparison.Ordinal))
                || !c.Line.StartsWith("::", StringComparison.Ordinal))
            .Select(c => "stderr: " + c.Line));
}
