namespace CQEN.ProfileGen;

/// <summary>The known name a typo most likely meant, for "did you mean …?" in messages.</summary>
internal static class NearestName
{
    /// <summary>" (did you mean 'X'?)" for the nearest candidate within a few edits, else "".</summary>
    public static string Suggest(string typed, IEnumerable<string> candidates)
    {
        var best = candidates.Distinct(StringComparer.Ordinal)
            .Select(c => (Name: c, Distance: Distance(typed.ToLowerInvariant(), c.ToLowerInvariant())))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault();
        if (best.Name is not null && best.Distance <= Math.Max(2, typed.Length / 3))
        {
            return $" (did you mean '{best.Name}'?)";
        }
        // A name cut short ("spdx" for "spdx_id").
        var longer = typed.Length < 3 ? null : candidates.Where(c => c.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).OrderBy(c => c.Length).ThenBy(c => c, StringComparer.Ordinal).FirstOrDefault();
        return longer is null ? "" : $" (did you mean '{longer}'?)";
    }

    /// <summary>
    /// Edits between two words, the one measure every "did you mean" and near-miss finding uses: optimal
    /// string alignment, so a swap of two letters counts as one typo.
    /// </summary>
    public static int Distance(string a, string b)
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
