using Amazon.SQS;
using Amazon.SQS.Model;

namespace ChatbotPipeline.Bus.AmazonSqs;

/// <summary>An outgoing message: its body and what travels beside it as message attributes.</summary>
/// <param name="GroupKey">What orders it on FIFO queues (a conversation id); ignored on standard queues.</param>
/// <param name="ContentType">The body's media type, so the receiving side deserializes it as it was written.</param>
/// <param name="Trace">The sender's W3C trace context (<see cref="ServiceDefaults.Telemetry.SqsTraceContext"/>), sent as attributes.</param>
public sealed record SqsOutgoing(string MessageType, string MessageId, string? CorrelationId, string Body, string GroupKey, string? ContentType = null,
    IReadOnlyList<KeyValuePair<string, string>>? Trace = null);

/// <summary>
/// Sends a message to every queue subscribed to its type: the fan-out SNS would do, on the producer side because no
/// SNS package is served here. Attributes carry the message type, id and correlation id; on FIFO queues the group is
/// the message's group key (per-conversation order) and the deduplication id its message id (SQS drops a resend
/// within five minutes).
/// </summary>
public sealed class SqsPublisher(IAmazonSQS sqs, AmazonSqsOptions options)
{
    public const string MessageTypeAttribute = "MessageType";
    public const string MessageIdAttribute = "MessageId";
    public const string CorrelationIdAttribute = "CorrelationId";
    public const string ContentTypeAttribute = "ContentType";

    private readonly Dictionary<string, Task<string>> _urls = new(StringComparer.Ordinal);

    /// <summary>Sends to each of <paramref name="queues"/>; fails if any send fails, so the caller can answer 503 and the platform retry.</summary>
    public async Task PublishAsync(SqsOutgoing message, IEnumerable<string> queues, CancellationToken cancellationToken)
    {
        var sends = queues.Select(async queue => await sqs.SendMessageAsync(Request(await UrlAsync(queue, cancellationToken), message), cancellationToken));
        await Task.WhenAll(sends);
    }

    private SendMessageRequest Request(string url, SqsOutgoing message)
    {
        var attributes = new Dictionary<string, MessageAttributeValue>
        {
            [MessageTypeAttribute] = Text(message.MessageType),
            [MessageIdAttribute] = Text(message.MessageId),
        };
        if (message.CorrelationId is not null)
            attributes[CorrelationIdAttribute] = Text(message.CorrelationId);
        if (message.ContentType is not null)
            attributes[ContentTypeAttribute] = Text(message.ContentType);
        foreach (var (key, value) in message.Trace ?? [])
            attributes[key] = Text(value);
        var request = new SendMessageRequest { QueueUrl = url, MessageBody = message.Body, MessageAttributes = attributes };
        if (options.UseFifo)
        {
            request.MessageGroupId = message.GroupKey;
            request.MessageDeduplicationId = message.MessageId;
        }
        return request;
    }

    private Task<string> UrlAsync(string queue, CancellationToken cancellationToken)
    {
        lock (_urls)
        {
            if (!_urls.TryGetValue(queue, out var url) || url.IsFaulted || url.IsCanceled)
                _urls[queue] = url = Lookup(queue, cancellationToken);
            return url;
        }
    }

    private async Task<string> Lookup(string queue, CancellationToken cancellationToken) =>
        (await sqs.GetQueueUrlAsync(SqsQueueNames.Queue(options, queue), cancellationToken)).QueueUrl;

    private static MessageAttributeValue Text(string value) => new() { DataType = "String", StringValue = value };
}
