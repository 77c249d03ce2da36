using System.CommandLine;
using System.CommandLine.Parsing;

namespace CQEN.ProfileGen.Cli;

/// <summary>
/// Parse errors in words a user can act on: an unknown verb or option gets the nearest known
/// one suggested ("did you mean 'render'?"); messages never carry .NET type names.
/// </summary>
public static class ParseErrors
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
                yield return $"unknown option '{unknown}'{(isRoot ? "" : $" for '{command.Name}'")}{Suggest(unknown, options)}";
            }
            else if (isRoot)
            {
                yield return $"unknown verb '{unknown}'{Suggest(unknown, verbs)}";
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

    /// <summary>" (did you mean 'X'?)" for the nearest candidate within a few edits, else "".</summary>
    public static string Suggest(string typed, IEnumerable<string> candidates)
    {
        var best = candidates.Distinct(StringComparer.Ordinal)
            .Select(c => (Name: c, Distance: Distance(typed.ToLowerInvariant(), c.ToLowerInvariant())))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, typed.Length / 3) ? $" (did you mean '{best.Name}'?)" : "";
    }

    // Optimal string alignment distance: a swap of two letters counts as one typo.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
