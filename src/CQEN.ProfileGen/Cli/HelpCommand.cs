using System.CommandLine;

namespace CQEN.ProfileGen.Cli;

/// <summary>`profilegen help VERB`: the same help as `profilegen VERB --help` (and `profilegen help`, the root's).</summary>
internal sealed class HelpCommand : Command
{
    private readonly Argument<string?> Verb = new("VERB")
    {
        Arity = ArgumentArity.ZeroOrOne,
        Description = "The verb whose help to show (render, publish, …).",
    };

    public HelpCommand(RootCommand root)
        : base("help", "Show a verb's help: profilegen help VERB is profilegen VERB --help.")
    {
        Arguments.Add(Verb);
        SetAction((parse, ct) =>
        {
            var verbs = root.Subcommands.Where(c => c != this).Select(c => c.Name).ToArray();
            var verb = parse.GetValue(Verb);
            if (verb is not null && !verbs.Contains(verb, StringComparer.Ordinal))
            {
                throw new InputException($"help: unknown verb '{verb}'{NearestName.Suggest(verb, verbs)} (see 'profilegen --help')");
            }
            return root.Parse(verb is null ? ["--help"] : [verb, "--help"]).InvokeAsync(parse.InvocationConfiguration, ct);
        });
    }
}
