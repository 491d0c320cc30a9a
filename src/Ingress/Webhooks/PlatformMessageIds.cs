using ChatbotPipeline.Backends.Cache;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Ingress.Webhooks;

/// <summary>
/// Drops a platform's retries of a message it already delivered: the platform's message id is claimed in the cache
/// (SET NX EX on Redis) with the id our pipeline gave the message. A claim is released when the message could not be
/// queued, so the platform's retry is taken rather than dropped.
/// </summary>
public sealed class PlatformMessageIds(ICacheStore cache, IOptions<IngressOptions> options)
{
    /// <summary>True when this is the first delivery; otherwise the message id given to the first one.</summary>
    public async Task<(bool First, string MessageId)> ClaimAsync(string botId, string channel, string platformMessageId, string messageId,
        CancellationToken cancellationToken)
    {
        var key = Key(botId, channel, platformMessageId);
        if (await cache.TryAddAsync(key, messageId, TimeSpan.FromMinutes(options.Value.DuplicateWindowMinutes), cancellationToken))
            return (true, messageId);
        return (false, await cache.GetAsync(key, cancellationToken) ?? messageId);
    }

    public Task ReleaseAsync(string botId, string channel, string platformMessageId, CancellationToken cancellationToken) =>
        cache.RemoveAsync(Key(botId, channel, platformMessageId), cancellationToken);

    private static string Key(string botId, string channel, string platformMessageId) => $"seen:{botId}:{channel}:{platformMessageId}";
}
