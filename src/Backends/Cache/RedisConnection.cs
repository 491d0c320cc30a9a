using StackExchange.Redis;

namespace ChatbotPipeline.Backends.Cache;

/// <summary>Opens the Redis multiplexer so that the process starts, and keeps working, while Redis is away.</summary>
public static class RedisConnection
{
    public static IConnectionMultiplexer Connect(RedisCacheOptions options)
    {
        var configuration = ConfigurationOptions.Parse(options.Configuration);
        configuration.AbortOnConnectFail = false;
        // Commands issued while the connection is being (re)established wait in the backlog for it, up to the command
        // timeout, instead of failing at once; when a connection attempt fails they fail with it. So "degraded" means
        // Redis is unreachable, not that it was still connecting (the first burst after a start used to fail whole).
        configuration.BacklogPolicy = BacklogPolicy.Default;
        configuration.ConnectTimeout = Math.Min(configuration.ConnectTimeout, 2000);
        configuration.AsyncTimeout = Math.Min(configuration.AsyncTimeout, 1000);
        configuration.SyncTimeout = Math.Min(configuration.SyncTimeout, 1000);
        return ConnectionMultiplexer.Connect(configuration);
    }
}
