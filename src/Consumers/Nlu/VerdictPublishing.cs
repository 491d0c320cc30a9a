using ChatbotPipeline.Contracts;
using MassTransit;

namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>How a verdict with its replies goes out, from NLU or from the action step.</summary>
public static class VerdictPublishing
{
    /// <summary>
    /// Publishes the verdict to its subscribers (log, analytics, notification) and, only when a web-chat page follows
    /// the conversation, its replies to the Ingress streams: a platform or callback conversation costs no stream delivery.
    /// </summary>
    public static async Task PublishVerdictAsync(this IPublishEndpoint publisher, MessageUnderstood understood, CancellationToken cancellationToken)
    {
        await publisher.Publish(understood, cancellationToken);
        if (understood.Message.LiveChat)
            await publisher.Publish(ChatStreamReply.Of(understood), cancellationToken);
    }
}
