using ChatbotPipeline.Channels.Replies;
using ChatbotPipeline.Consumers.Alerts;
using ChatbotPipeline.Contracts;
using MassTransit;

namespace ChatbotPipeline.Consumers.Notifications;

/// <summary>
/// The <c>notification</c> queue: the bot's replies, operator alerts, and the dead letters alerts are raised on.
/// Replies go where the message came from: the REST channel's callback URL, or the platform's API. Each delivered
/// reply is remembered by message id, so a retry after a partial failure or a redelivery sends only what the user has
/// not received. Messages without a reply address are answered on the live chat stream, which Ingress feeds straight
/// from the bus. One consumer takes every kind because each queue has exactly one consumer (the SQS transport
/// dispatches a queue to one).
/// </summary>
public sealed partial class NotificationConsumer(
    ReplyCallbackClient callbacks, PlatformRepliers platforms, DeliveryMemory delivered, AlertDelivery alerts, DeadLetterWatch deadLetters,
    ILogger<NotificationConsumer> logger)
    : IConsumer<MessageUnderstood>, IConsumer<OperatorAlert>, IConsumer<MessageDeadLettered>,
      IConsumer<Fault<MessageReceived>>, IConsumer<Fault<MessageUnderstood>>, IConsumer<Fault<ExportRequested>>, IConsumer<Fault<TrainingRequested>>,
      IConsumer<Fault<ActionRequested>>
{
    public Task Consume(ConsumeContext<OperatorAlert> context) => alerts.DeliverAsync(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<MessageDeadLettered> context) =>
        deadLetters.CountAsync(context.Message.Queue, context, context.CancellationToken);

    public Task Consume(ConsumeContext<Fault<MessageReceived>> context) => deadLetters.CountFaultAsync(context);

    public Task Consume(ConsumeContext<Fault<MessageUnderstood>> context) => deadLetters.CountFaultAsync(context);

    public Task Consume(ConsumeContext<Fault<ExportRequested>> context) => deadLetters.CountFaultAsync(context);

    public Task Consume(ConsumeContext<Fault<TrainingRequested>> context) => deadLetters.CountFaultAsync(context);

    public Task Consume(ConsumeContext<Fault<ActionRequested>> context) => deadLetters.CountFaultAsync(context);

    public async Task Consume(ConsumeContext<MessageUnderstood> context)
    {
        var understood = context.Message;
        var message = understood.Message;
        if (message.ReplyTo is null || understood.Replies.Count == 0)
            return;
        try
        {
            if (message.Channel == ChannelNames.Rest)
                await DeliverToCallbackAsync(understood, context.CancellationToken);
            else if (platforms.For(message.Channel) is { } platform)
                await DeliverToPlatformAsync(platform, understood, context.CancellationToken);
            else
                LogNoReplier(message.MessageId, message.Channel);
        }
        catch (ReplyFailedException failed)
        {
            // One line per attempt, whichever transport retries it (its own retry log may show only the first).
            LogAttemptFailed(message.MessageId, context.GetRetryAttempt() + 1, failed.Message);
            throw;
        }
    }

    private async Task DeliverToCallbackAsync(MessageUnderstood understood, CancellationToken cancellationToken)
    {
        var message = understood.Message;
        if (!Uri.TryCreate(message.ReplyTo, UriKind.Absolute, out var callback) || callback.Scheme is not ("http" or "https"))
        {
            LogUnusableReplyTo(message.MessageId);
            return;
        }
        if (await delivered.OnceAsync(DeliveredKey(message, 0), send => callbacks.SendAsync(callback, ReplyCallback.From(understood), send), cancellationToken))
            LogDelivered(understood.Replies.Count, message.MessageId, message.Channel);
    }

    private async Task DeliverToPlatformAsync(IPlatformReplier platform, MessageUnderstood understood, CancellationToken cancellationToken)
    {
        var message = understood.Message;
        var sent = 0;
        foreach (var (index, reply) in understood.Replies.Index())
            if (await delivered.OnceAsync(DeliveredKey(message, index),
                    send => platform.SendAsync(message, reply, index == understood.Replies.Count - 1 ? understood.Buttons ?? [] : [], send), cancellationToken))
                sent++;
        await delivered.OnceAsync(DeliveredKey(message, understood.Replies.Count), send => platform.AcknowledgeAsync(message, send), cancellationToken);
        if (sent > 0)
            LogDelivered(sent, message.MessageId, message.Channel);
    }

    private static string DeliveredKey(MessageReceived message, int replyIndex) => $"notify:delivered:{message.MessageId}:{replyIndex}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reply to {MessageId} not delivered (attempt {Attempt}): {Cause}")]
    private partial void LogAttemptFailed(string messageId, int attempt, string cause);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivered {ReplyCount} replies for {MessageId} on {Channel}")]
    private partial void LogDelivered(int replyCount, string messageId, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} has a ReplyTo that is not an http(s) URL; reply not delivered")]
    private partial void LogUnusableReplyTo(string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} came from channel {Channel}, which has no way to reply; reply not delivered")]
    private partial void LogNoReplier(string messageId, string channel);
}
