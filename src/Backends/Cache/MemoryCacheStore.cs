using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Backends.Cache;

/// <summary>
/// The in-process cache: entries expire on the injected clock, are swept as the cache is written, and are capped at
/// <see cref="MemoryCacheOptions.MaxEntries"/> (checked every 64 writes, so it may be passed by that many).
/// </summary>
public sealed partial class MemoryCacheStore(TimeProvider time, IOptions<CacheOptions> options, ILogger<MemoryCacheStore> logger) : ICacheStore
{
    private const int SweepEveryWrites = 4096;
    private const int CapCheckEveryWrites = 64;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RankedSet> _ranked = new(StringComparer.Ordinal);
    private readonly int _maxEntries = options.Value.Memory.MaxEntries;
    private readonly Lock _trimming = new();
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

    // One process's memory is always there: the checked forms are the plain ones.
    public Task<string?> GetCheckedAsync(string key, CancellationToken cancellationToken = default) => GetAsync(key, cancellationToken);

    public Task<bool> TryAddCheckedAsync(string key, string value, TimeSpan timeToLive, CancellationToken cancellationToken = default) =>
        TryAddAsync(key, value, timeToLive, cancellationToken);

    public Task SetCheckedAsync(string key, string value, TimeSpan timeToLive, CancellationToken cancellationToken = default) =>
        SetAsync(key, value, timeToLive, cancellationToken);

    public Task<long> IncrementByAsync(string key, long amount, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, 1);
        while (true)
        {
            if (!_entries.TryGetValue(key, out var current) || IsExpired(current))
            {
                var first = NewEntry(amount.ToString(CultureInfo.InvariantCulture), window);
                if (current is null ? _entries.TryAdd(key, first) : _entries.TryUpdate(key, first, current))
                {
                    CountWrite();
                    return Task.FromResult(amount);
                }
                continue;
            }
            var count = long.Parse(current.Value, CultureInfo.InvariantCulture) + amount;
            if (_entries.TryUpdate(key, current with { Value = count.ToString(CultureInfo.InvariantCulture) }, current))
                return Task.FromResult(count);
        }
    }

    public Task<bool> DecrementIfAsync(string key, long expected, CancellationToken cancellationToken = default)
    {
        var text = expected.ToString(CultureInfo.InvariantCulture);
        return Task.FromResult(_entries.TryGetValue(key, out var entry) && entry.Value == text && !IsExpired(entry)
            && _entries.TryUpdate(key, entry with { Value = (expected - 1).ToString(CultureInfo.InvariantCulture) }, entry));
    }

    public Task RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        _entries.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    public Task<bool> RemoveIfAsync(string key, string value, CancellationToken cancellationToken = default) =>
        Task.FromResult(_entries.TryGetValue(key, out var entry) && entry.Value == value && !IsExpired(entry)
            && _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry)));

    public Task IncrementScoreAsync(string key, string member, double increment, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var set = _ranked.GetOrAdd(key, _ => new RankedSet(time.GetUtcNow() + timeToLive));
            lock (set)
            {
                // A set that expired meanwhile is replaced, not added to.
                if (set.ExpiresAt <= time.GetUtcNow())
                {
                    _ranked.TryRemove(new KeyValuePair<string, RankedSet>(key, set));
                    continue;
                }
                set.Scores[member] = set.Scores.GetValueOrDefault(member) + increment;
                return Task.CompletedTask;
            }
        }
    }

    public Task<IReadOnlyList<RankedMember>> TopAsync(string key, int count, CancellationToken cancellationToken = default)
    {
        if (!_ranked.TryGetValue(key, out var set))
            return Task.FromResult<IReadOnlyList<RankedMember>>([]);
        lock (set)
        {
            if (set.ExpiresAt <= time.GetUtcNow())
                return Task.FromResult<IReadOnlyList<RankedMember>>([]);
            // Redis orders equal scores by member, descending in a reverse range.
            return Task.FromResult<IReadOnlyList<RankedMember>>(set.Scores
                .OrderByDescending(s => s.Value).ThenByDescending(s => s.Key, StringComparer.Ordinal)
                .Take(count).Select(s => new RankedMember(s.Key, s.Value)).ToList());
        }
    }

    private Entry NewEntry(string value, TimeSpan timeToLive) => new(value, time.GetUtcNow() + timeToLive);

    private bool IsExpired(Entry entry) => entry.ExpiresAt <= time.GetUtcNow();

    private void CountWrite()
    {
        // Counting a ConcurrentDictionary takes all its locks: the cap is checked every few writes, not on each.
        var writes = Interlocked.Increment(ref _writes);
        if (writes % SweepEveryWrites == 0 || (writes % CapCheckEveryWrites == 0 && _entries.Count > _maxEntries))
            Trim();
    }

    private void Trim()
    {
        if (!_trimming.TryEnter())
            return;
        try
        {
            foreach (var pair in _entries)
                if (IsExpired(pair.Value))
                    _entries.TryRemove(pair);
            foreach (var pair in _ranked)
                if (pair.Value.ExpiresAt <= time.GetUtcNow())
                    _ranked.TryRemove(pair);
            if (_entries.Count <= _maxEntries)
                return;
            // Drop down to 90 % so the next trim is thousands of writes away, not the next write.
            var excess = _entries.Count - _maxEntries * 9 / 10;
            // ToArray is an atomic snapshot; sorting the live dictionary would copy it while other requests add to it.
            var snapshot = _entries.ToArray();
            Array.Sort(snapshot, (a, b) => a.Value.ExpiresAt.CompareTo(b.Value.ExpiresAt));
            foreach (var pair in snapshot.AsSpan(0, Math.Min(excess, snapshot.Length)))
                _entries.TryRemove(pair);
            LogEvicted(excess, _maxEntries);
        }
        finally
        {
            _trimming.Exit();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "In-process cache full: dropped the {Count} entries closest to expiry (Cache:Memory:MaxEntries = {MaxEntries})")]
    private partial void LogEvicted(int count, int maxEntries);

    private sealed record Entry(string Value, DateTimeOffset ExpiresAt);

    private sealed class RankedSet(DateTimeOffset expiresAt)
    {
        public DateTimeOffset ExpiresAt { get; } = expiresAt;

        public Dictionary<string, double> Scores { get; } = new(StringComparer.Ordinal);
    }
}
