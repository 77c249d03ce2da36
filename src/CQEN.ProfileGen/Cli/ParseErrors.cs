using System.CommandLine;
using System.CommandLine.Parsing;

namespace CQEN.ProfileGen.Cli;

/// <summary>
/// Parse errors in words a user can act on: an unknown verb or option gets the nearest known
/// one suggested ("did you mean 'render'?"); messages never carry .NET type names.
/// </summary>
internal static class ParseErrors
{
    public static IEnumerable<string> Describe(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var verbs = parse.RootCommandResult.Command.Subcommands.Select(c => c.Name).ToArray();
        var isRoot = command == parse.RootCommandResult.Command;
        // The first unknown word says it all: what follows it (an unknown option's value) is noise.
        if (parse.UnmatchedTokens.FirstOrDefault() is { } unknown)
        {
            if (unknown.StartsWith('-'))
            {
                var options = command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal));
                yield return $"unknown option '{unknown}'{(isRoot ? "" : $" for '{command.Name}'")}{NearestName.Suggest(unknown, options)}";
            }
            else if (isRoot)
            {
                yield return $"unknown verb '{unknown}'{NearestName.Suggest(unknown, verbs)}";
            }
            else
            {
                yield return $"unexpected '{unknown}' (options start with --)";
            }
        }
        foreach (var error in parse.Errors.Where(e => !parse.UnmatchedTokens.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal))))
        {
            if (isRoot && parse.UnmatchedTokens.Count > 0)
            {
                continue; // "Required command was not provided" after an unknown verb says nothing more
            }
            var option = (error.SymbolResult as System.CommandLine.Parsing.OptionResult)?.Option.Name
                ?? ((error.SymbolResult as System.CommandLine.Parsing.ArgumentResult)?.Parent as System.CommandLine.Parsing.OptionResult)?.Option.Name;
            var message = string.Join(' ', error.Message.Split(['\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Replace("System.Nullable`1[System.Int32]", "a whole number", StringComparison.Ordinal);
            yield return option is null || message.StartsWith(option, StringComparison.Ordinal) ? message : $"{option}: {message}";
        }
    }
}
