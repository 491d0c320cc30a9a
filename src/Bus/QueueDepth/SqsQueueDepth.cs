using Amazon.SQS;
using Amazon.SQS.Model;
using ChatbotPipeline.Bus.AmazonSqs;

namespace ChatbotPipeline.Bus.QueueDepth;

/// <summary>ApproximateNumberOfMessages of each queue: what KEDA's aws-sqs-queue scaler reads too.</summary>
public sealed class SqsQueueDepth(IAmazonSQS sqs, AmazonSqsOptions options) : IQueueDepthSource
{
    public async Task<IReadOnlyDictionary<string, long>> ReadAsync(IEnumerable<string> queues, CancellationToken cancellationToken)
    {
        var depths = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var queue in queues)
        {
            try
            {
                var url = (await sqs.GetQueueUrlAsync(SqsQueueNames.Queue(options, queue), cancellationToken)).QueueUrl;
                var attributes = await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest
                {
                    QueueUrl = url,
                    AttributeNames = [QueueAttributeName.ApproximateNumberOfMessages],
                }, cancellationToken);
                depths[queue] = attributes.ApproximateNumberOfMessages;
            }
            catch (QueueDoesNotExistException)
            {
                // Not provisioned yet.
            }
        }
        return depths;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
