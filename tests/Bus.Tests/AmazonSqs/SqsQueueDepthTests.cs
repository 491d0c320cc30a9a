using Amazon.SQS.Model;
using ChatbotPipeline.Bus.AmazonSqs;
using ChatbotPipeline.Bus.QueueDepth;
using ChatbotPipeline.Tests.Shared.Sqs;

namespace ChatbotPipeline.Bus.Tests.AmazonSqs;

public sealed class SqsQueueDepthTests
{
    [Fact]
    public async Task Waiting_messages_are_counted_and_queues_not_provisioned_are_left_out()
    {
        var options = SqsEmulator.Options();
        using var sqs = SqsClientFactory.Create(options);
        var queue = Assert.Single(await new SqsProvisioner(sqs, options).ProvisionAsync(["nlu"], default));
        for (var i = 0; i < 3; i++)
            await sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = queue.Url, MessageBody = "{}" });

        var depths = await new SqsQueueDepth(sqs, options).ReadAsync(["nlu", "analytics"], default);

        Assert.Equal(new Dictionary<string, long> { ["nlu"] = 3 }, depths);
    }
}
