using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatbotPipeline.Backends.Cache;

/// <summary>
/// The cache on Redis. When Redis is unreachable the pipeline keeps answering: reads miss, writes are dropped,
/// <see cref="TryAddAsync"/> lets the caller proceed and counters read 0 (duplicate suppression degrades, replies do not stop); each such
/// operation is logged and counted, and the multiplexer reconnects on its own when Redis returns. The checked forms
/// throw <see cref="CacheUnavailableException"/> instead, for callers that must not act without the cache.
/// </summary>
public sealed partial class RedisCacheStore : ICacheStore
{
    private readonly IConnectionMultiplexer _redis;
    private readonly CacheMetrics _metrics;
    private readonly ILogger<RedisCacheStore> _logger;
    private readonly string _prefix;

    // Set when a command failed while disconnected, cleared when the connection is restored: until then commands answer
    // at once without Redis. The first commands of an outage (or of a reconnect) wait in the backlog; the rest do not,
    // so a message does not pay a timeout per cache call while Redis is down.
    private volatile bool _knownDown;

    public RedisCacheStore(IConnectionMultiplexer redis, IOptions<CacheOptions> options, CacheMetrics metrics, ILogger<RedisCacheStore> logger)
    {
        _redis = redis;
        _metrics = metrics;
        _logger = logger;
        _prefix = options.Value.Redis.KeyPrefix;
        redis.ConnectionRestored += (_, _) => _knownDown = false;
    }

    // INCRBY and PEXPIRE in one script so a counter can never be left without its expiry.
    private const string IncrementInWindow = """
        local count = redis.call('INCRBY', KEYS[1], ARGV[2])
        if count == tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return count
        """;

    // GET and DECR in one script, for the same reason.
    private const string DecrementIfEqual = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DECR', KEYS[1]) return 1 end
        return 0
        """;

    // GET and DEL in one script: between a separate GET and DEL the key could expire and be taken by someone else.
    private const string RemoveIfEqual = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    // ZINCRBY and the first member's PEXPIRE in one script, as for counters.
    private const string IncrementScoreInWindow = """
        redis.call('ZINCRBY', KEYS[1], ARGV[1], ARGV[2])
        if redis.call('PTTL', KEYS[1]) == -1 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
        return 1
        """;

    private IDatabase Database => _redis.GetDatabase();

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        Degrade("get", key, async () => (string?)await Database.StringGetAsync(_prefix + key), null);

    public Task SetAsync(string key, string value, TimeSpan timeToLive, CancellationToken cancellationToken = default) =>
        Degrade("set", key, () => Database.StringSetAsync(_prefix + key, value, timeToLive), false);

    public Task<bool> TryAddAsync(string key, string value, TimeSpan timeToLive, CancellationToken cancellationToken = default) =>
        Degrade("try-add", key, () => Database.StringSetAsync(_prefix + key, value, timeToLive, When.NotExists), true);

    public Task<string?> GetCheckedAsync(string key, CancellationToken cancellationToken = default) =>
        Require("get", key, async () => (string?)await Database.StringGetAsync(_prefix + key));

    public Task<bool> TryAddCheckedAsync(string key, string value, TimeSpan timeToLive, CancellationToken cancellationToken = default) =>
        Require("try-add", key, () => Database.StringSetAsync(_prefix + key, value, timeToLive, When.NotExists));

    public Task SetCheckedAsync(string key, string value, TimeSpan timeToLive, CancellationToken cancellationToken = default) =>
        Require("set", key, () => Database.StringSetAsync(_prefix + key, value, timeToLive));

    /// <summary>0 while Redis is unreachable: a rate limit built on it lets messages through rather than refusing them.</summary>
    public Task<long> IncrementByAsync(string key, long amount, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, 1);
        return Degrade("increment", key, async () => (long)await Database.ScriptEvaluateAsync(IncrementInWindow,
            [(RedisKey)(_prefix + key)], [(long)window.TotalMilliseconds, amount]), 0L);
    }

    /// <summary>False while Redis is unreachable: the key expires on its own.</summary>
    public Task<bool> RemoveIfAsync(string key, string value, CancellationToken cancellationToken = default) =>
        Degrade("remove-if", key, async () => (long)await Database.ScriptEvaluateAsync(RemoveIfEqual,
            [(RedisKey)(_prefix + key)], [(RedisValue)value]) == 1, false);

    public Task<bool> DecrementIfAsync(string key, long expected, CancellationToken cancellationToken = default) =>
        Degrade("decrement-if", key, async () => (long)await Database.ScriptEvaluateAsync(DecrementIfEqual,
            [(RedisKey)(_prefix + key)], [expected]) == 1, false);

    public Task RemoveAsync(string key, CancellationToken cancellationToken = default) =>
        Degrade("remove", key, () => Database.KeyDeleteAsync(_prefix + key), false);

    public Task IncrementScoreAsync(string key, string member, double increment, TimeSpan timeToLive, CancellationToken cancellationToken = default) =>
        Degrade("increment-score", key, () => Database.ScriptEvaluateAsync(IncrementScoreInWindow,
            [(RedisKey)(_prefix + key)], [increment, member, (long)timeToLive.TotalMilliseconds]), RedisResult.Create(0));

    /// <summary>Empty while Redis is unreachable.</summary>
    public Task<IReadOnlyList<RankedMember>> TopAsync(string key, int count, CancellationToken cancellationToken = default) =>
        Degrade<IReadOnlyList<RankedMember>>("top", key, async () =>
            (await Database.SortedSetRangeByRankWithScoresAsync(_prefix + key, 0, count - 1, Order.Descending))
                .Select(entry => new RankedMember(entry.Element!, entry.Score)).ToList(), []);

    /// <summary>The command, or <paramref name="fallback"/> (logged and counted) while Redis cannot answer.</summary>
    private async Task<T> Degrade<T>(string operation, string key, Func<Task<T>> command, T fallback)
    {
        try
        {
            return await Require(operation, key, command);
        }
        catch (CacheUnavailableException unavailable)
        {
            LogDegraded(operation, key, unavailable.InnerException!.Message);
            return fallback;
        }
    }

    private void ThrowIfKnownDown()
    {
        if (_knownDown && !_redis.IsConnected)
            throw new RedisException("Redis is unreachable (waiting for the connection to be restored).");
        _knownDown = false;
    }

    private void NoteFailure()
    {
        if (!_redis.IsConnected)
            _knownDown = true;
    }

    /// <summary>The command, or <see cref="CacheUnavailableException"/> (counted) while Redis cannot answer.</summary>
    private async Task<T> Require<T>(string operation, string key, Func<Task<T>> command)
    {
        try
        {
            ThrowIfKnownDown();
            return await command();
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            NoteFailure();
            _metrics.Degraded(operation);
            throw new CacheUnavailableException($"Redis could not {operation} '{key}': {exception.Message}", exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis unreachable: cache {Operation} of {CacheKey} answered without it ({Reason})")]
    private partial void LogDegraded(string operation, string cacheKey, string reason);
}
