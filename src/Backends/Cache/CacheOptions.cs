using System.ComponentModel.DataAnnotations;

namespace ChatbotPipeline.Backends.Cache;

/// <summary>Where short-lived state lives: conversation context, duplicate markers (section <c>Cache</c>).</summary>
public sealed class CacheOptions
{
    public const string Section = "Cache";

    /// <summary>Which cache to use. Default <see cref="CacheProvider.Memory"/>, which only one process can share.</summary>
    public CacheProvider Provider { get; set; } = CacheProvider.Memory;

    /// <summary>Settings of the in-process cache.</summary>
    public MemoryCacheOptions Memory { get; set; } = new();

    /// <summary>Settings of the Redis cache.</summary>
    public RedisCacheOptions Redis { get; set; } = new();
}

/// <summary>The caches this build can use.</summary>
public enum CacheProvider
{
    Memory,
    Redis,
}

/// <summary>Settings of the in-process cache (section <c>Cache:Memory</c>).</summary>
public sealed class MemoryCacheOptions
{
    /// <summary>
    /// Entries kept at most. Above it the entries closest to expiry are dropped first, so a traffic burst costs
    /// redelivery protection for the oldest messages instead of unbounded memory. Default 200,000 (about 200 MB).
    /// </summary>
    [Range(1_000, 100_000_000)]
    public int MaxEntries { get; set; } = 200_000;
}

/// <summary>Settings of the Redis cache (section <c>Cache:Redis</c>).</summary>
public sealed class RedisCacheOptions
{
    /// <summary>StackExchange.Redis configuration string. Default <c>localhost:6379</c>.</summary>
    public string Configuration { get; set; } = "localhost:6379";

    /// <summary>Prefix of every key, so several deployments can share one Redis. Default <c>chatbot:</c>.</summary>
    public string KeyPrefix { get; set; } = "chatbot:";
}
