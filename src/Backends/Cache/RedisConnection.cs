using StackExchange.Redis;

namespace ChatbotPipeline.Backends.Cache;

/// <summary>Opens the Redis multiplexer so that the process starts, and keeps working, while Redis is away.</summary>
public static class RedisConnection
{
    public static IConnectionMultiplexer Connect(RedisCacheOptions options)
    {
        var configuration = ConfigurationOptions.Parse(options.Configuration);
        configuration.AbortOnConnectFail = false;
        // Commands fail at once while disconnected instead of queueing: a reply must not wait for Redis.
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ConnectTimeout = Math.Min(configuration.ConnectTimeout, 2000);
        configuration.AsyncTimeout = Math.Min(configuration.AsyncTimeout, 1000);
        configuration.SyncTimeout = Math.Min(configuration.SyncTimeout, 1000);
        return ConnectionMultiplexer.Connect(configuration);
    }
}
