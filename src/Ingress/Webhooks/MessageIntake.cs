using ChatbotPipeline.Backends.Cache;
using ChatbotPipeline.Bus;
using ChatbotPipeline.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Ingress.Webhooks;

/// <summary>
/// Takes a normalized message in for every channel: drops platform retries, applies the sender's rate limit and puts
/// the message on the bus within a bounded wait. Nothing here depends on how the platform shaped its webhook.
/// </summary>
/// <remarks>
/// A message the platform named gets an id derived from the platform's (<see cref="PlatformMessageIds.MessageIdFor"/>)
/// and is claimed pending before the publish, marked taken only after the broker confirmed it, and released on every
/// other path — a rate limit, a refused or slow publish, a client that hung up. The publish is not cancelled when the
/// client hangs up: the work is already paid for, and finishing it turns the client's retry into a plain duplicate.
/// </remarks>
public sealed partial class MessageIntake(
    PlatformMessageIds seen, AdmissionLimiter limiter, ConversationSequences sequences, IPublishEndpoint publisher, IOptions<BusOptions> bus, ILogger<MessageIntake> logger)
{
    /// <summary>What a retry is told to wait when another delivery of its message is still being handed over.</summary>
    public static readonly TimeSpan InFlightRetryAfter = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How much longer than the publish timeout a request may take in all: the cache calls around the publish share it,
    /// so a slow Redis shortens the publish's wait instead of lengthening the request.
    /// </summary>
    public static readonly TimeSpan RequestMargin = TimeSpan.FromSeconds(1.5);

    /// <param name="platformMessageId">The platform's id for the message, when it has one: its retries carry the same id.</param>
    public async Task<IntakeResult> AdmitAsync(MessageReceived message, string? platformMessageId, CancellationToken cancellationToken)
    {
        var publishTimeout = TimeSpan.FromSeconds(bus.Value.PublishTimeoutSeconds);
        using var budget = new CancellationTokenSource(publishTimeout + RequestMargin);
        if (platformMessageId is null)
            return await PublishAsync(message, release: null, budget.Token);

        message = message with { MessageId = PlatformMessageIds.MessageIdFor(message.BotId, message.Channel, platformMessageId) };
        var claim = await seen.ClaimAsync(message.BotId, message.Channel, platformMessageId, message.MessageId, cancellationToken);
        switch (claim.State)
        {
            case PlatformClaimState.Taken:
                return new IntakeResult(IntakeOutcome.Duplicate, claim.MessageId!);
            case PlatformClaimState.InFlight:
                return new IntakeResult(IntakeOutcome.InFlight, message.MessageId, InFlightRetryAfter);
        }

        var release = () => seen.ReleaseAsync(message.BotId, message.Channel, platformMessageId, message.MessageId);
        try
        {
            var result = await PublishAsync(message, release, budget.Token);
            if (result.Outcome == IntakeOutcome.Accepted)
                await ConfirmAsync(message, platformMessageId, budget.Token);
            return result;
        }
        catch
        {
            // Whatever went wrong before the broker had the message must not leave the claim standing.
            await release();
            throw;
        }
    }

    /// <summary>
    /// Marks the message taken, within what is left of the request's budget. A mark that does not make it leaves the
    /// pending claim to expire; a retry after that publishes the same message id again, which the consumers drop.
    /// </summary>
    private async Task ConfirmAsync(MessageReceived message, string platformMessageId, CancellationToken budget)
    {
        try
        {
            await seen.ConfirmAsync(message.BotId, message.Channel, platformMessageId, message.MessageId, CancellationToken.None).WaitAsync(budget);
        }
        catch (OperationCanceledException)
        {
            LogConfirmLate(message.MessageId, message.BotId);
        }
    }

    private async Task<IntakeResult> PublishAsync(MessageReceived message, Func<Task>? release, CancellationToken budget)
    {
        if (await limiter.CheckAsync(message.BotId, message.Channel, message.SenderId, CancellationToken.None) is { } refusal)
        {
            if (release is not null)
                await release();
            LogRateLimited(message.BotId, message.Channel, message.SenderId, refusal.Reason);
            return new IntakeResult(IntakeOutcome.RateLimited, message.MessageId, refusal.RetryAfter, refusal.Reason);
        }

        // Numbered last, just before the publish, so numbers follow the order messages reach the broker.
        message = message with { Sequence = await sequences.NextAsync(message.BotId, message.ConversationId, CancellationToken.None) };
        // A broker that is down, blocked or recovering its channel may ignore cancellation: WaitAsync bounds the wait
        // whatever the transport does. A publish abandoned here may still land later; the message's id makes that copy
        // a duplicate the consumers drop.
        var timeout = TimeSpan.FromSeconds(bus.Value.PublishTimeoutSeconds);
        using var publishTimeout = new CancellationTokenSource(timeout);
        try
        {
            await publisher.Publish(message, publishTimeout.Token).WaitAsync(timeout, budget);
        }
        catch (Exception exception)
        {
            if (release is not null)
                await release();
            await sequences.ReturnAsync(message.BotId, message.ConversationId, message.Sequence, CancellationToken.None);
            LogPublishFailed(message.BotId, message.Channel, message.MessageId, exception.GetType().Name, exception.Message);
            return new IntakeResult(IntakeOutcome.Unavailable, message.MessageId, InFlightRetryAfter);
        }
        return new IntakeResult(IntakeOutcome.Accepted, message.MessageId);
    }

    // One line, no stack: a broker outage makes every request fail the same way.
    [LoggerMessage(Level = LogLevel.Error, Message = "Could not publish message {MessageId} for bot {BotId} from {Channel}: {ErrorType}: {Reason}")]
    private partial void LogPublishFailed(string botId, string channel, string messageId, string errorType, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} for bot {BotId} is queued but could not be marked taken in time; its pending claim expires instead")]
    private partial void LogConfirmLate(string messageId, string botId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit reached: bot {BotId}, channel {Channel}, sender {SenderId}: {Reason}")]
    private partial void LogRateLimited(string botId, string channel, string senderId, string reason);
}

public enum IntakeOutcome
{
    /// <summary>On the bus.</summary>
    Accepted,

    /// <summary>A retry of a message already taken; <see cref="IntakeResult.MessageId"/> is the first delivery's.</summary>
    Duplicate,

    /// <summary>Another delivery of the same platform message is being handed to the bus now; retry after <see cref="IntakeResult.RetryAfter"/>.</summary>
    InFlight,

    /// <summary>The sender, the bot or the deployment is over its limit (<see cref="IntakeResult.Reason"/>); try again after <see cref="IntakeResult.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>The bus did not take the message in time; nothing is remembered of it, so a retry is taken.</summary>
    Unavailable,
}

public sealed record IntakeResult(IntakeOutcome Outcome, string MessageId, TimeSpan RetryAfter = default, string? Reason = null);
