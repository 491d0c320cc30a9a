namespace ChatbotPipeline.Backends.Cache;

/// <summary>
/// Side effects done once across redeliveries, including copies of one message handled at the same time by two
/// replicas. The key is claimed as "working" (a lease that expires if the worker dies), the work runs, then the key
/// records that it is done; a failure releases the claim for the retry. Nothing runs without the cache: an
/// unreachable cache throws <see cref="CacheUnavailableException"/> so the message is retried once it is back,
/// instead of repeating work it has no memory of.
/// </summary>
public static class CacheOnce
{
    private const string WorkingPrefix = "working:";
    private const string Done = "1";

    /// <param name="lease">How long the work may take before another delivery may try it again (the claim's lifetime).</param>
    /// <param name="patience">How long the record of finished work waits for an unreachable cache before giving up.</param>
    /// <returns>True when the work ran now; false when the key says it was done before.</returns>
    /// <exception cref="WorkInProgressException">Another delivery is doing this work now; retry later.</exception>
    public static async Task<bool> OnceAsync(this ICacheStore cache, string key, TimeSpan remember, TimeSpan lease, TimeSpan patience,
        TimeProvider time, Func<Task> work, CancellationToken cancellationToken)
    {
        var claim = WorkingPrefix + Guid.NewGuid().ToString("N");
        if (!await cache.TryAddCheckedAsync(key, claim, lease, cancellationToken))
        {
            var holder = await cache.GetCheckedAsync(key, cancellationToken);
            if (holder is not null && !holder.StartsWith(WorkingPrefix, StringComparison.Ordinal))
                return false;
            throw new WorkInProgressException(key);
        }
        try
        {
            await work();
        }
        catch
        {
            await cache.RemoveIfAsync(key, claim, CancellationToken.None);
            throw;
        }
        await RememberDoneAsync(cache, key, remember, patience, time);
        return true;
    }

    /// <summary>
    /// Records that the work is done, waiting out a cache outage: a retry that found no record would do the work again
    /// (a reply sent twice after Redis restarted empty). Nobody else can claim the work while the cache is down.
    /// </summary>
    private static async Task RememberDoneAsync(ICacheStore cache, string key, TimeSpan remember, TimeSpan patience, TimeProvider time)
    {
        var started = time.GetTimestamp();
        var pause = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                await cache.SetCheckedAsync(key, Done, remember, CancellationToken.None);
                return;
            }
            catch (CacheUnavailableException) when (time.GetElapsedTime(started) < patience)
            {
                await Task.Delay(pause, time);
                pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 2000));
            }
        }
    }
}

/// <summary>Another delivery holds the claim on this work right now; the message should be retried, not dropped.</summary>
public sealed class WorkInProgressException(string key) : Exception($"Another delivery is doing '{key}' now.");
