using System.CommandLine;
using System.CommandLine.Help;

namespace CQEN.ProfileGen.Cli;

/// <summary>Each verb's help ends with an example of its everyday use.</summary>
internal static class Examples
{
    private static readonly Dictionary<string, string[]> ByVerb = new(StringComparer.Ordinal)
    {
        ["render"] =
        [
            "profilegen render --config samples/cqen-qdce.profilegen.yml --snapshot samples/cqen-qdce.snapshot.json",
            "GITHUB_TOKEN=… profilegen render --org CQEN-QDCE --output profile/README.md",
        ],
        ["snapshot"] = ["GITHUB_TOKEN=… profilegen snapshot --org CQEN-QDCE --output cqen-qdce.snapshot.json"],
        ["validate"] = ["profilegen validate --config profilegen.yml --template templates/profile.sbn"],
        ["publish"] =
        [
            "profilegen publish --org CQEN-QDCE --dry-run",
            "GITHUB_TOKEN=… profilegen publish --org CQEN-QDCE --detailed-exitcode",
        ],
        ["init"] = ["profilegen init --org CQEN-QDCE -C path/to/.github"],
        ["audit"] = ["profilegen audit --config samples/cqen-qdce.profilegen.yml --snapshot samples/cqen-qdce.snapshot.json"],
        ["export"] = ["profilegen export --format publiccode --snapshot samples/cqen-qdce.snapshot.json --output catalogue"],
    };

    public static void AddTo(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        if (help.Action is HelpAction action)
        {
            help.Action = new HelpWithExamples(action);
        }
    }

    // The default help, then the verb's examples.
    private sealed class HelpWithExamples(HelpAction help) : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var exit = help.Invoke(parseResult);
            if (ByVerb.TryGetValue(parseResult.CommandResult.Command.Name, out var lines))
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                foreach (var line in lines)
                {
                    output.WriteLine("  " + line);
                }
                output.WriteLine();
            }
            return exit;
        }
    }
}
