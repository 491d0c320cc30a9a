using System.Globalization;
using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace ChatbotPipeline.Bus.AmazonSqs;

/// <summary>A queue as provisioned: its URL and its dead-letter queue's.</summary>
public sealed record ProvisionedQueue(string Queue, string Url, string DeadLetterUrl);

/// <summary>
/// Creates each queue with its dead-letter queue and the redrive policy between them, or brings an existing pair to
/// the configured settings: running it again changes nothing. (A queue cannot switch between standard and FIFO; that
/// is a new name.)
/// </summary>
public sealed class SqsProvisioner(IAmazonSQS sqs, AmazonSqsOptions options)
{
    /// <summary>Dead letters are kept as long as SQS allows, 14 days, to be looked at and replayed.</summary>
    private const int DeadLetterRetentionSeconds = 14 * 24 * 60 * 60;

    public async Task<IReadOnlyList<ProvisionedQueue>> ProvisionAsync(IEnumerable<string> queues, CancellationToken cancellationToken)
    {
        var provisioned = new List<ProvisionedQueue>();
        foreach (var queue in queues)
        {
            var deadLetterUrl = await EnsureAsync(SqsQueueNames.DeadLetter(options, queue),
                new() { [QueueAttributeName.MessageRetentionPeriod] = Invariant(DeadLetterRetentionSeconds) }, cancellationToken);
            var deadLetterArn = (await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest
            {
                QueueUrl = deadLetterUrl,
                AttributeNames = [QueueAttributeName.QueueArn],
            }, cancellationToken)).QueueARN;
            var url = await EnsureAsync(SqsQueueNames.Queue(options, queue), new()
            {
                [QueueAttributeName.VisibilityTimeout] = Invariant(options.VisibilityTimeoutSeconds),
                [QueueAttributeName.RedrivePolicy] = JsonSerializer.Serialize(new { deadLetterTargetArn = deadLetterArn, maxReceiveCount = options.MaxReceiveCount }),
            }, cancellationToken);
            provisioned.Add(new ProvisionedQueue(queue, url, deadLetterUrl));
        }
        return provisioned;
    }

    private async Task<string> EnsureAsync(string name, Dictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var creation = new Dictionary<string, string>(settings);
        if (options.UseFifo)
            creation[QueueAttributeName.FifoQueue] = "true";
        try
        {
            return (await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = name, Attributes = creation }, cancellationToken)).QueueUrl;
        }
        catch (QueueNameExistsException)
        {
            // It exists with other settings: converge them (FifoQueue cannot change and is left out).
            var url = (await sqs.GetQueueUrlAsync(name, cancellationToken)).QueueUrl;
            await sqs.SetQueueAttributesAsync(new SetQueueAttributesRequest { QueueUrl = url, Attributes = settings }, cancellationToken);
            return url;
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
