namespace CQEN.ProfileGen;

/// <summary>How much an audit finding matters, most first: the one list of them.</summary>
internal enum Severity
{
    Error,
    Warning,
    Notice,
}

/// <summary>The severities' one spelling, as profilegen.yml, the JSON output and GitHub's annotations write them.</summary>
internal static class Severities
{
    /// <summary>error, warning, notice.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<Severity>().Select(Name)];

    public static string Name(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Notice => "notice",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    /// <summary>The severity a name spells; null for any other word (the configuration's "off").</summary>
    public static Severity? Parse(string name) => Enum.GetValues<Severity>().Cast<Severity?>().FirstOrDefault(s => s!.Value.Name() == name);
}
