using ChatbotPipeline.Backends.Cache;
using ChatbotPipeline.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Alerts;

/// <summary>
/// Counts the pipeline's dead letters: every <see cref="Fault{T}"/> is a message that exhausted its retries and went to
/// its queue's <c>_error</c> queue. More than the threshold on one queue within a window raises one
/// <see cref="AlertKinds.DeadLetters"/> alert. Counting faults works the same on every transport, the in-memory one included.
/// </summary>
public sealed class DeadLetterWatch(ICacheStore cache, IOptions<AlertOptions> options, TimeProvider time)
{
    /// <param name="context">The fault's delivery: its source address names the queue that gave up.</param>
    public async Task CountAsync(ConsumeContext context)
    {
        var settings = options.Value;
        // The fault is published from the endpoint whose consumer gave up: its address names the queue.
        var queue = context.SourceAddress?.Segments.LastOrDefault()?.Trim('/') is { Length: > 0 } name ? name : "unknown";
        var now = time.GetUtcNow();
        var count = await cache.IncrementAsync($"alert:dead-letters:{queue}:{AlertWindow.Key(now, settings.DeadLetterWindowMinutes)}",
            TimeSpan.FromMinutes(settings.DeadLetterWindowMinutes), context.CancellationToken);
        if (count != settings.DeadLetterThreshold + 1)
            return;
        await context.Publish(OperatorAlert.Raise(AlertKinds.DeadLetters, AlertSeverities.Error, queue,
            $"Queue {queue}: more than {settings.DeadLetterThreshold} messages went to {queue}_error within {settings.DeadLetterWindowMinutes} min.", now),
            context.CancellationToken);
    }
}
