using ChatbotPipeline.Backends.Cache;
using ChatbotPipeline.Contracts;
using MassTransit;

namespace ChatbotPipeline.Consumers.Notifications;

/// <summary>
/// Delivers the bot's replies to the callback URL a message came with, once per message id.
/// Messages without one are answered on the live chat stream, which Ingress feeds straight from the bus.
/// </summary>
public sealed partial class NotificationConsumer(ReplyCallbackClient callbacks, ICacheStore cache, ILogger<NotificationConsumer> logger)
    : IConsumer<MessageUnderstood>
{
    private static readonly TimeSpan DeliveredMemory = TimeSpan.FromDays(1);

    public async Task Consume(ConsumeContext<MessageUnderstood> context)
    {
        var understood = context.Message;
        var message = understood.Message;
        if (message.ReplyTo is null || understood.Replies.Count == 0)
            return;
        if (!Uri.TryCreate(message.ReplyTo, UriKind.Absolute, out var callback) || callback.Scheme is not ("http" or "https"))
        {
            LogUnusableReplyTo(message.MessageId);
            return;
        }

        var deliveredKey = $"notify:delivered:{message.MessageId}";
        if (await cache.GetAsync(deliveredKey, context.CancellationToken) is not null)
            return;
        await callbacks.SendAsync(callback, ReplyCallback.From(understood), context.CancellationToken);
        await cache.SetAsync(deliveredKey, "1", DeliveredMemory, context.CancellationToken);
        LogDelivered(message.MessageId, message.ConversationId, understood.Replies.Count);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivered {ReplyCount} replies for {MessageId} of {ConversationId}")]
    private partial void LogDelivered(string messageId, string conversationId, int replyCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} has a ReplyTo that is not an http(s) URL; reply not delivered")]
    private partial void LogUnusableReplyTo(string messageId);
}
