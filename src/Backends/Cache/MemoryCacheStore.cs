using System.Collections.Concurrent;

namespace ChatbotPipeline.Backends.Cache;

/// <summary>The in-process cache: entries expire on the injected clock and are swept as the cache is written.</summary>
public sealed class MemoryCacheStore(TimeProvider time) : ICacheStore
{
    private const int SweepEveryWrites = 4096;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private int _writes;

    /// <summary>Entries held, expired ones not yet swept included.</summary>
    public int Count => _entries.Count;

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_entries.TryGetValue(key, out var entry) && !IsExpired(entry) ? entry.Value : null);

    public Task SetAsync(string key, string value, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        _entries[key] = NewEntry(value, timeToLive);
        CountWrite();
        return Task.CompletedTask;
    }

    public Task<bool> TryAddAsync(string key, string value, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        var entry = NewEntry(value, timeToLive);
        while (true)
        {
            if (_entries.TryAdd(key, entry))
                break;
            if (!_entries.TryGetValue(key, out var current))
                continue;
            if (!IsExpired(current))
                return Task.FromResult(false);
            if (_entries.TryUpdate(key, entry, current))
                break;
        }
        CountWrite();
        return Task.FromResult(true);
    }

    public Task RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        _entries.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    private Entry NewEntry(string value, TimeSpan timeToLive) => new(value, time.GetUtcNow() + timeToLive);

    private bool IsExpired(Entry entry) => entry.ExpiresAt <= time.GetUtcNow();

    private void CountWrite()
    {
        if (Interlocked.Increment(ref _writes) % SweepEveryWrites != 0)
            return;
        foreach (var pair in _entries)
            if (IsExpired(pair.Value))
                _entries.TryRemove(pair);
    }

    private sealed record Entry(string Value, DateTimeOffset ExpiresAt);
}
