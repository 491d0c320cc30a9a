using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Channels.Webhooks;
using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Ingress.Webhooks;

/// <summary>
/// Takes in the messages of one platform webhook. Platforms treat any answer but 2xx as their endpoint failing (and
/// Slack and Meta disable webhooks that keep failing; Telegram holds back later updates), so only a bus that did not
/// take a message is answered with 503, for the platform to retry; duplicates and rate-limited senders are
/// acknowledged and dropped.
/// </summary>
public sealed class PlatformIntake(MessageIntake intake, IBotStore bots, TimeProvider time) : IPlatformIntake
{
    public async Task<IResult> AnswerAsync(string botId, string channel, InboundBatch batch, IResult acknowledgement,
        CancellationToken cancellationToken)
    {
        if (batch.IsMalformed)
            return PlatformResults.Malformed(batch.Error!);
        if (await bots.GetRevisionAsync(botId, cancellationToken) is null)
            return PlatformResults.UnknownBot(botId);
        return await AdmitAsync(botId, channel, batch, cancellationToken) ? acknowledgement : PlatformResults.RetryLater(MessageIntake.InFlightRetryAfter);
    }

    /// <summary>True when every message is on the bus (or was already); false when the platform should retry.</summary>
    private async Task<bool> AdmitAsync(string botId, string channel, InboundBatch batch, CancellationToken cancellationToken)
    {
        var queued = true;
        foreach (var inbound in batch.Messages)
        {
            var result = await intake.AdmitAsync(inbound.Received(botId, channel, time.GetUtcNow()), inbound.PlatformMessageId, cancellationToken);
            // Keep going after a failure: the retry of the whole batch finds the queued ones already taken.
            queued &= result.Outcome is not (IntakeOutcome.Unavailable or IntakeOutcome.InFlight);
        }
        return queued;
    }
}
