namespace ChatbotPipeline.Backends.Cache;

/// <summary>String values with a time to live: what Redis does, and what the in-process cache does for one process.</summary>
public interface ICacheStore
{
    /// <summary>The value, or null when it is missing or expired.</summary>
    Task<string?> GetAsync(string key, CancellationToken cancellationToken = default);

    Task SetAsync(string key, string value, TimeSpan timeToLive, CancellationToken cancellationToken = default);

    /// <summary>Sets the value only when the key is missing or expired; true when this call set it (SET NX).</summary>
    Task<bool> TryAddAsync(string key, string value, TimeSpan timeToLive, CancellationToken cancellationToken = default);

    /// <summary>Adds one to a counter and returns its new value (<see cref="IncrementByAsync"/>).</summary>
    Task<long> IncrementAsync(string key, TimeSpan window, CancellationToken cancellationToken = default) =>
        IncrementByAsync(key, 1, window, cancellationToken);

    /// <summary>
    /// Adds <paramref name="amount"/> (at least 1) to a counter and returns its new value. A missing or expired counter
    /// starts at <paramref name="amount"/> and lives for <paramref name="window"/> from then; later increments do not
    /// extend it (a fixed window, as rate limits need).
    /// </summary>
    Task<long> IncrementByAsync(string key, long amount, TimeSpan window, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes one off a counter made by <see cref="IncrementAsync"/> if it still holds <paramref name="expected"/> (a number
    /// taken and not used, and none taken after it); false otherwise, or while the cache is unreachable.
    /// </summary>
    Task<bool> DecrementIfAsync(string key, long expected, CancellationToken cancellationToken = default);

    Task RemoveAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds <paramref name="increment"/> to a member's score in a ranked set (ZINCRBY); the set lives for
    /// <paramref name="timeToLive"/> from its first member.
    /// </summary>
    Task IncrementScoreAsync(string key, string member, double increment, TimeSpan timeToLive, CancellationToken cancellationToken = default);

    /// <summary>The <paramref name="count"/> highest-scored members of a ranked set, highest first (ZREVRANGE … WITHSCORES).</summary>
    Task<IReadOnlyList<RankedMember>> TopAsync(string key, int count, CancellationToken cancellationToken = default);

    /// <summary>
    /// Like <see cref="GetAsync"/>, but a cache that cannot answer throws <see cref="CacheUnavailableException"/> instead
    /// of reading as a miss: for callers to whom a miss means doing a side effect again (a reply sent twice).
    /// </summary>
    Task<string?> GetCheckedAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Like <see cref="TryAddAsync"/>, but throws <see cref="CacheUnavailableException"/> instead of answering true without the cache.</summary>
    Task<bool> TryAddCheckedAsync(string key, string value, TimeSpan timeToLive, CancellationToken cancellationToken = default);

    /// <summary>Like <see cref="SetAsync"/>, but throws <see cref="CacheUnavailableException"/> instead of dropping the write.</summary>
    Task SetCheckedAsync(string key, string value, TimeSpan timeToLive, CancellationToken cancellationToken = default);

    /// <summary>Removes the key only while it still holds <paramref name="value"/>; true when this call removed it.</summary>
    /// <remarks>Releases a lease without removing one another holder took after this one expired.</remarks>
    Task<bool> RemoveIfAsync(string key, string value, CancellationToken cancellationToken = default);
}

/// <summary>A member of a ranked set and its score.</summary>
public sealed record RankedMember(string Member, double Score);
