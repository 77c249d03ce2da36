namespace CQEN.ProfileGen.GitHub;

/// <summary>
/// The strings of one read that repeat from repository to repository (languages, topics, badge
/// URLs and words, licence names, root file names), kept once each. Every answer deserialized
/// brings its own copy of each, and at 50,000 repositories the copies held in the snapshot were
/// tens of megabytes. Safe to use from the reader's few mapping tasks at once.
/// </summary>
internal sealed class StringPool
{
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);

    /// <summary>The pool's copy of <paramref name="value"/> (the value itself the first time).</summary>
    public string? Get(string? value)
    {
        if (value is null)
        {
            return null;
        }
        lock (_strings)
        {
            if (_strings.TryGetValue(value, out var kept))
            {
                return kept;
            }
            _strings.Add(value);
            return value;
        }
    }
}
