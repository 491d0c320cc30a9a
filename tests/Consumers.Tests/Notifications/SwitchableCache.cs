using ChatbotPipeline.Backends.Cache;

namespace ChatbotPipeline.Consumers.Tests.Notifications;

/// <summary>A cache that can be made unreachable: the checked calls throw, the plain ones degrade as Redis's do.</summary>
public sealed class SwitchableCache(ICacheStore inner) : ICacheStore
{
    public volatile bool Down;

    private void ThrowIfDown()
    {
        if (Down)
            throw new CacheUnavailableException("test: the cache is down");
    }

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        Down ? Task.FromResult<string?>(null) : inner.GetAsync(key, cancellationToken);

    public Task SetAsync(string key, string value, TimeSpan timeToLive, CancellationToken cancellationToken = default) =>
        Down ? Task.CompletedTask : inner.SetAsync(key, value, timeToLive, cancellationToken);

    public Task<bool> TryAddAsync(string key, string value, TimeSpan timeToLive, CancellationToken cancellationToken = default) =>
        Down ? Task.FromResult(true) : inner.TryAddAsync(key, value, timeToLive, cancellationToken);

    public Task<long> IncrementByAsync(string key, long amount, TimeSpan window, CancellationToken cancellationToken = default) =>
        Down ? Task.FromResult(0L) : inner.IncrementByAsync(key, amount, window, cancellationToken);

    public Task<bool> DecrementIfAsync(string key, long expected, CancellationToken cancellationToken = default) =>
        Down ? Task.FromResult(false) : inner.DecrementIfAsync(key, expected, cancellationToken);

    public Task RemoveAsync(string key, CancellationToken cancellationToken = default) =>
        Down ? Task.CompletedTask : inner.RemoveAsync(key, cancellationToken);

    public Task IncrementScoreAsync(string key, string member, double increment, TimeSpan timeToLive, CancellationToken cancellationToken = default) =>
        Down ? Task.CompletedTask : inner.IncrementScoreAsync(key, member, increment, timeToLive, cancellationToken);

    public Task<IReadOnlyList<RankedMember>> TopAsync(string key, int count, CancellationToken cancellationToken = default) =>
        Down ? Task.FromResult<IReadOnlyList<RankedMember>>([]) : inner.TopAsync(key, count, cancellationToken);

    public Task<string?> GetCheckedAsync(string key, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        return inner.GetCheckedAsync(key, cancellationToken);
    }

    public Task<bool> TryAddCheckedAsync(string key, string value, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        return inner.TryAddCheckedAsync(key, value, timeToLive, cancellationToken);
    }

    public Task SetCheckedAsync(string key, string value, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        return inner.SetCheckedAsync(key, value, timeToLive, cancellationToken);
    }

    public Task<bool> RemoveIfAsync(string key, string value, CancellationToken cancellationToken = default) =>
        Down ? Task.FromResult(false) : inner.RemoveIfAsync(key, value, cancellationToken);
}
