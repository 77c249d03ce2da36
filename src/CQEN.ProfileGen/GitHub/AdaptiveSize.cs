namespace CQEN.ProfileGen.GitHub;

/// <summary>
/// How many repositories a GraphQL request asks for when GitHub may find it too heavy (its 10 s
/// clock or its resource limits): halved after a refusal, so the next requests are not refused the
/// same way; doubled back after <see cref="GrowAfter"/> answers in a row, up to a ceiling lowered
/// when a size fails a second time (one failure may be GitHub's passing load; two are this
/// organization's weight). The list pages and the file batches each keep one.
/// </summary>
internal sealed class AdaptiveSize(int start)
{
    /// <summary>Answers in a row before the size grows back.</summary>
    public const int GrowAfter = 3;

    private int _ceiling = start;
    private int _successes;
    private readonly HashSet<int> _failedOnce = [];

    /// <summary>The size the next request asks for.</summary>
    public int Value { get; private set; } = start;

    /// <summary>The most it will grow back to: lower than the start once a size failed twice.</summary>
    public int Ceiling => _ceiling;

    /// <summary>Starts under a ceiling an earlier run learned (a size that failed twice then).</summary>
    public void CapAt(int ceiling)
    {
        _ceiling = Math.Clamp(ceiling, 1, _ceiling);
        Value = Math.Min(Value, _ceiling);
    }

    /// <summary>A request of <paramref name="asked"/> was refused as too heavy.</summary>
    public void TooHeavy(int asked)
    {
        if (!_failedOnce.Add(asked))
        {
            _ceiling = Math.Min(_ceiling, Math.Max(1, asked / 2));
        }
        (Value, _successes) = (Math.Max(1, Math.Min(Value, asked / 2)), 0);
    }

    /// <summary>A request was answered whole.</summary>
    public void Answered()
    {
        if (++_successes >= GrowAfter && Value < _ceiling)
        {
            (Value, _successes) = (Math.Min(_ceiling, Value * 2), 0);
        }
    }
}
