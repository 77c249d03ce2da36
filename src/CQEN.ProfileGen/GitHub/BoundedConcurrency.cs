namespace CQEN.ProfileGen.GitHub;

/// <summary>
/// Per-repository reads, a few at a time: fast, yet gentle with GitHub's secondary rate limits.
/// Any failure fails the whole batch (Task.WhenAll rethrows), so no partial snapshot is built.
/// </summary>
internal static class BoundedConcurrency
{
    public static async Task<TResult[]> SelectAsync<TItem, TResult>(IEnumerable<TItem> items, int maxConcurrency, Func<TItem, Task<TResult>> read, CancellationToken ct)
    {
        using var gate = new SemaphoreSlim(maxConcurrency);
        return await Task.WhenAll(items.Select(async item =>
        {
            await gate.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                return await read(item).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
    }
}
