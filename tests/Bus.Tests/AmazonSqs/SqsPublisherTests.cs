using Amazon.SQS;
using Amazon.SQS.Model;
using ChatbotPipeline.Bus.AmazonSqs;
using ChatbotPipeline.Tests.Shared.Sqs;

namespace ChatbotPipeline.Bus.Tests.AmazonSqs;

/// <summary>Producer-side fan-out against the fauxqs emulator (<c>SQS_SERVICE_URL</c>); skipped when it is not set.</summary>
public sealed class SqsPublisherTests : IDisposable
{
    private readonly AmazonSqsOptions _options;
    private readonly IAmazonSQS _sqs;

    public SqsPublisherTests()
    {
        _options = SqsEmulator.Options();
        _sqs = SqsClientFactory.Create(_options);
    }

    private async Task<Message> ReceiveOneAsync(string url, bool fifo = false) =>
        Assert.Single((await _sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = url, WaitTimeSeconds = 2, MessageAttributeNames = ["All"],
            MessageSystemAttributeNames = fifo ? ["MessageGroupId", "MessageDeduplicationId"] : [],
        })).Messages ?? []);

    [Fact]
    public async Task A_message_goes_to_every_subscribed_queue_with_its_type_id_and_correlation()
    {
        var queues = await new SqsProvisioner(_sqs, _options).ProvisionAsync(["records", "notification"], default);

        await new SqsPublisher(_sqs, _options).PublishAsync(new SqsOutgoing("MessageUnderstood", "m-1", "c-1", """{"intent":"greet"}""", "conversation-1"),
            ["records", "notification"], default);

        foreach (var queue in queues)
        {
            var message = await ReceiveOneAsync(queue.Url);
            Assert.Equal("""{"intent":"greet"}""", message.Body);
            Assert.Equal(("MessageUnderstood", "m-1", "c-1"), (message.MessageAttributes[SqsPublisher.MessageTypeAttribute].StringValue,
                message.MessageAttributes[SqsPublisher.MessageIdAttribute].StringValue, message.MessageAttributes[SqsPublisher.CorrelationIdAttribute].StringValue));
        }
    }

    [Fact]
    public async Task On_fifo_queues_the_group_is_the_conversation_and_a_resend_is_dropped()
    {
        var fifo = new AmazonSqsOptions { ServiceUrl = _options.ServiceUrl, QueueNamePrefix = _options.QueueNamePrefix, UseFifo = true };
        var queue = Assert.Single(await new SqsProvisioner(_sqs, fifo).ProvisionAsync(["nlu"], default));
        var publisher = new SqsPublisher(_sqs, fifo);
        var message = new SqsOutgoing("MessageReceived", "m-2", null, "{}", "conversation-2");

        await publisher.PublishAsync(message, ["nlu"], default);
        await publisher.PublishAsync(message, ["nlu"], default);

        var received = await ReceiveOneAsync(queue.Url, fifo: true);
        Assert.Equal(("conversation-2", "m-2"), (received.Attributes["MessageGroupId"], received.Attributes["MessageDeduplicationId"]));
        await _sqs.DeleteMessageAsync(queue.Url, received.ReceiptHandle);
        Assert.Empty((await _sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queue.Url, WaitTimeSeconds = 1 })).Messages ?? []);
    }

    [Fact]
    public async Task Publishing_to_a_queue_that_does_not_exist_fails_so_the_caller_can_refuse_the_message()
    {
        var publisher = new SqsPublisher(_sqs, _options);

        await Assert.ThrowsAsync<QueueDoesNotExistException>(() =>
            publisher.PublishAsync(new SqsOutgoing("MessageReceived", "m-3", null, "{}", "c"), ["nlu"], default));
    }

    public void Dispose() => _sqs?.Dispose();
}
