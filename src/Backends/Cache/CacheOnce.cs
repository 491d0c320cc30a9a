namespace ChatbotPipeline.Backends.Cache;

/// <summary>
/// Side effects done once across redeliveries: the key records that the work is done, written only after it succeeded,
/// so a failure leaves it to the retry and a success is never repeated while the key lives.
/// </summary>
public static class CacheOnce
{
    /// <returns>True when the work ran now; false when the key says it was done before.</returns>
    public static async Task<bool> OnceAsync(this ICacheStore cache, string key, TimeSpan remember, Func<Task> work, CancellationToken cancellationToken)
    {
        if (await cache.GetAsync(key, cancellationToken) is not null)
            return false;
        await work();
        await cache.SetAsync(key, "1", remember, cancellationToken);
        return true;
    }
}
