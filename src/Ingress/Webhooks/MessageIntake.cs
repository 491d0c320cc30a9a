using ChatbotPipeline.Contracts;
using ChatbotPipeline.ServiceDefaults.Bus;
using MassTransit;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Ingress.Webhooks;

/// <summary>
/// Takes a normalized message in for every channel: drops platform retries, applies the sender's rate limit and puts
/// the message on the bus within a bounded wait. Nothing here depends on how the platform shaped its webhook.
/// </summary>
public sealed partial class MessageIntake(
    PlatformMessageIds seen, SenderRateLimiter limiter, IPublishEndpoint publisher, IOptions<BusOptions> bus, ILogger<MessageIntake> logger)
{
    /// <param name="platformMessageId">The platform's id for the message, when it has one: its retries carry the same id.</param>
    public async Task<IntakeResult> AdmitAsync(MessageReceived message, string? platformMessageId, CancellationToken cancellationToken)
    {
        if (platformMessageId is not null)
        {
            var (first, firstMessageId) = await seen.ClaimAsync(message.BotId, message.Channel, platformMessageId, message.MessageId, cancellationToken);
            if (!first)
                return new IntakeResult(IntakeOutcome.Duplicate, firstMessageId);
        }

        if (await limiter.CheckAsync(message.BotId, message.Channel, message.SenderId, cancellationToken) is { } retryAfter)
        {
            await ReleaseAsync(message, platformMessageId);
            LogRateLimited(message.BotId, message.Channel, message.SenderId);
            return new IntakeResult(IntakeOutcome.RateLimited, message.MessageId, retryAfter);
        }

        // A broker that is down makes Publish wait for a connection: bound the wait, then tell the platform to retry.
        using var publishTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        publishTimeout.CancelAfter(TimeSpan.FromSeconds(bus.Value.PublishTimeoutSeconds));
        try
        {
            await publisher.Publish(message, publishTimeout.Token);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            await ReleaseAsync(message, platformMessageId);
            LogPublishFailed(exception, message.BotId, message.Channel);
            return new IntakeResult(IntakeOutcome.Unavailable, message.MessageId);
        }
        return new IntakeResult(IntakeOutcome.Accepted, message.MessageId);
    }

    /// <summary>Forgets the claim of a message that was not queued, so the platform's retry is taken.</summary>
    private Task ReleaseAsync(MessageReceived message, string? platformMessageId) =>
        platformMessageId is null ? Task.CompletedTask : seen.ReleaseAsync(message.BotId, message.Channel, platformMessageId, CancellationToken.None);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not publish a message for bot {BotId} from {Channel}")]
    private partial void LogPublishFailed(Exception exception, string botId, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit reached: bot {BotId}, channel {Channel}, sender {SenderId}")]
    private partial void LogRateLimited(string botId, string channel, string senderId);
}

public enum IntakeOutcome
{
    /// <summary>On the bus.</summary>
    Accepted,

    /// <summary>A retry of a message already taken; <see cref="IntakeResult.MessageId"/> is the first delivery's.</summary>
    Duplicate,

    /// <summary>The sender is over the limit; try again after <see cref="IntakeResult.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>The bus did not take the message in time; nothing was queued.</summary>
    Unavailable,
}

public sealed record IntakeResult(IntakeOutcome Outcome, string MessageId, TimeSpan RetryAfter = default);
