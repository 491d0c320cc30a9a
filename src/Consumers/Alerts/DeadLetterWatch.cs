using ChatbotPipeline.Backends.Cache;
using ChatbotPipeline.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Alerts;

/// <summary>
/// Counts the pipeline's dead letters: every <see cref="Fault{T}"/> is a message that exhausted its retries and went to
/// its queue's <c>_error</c> queue; on SQS, where the redrive policy moves it without a fault, the consumer host says
/// so with <see cref="MessageDeadLettered"/>. More than the threshold on one queue within a window raises one
/// <see cref="AlertKinds.DeadLetters"/> alert. Counting faults works the same on every transport, the in-memory one included.
/// </summary>
public sealed class DeadLetterWatch(ICacheStore cache, IOptions<AlertOptions> options, TimeProvider time)
{
    /// <param name="context">A fault's delivery: it is published from the endpoint whose consumer gave up, so its source address names the queue.</param>
    public Task CountFaultAsync(ConsumeContext context) =>
        CountAsync(context.SourceAddress?.Segments.LastOrDefault()?.Trim('/') is { Length: > 0 } name ? name : "unknown", context, context.CancellationToken);

    public async Task CountAsync(string queue, IPublishEndpoint publisher, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var count = await cache.IncrementAsync($"alert:dead-letters:{queue}:{AlertWindow.Key(now, settings.DeadLetterWindowMinutes)}",
            TimeSpan.FromMinutes(settings.DeadLetterWindowMinutes), cancellationToken);
        if (count != settings.DeadLetterThreshold + 1)
            return;
        await publisher.Publish(OperatorAlert.Raise(AlertKinds.DeadLetters, AlertSeverities.Error, queue,
            $"Queue {queue}: more than {settings.DeadLetterThreshold} messages were dead-lettered within {settings.DeadLetterWindowMinutes} min.", now),
            cancellationToken);
    }
}
