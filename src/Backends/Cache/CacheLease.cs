namespace ChatbotPipeline.Backends.Cache;

/// <summary>
/// A lease on a name, held in the cache so every replica sees it: taken with <c>SET NX</c> and a random token,
/// released only by its holder (compare-and-delete), expiring on its own if the holder dies.
/// </summary>
public static class CacheLease
{
    /// <summary>The lease, or null when someone else holds it; disposing releases it.</summary>
    public static async Task<IAsyncDisposable?> TryAcquireLeaseAsync(this ICacheStore cache, string key, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid().ToString("N");
        return await cache.TryAddAsync(key, token, lifetime, cancellationToken) ? new Held(cache, key, token) : null;
    }

    private sealed class Held(ICacheStore cache, string key, string token) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await cache.RemoveIfAsync(key, token, CancellationToken.None);
    }
}
