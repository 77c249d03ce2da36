namespace CQEN.ProfileGen;

/// <summary>
/// A word looked up in a short list (labels, languages, visibilities), asked for every repository
/// of a model: a plain loop, with no closure, iterator or boxed enumerator per call (at 50,000
/// repositories, LINQ's were megabytes of garbage a pass).
/// </summary>
internal static class StringList
{
    public static int IndexOf(IReadOnlyList<string> words, string word, StringComparison comparison = StringComparison.Ordinal)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (string.Equals(words[i], word, comparison))
            {
                return i;
            }
        }
        return -1;
    }

    public static bool Contains(IReadOnlyList<string> words, string word, StringComparison comparison = StringComparison.Ordinal) =>
        IndexOf(words, word, comparison) >= 0;
}
