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

    /// <summary>How long a claimed piece of work may take before another delivery may try it again.</summary>
    public static readonly TimeSpan WorkLease = TimeSpan.FromMinutes(2);

    /// <returns>True when the work ran now; false when the key says it was done before.</returns>
    /// <exception cref="WorkInProgressException">Another delivery is doing this work now; retry later.</exception>
    public static async Task<bool> OnceAsync(this ICacheStore cache, string key, TimeSpan remember, Func<Task> work, CancellationToken cancellationToken)
    {
        var claim = WorkingPrefix + Guid.NewGuid().ToString("N");
        if (!await cache.TryAddCheckedAsync(key, claim, WorkLease, cancellationToken))
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
        await cache.SetCheckedAsync(key, Done, remember, CancellationToken.None);
        return true;
    }
}

/// <summary>Another delivery holds the claim on this work right now; the message should be retried, not dropped.</summary>
public sealed class WorkInProgressException(string key) : Exception($"Another delivery is doing '{key}' now.");
