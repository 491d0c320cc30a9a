using System.Text.Json;
using ChatbotPipeline.Backends.Cache;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Actions;

/// <summary>
/// One call per message across redeliveries and replicas: the call is claimed (a lease of one call's length), made,
/// and its result kept by message id; a redelivery answers from the kept result instead of ordering twice. Nothing is
/// called without the cache (Redis down → the message is retried later).
/// </summary>
public sealed class ActionMemory(ICacheStore cache, IOptions<ActionOptions> options)
{
    private static readonly TimeSpan Remember = TimeSpan.FromDays(1);

    public async Task<ActionCallResult> OnceAsync(string messageId, Func<Task<ActionCallResult>> call, CancellationToken cancellationToken)
    {
        var resultKey = $"action:result:{messageId}";
        if (await cache.GetCheckedAsync(resultKey, cancellationToken) is { } kept)
            return JsonSerializer.Deserialize<ActionCallResult>(kept, JsonSerializerOptions.Web)!;
        var claimKey = $"action:call:{messageId}";
        var claim = Guid.NewGuid().ToString("N");
        if (!await cache.TryAddCheckedAsync(claimKey, claim, options.Value.HoldTime, cancellationToken))
            throw new WorkInProgressException(claimKey);
        var result = await call();
        await cache.SetCheckedAsync(resultKey, JsonSerializer.Serialize(result, JsonSerializerOptions.Web), Remember, CancellationToken.None);
        await cache.RemoveIfAsync(claimKey, claim, CancellationToken.None);
        return result;
    }
}
