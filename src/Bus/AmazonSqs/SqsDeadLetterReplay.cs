using Amazon.SQS;
using Amazon.SQS.Model;

namespace ChatbotPipeline.Bus.AmazonSqs;

/// <summary>
/// Moves messages from a queue's dead-letter queue back to the queue, body and attributes unchanged (and on FIFO
/// queues their message group and deduplication id). A message leaves the dead-letter queue only after the queue has
/// taken it, so a failure part-way loses nothing; at worst a message is sent twice, which consumers dedupe by id.
/// </summary>
public sealed class SqsDeadLetterReplay(IAmazonSQS sqs, AmazonSqsOptions options)
{
    private const int Batch = 10;

    /// <summary>Moves up to <paramref name="limit"/> messages; returns how many moved.</summary>
    public async Task<int> ReplayAsync(string queue, int limit, CancellationToken cancellationToken)
    {
        var target = (await sqs.GetQueueUrlAsync(SqsQueueNames.Queue(options, queue), cancellationToken)).QueueUrl;
        var source = (await sqs.GetQueueUrlAsync(SqsQueueNames.DeadLetter(options, queue), cancellationToken)).QueueUrl;
        var moved = 0;
        while (moved < limit)
        {
            var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
            {
                QueueUrl = source,
                MaxNumberOfMessages = Math.Min(Batch, limit - moved),
                WaitTimeSeconds = 1,
                MessageAttributeNames = ["All"],
                MessageSystemAttributeNames = ["MessageGroupId", "MessageDeduplicationId"],
            }, cancellationToken);
            if (received.Messages is not { Count: > 0 } messages)
                break;
            foreach (var message in messages)
            {
                await sqs.SendMessageAsync(Resend(target, message), cancellationToken);
                await sqs.DeleteMessageAsync(source, message.ReceiptHandle, cancellationToken);
                moved++;
            }
        }
        return moved;
    }

    private SendMessageRequest Resend(string queueUrl, Message message)
    {
        var request = new SendMessageRequest { QueueUrl = queueUrl, MessageBody = message.Body, MessageAttributes = message.MessageAttributes };
        if (options.UseFifo && message.Attributes is { } attributes)
        {
            request.MessageGroupId = attributes.GetValueOrDefault("MessageGroupId");
            request.MessageDeduplicationId = attributes.GetValueOrDefault("MessageDeduplicationId");
        }
        return request;
    }
}
