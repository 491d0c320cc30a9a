using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;
using ChatbotPipeline.Bus.AmazonSqs;
using ChatbotPipeline.Tests.Shared.Sqs;
using Microsoft.Extensions.Configuration;

namespace ChatbotPipeline.Bus.Tests.AmazonSqs;

/// <summary>
/// Provisioning and dead-letter replay against the fauxqs emulator (<c>SQS_SERVICE_URL</c>, started by
/// <c>.ci/services.sh</c>); skipped when it is not set. Each test uses its own queue-name prefix.
/// </summary>
public sealed class SqsQueueAdministrationTests : IDisposable
{
    private readonly AmazonSqsOptions _options;
    private readonly IAmazonSQS _sqs;

    public SqsQueueAdministrationTests()
    {
        _options = SqsEmulator.Options(maxReceiveCount: 2, visibilityTimeoutSeconds: 1);
        _sqs = SqsClientFactory.Create(_options);
    }

    private async Task<Dictionary<string, string>> AttributesAsync(string url) =>
        (await _sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = url, AttributeNames = ["All"] })).Attributes;

    [Fact]
    public async Task Provisioning_creates_each_queue_with_a_dead_letter_queue_and_its_redrive_policy_and_repeats_harmlessly()
    {
        var provisioner = new SqsProvisioner(_sqs, _options);

        var first = await provisioner.ProvisionAsync(["nlu", "notification"], default);
        var second = await provisioner.ProvisionAsync(["nlu", "notification"], default);

        Assert.Equal(first, second);
        var nlu = first[0];
        Assert.EndsWith($"{_options.QueueNamePrefix}nlu", nlu.Url);
        Assert.EndsWith($"{_options.QueueNamePrefix}nlu-dlq", nlu.DeadLetterUrl);
        var attributes = await AttributesAsync(nlu.Url);
        using var redrive = JsonDocument.Parse(attributes["RedrivePolicy"]);
        Assert.Equal((await AttributesAsync(nlu.DeadLetterUrl))["QueueArn"], redrive.RootElement.GetProperty("deadLetterTargetArn").GetString());
        Assert.Equal("2", redrive.RootElement.GetProperty("maxReceiveCount").ToString());
        Assert.Equal("1", attributes["VisibilityTimeout"]);
    }

    [Fact]
    public async Task Provisioning_again_brings_changed_settings_to_an_existing_queue()
    {
        var provisioned = Assert.Single(await new SqsProvisioner(_sqs, _options).ProvisionAsync(["analytics"], default));

        var changed = new AmazonSqsOptions { ServiceUrl = _options.ServiceUrl, QueueNamePrefix = _options.QueueNamePrefix, MaxReceiveCount = 7, VisibilityTimeoutSeconds = 45 };
        await new SqsProvisioner(_sqs, changed).ProvisionAsync(["analytics"], default);

        var attributes = await AttributesAsync(provisioned.Url);
        Assert.Equal("45", attributes["VisibilityTimeout"]);
        Assert.Contains("7", attributes["RedrivePolicy"]);
    }

    [Fact]
    public async Task Fifo_queues_get_the_suffix_and_the_fifo_attribute()
    {
        var fifo = new AmazonSqsOptions { ServiceUrl = _options.ServiceUrl, QueueNamePrefix = _options.QueueNamePrefix, UseFifo = true };

        var queue = Assert.Single(await new SqsProvisioner(_sqs, fifo).ProvisionAsync(["nlu"], default));

        Assert.EndsWith("nlu.fifo", queue.Url);
        Assert.EndsWith("nlu-dlq.fifo", queue.DeadLetterUrl);
        Assert.Equal("true", (await AttributesAsync(queue.Url))["FifoQueue"]);
    }

    [Fact]
    public async Task A_message_received_too_often_lands_in_the_dead_letter_queue_and_replay_moves_it_back_with_its_attributes()
    {
        var queue = Assert.Single(await new SqsProvisioner(_sqs, _options).ProvisionAsync(["notification"], default));
        await _sqs.SendMessageAsync(new SendMessageRequest
        {
            QueueUrl = queue.Url,
            MessageBody = "poison",
            MessageAttributes = new() { ["MessageType"] = new MessageAttributeValue { DataType = "String", StringValue = "MessageUnderstood" } },
        });

        // Received and never deleted, as a consumer that keeps crashing would: after MaxReceiveCount it is a dead letter.
        for (var attempt = 0; attempt < _options.MaxReceiveCount; attempt++)
            Assert.Single((await _sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queue.Url, WaitTimeSeconds = 3, VisibilityTimeout = 1 })).Messages ?? []);
        await Task.Delay(1200);
        Assert.Empty((await _sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queue.Url, WaitTimeSeconds = 1 })).Messages ?? []);

        var moved = await new SqsDeadLetterReplay(_sqs, _options).ReplayAsync("notification", int.MaxValue, default);

        Assert.Equal(1, moved);
        var replayed = Assert.Single((await _sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = queue.Url, WaitTimeSeconds = 3, MessageAttributeNames = ["All"],
        })).Messages ?? []);
        Assert.Equal(("poison", "MessageUnderstood"), (replayed.Body, replayed.MessageAttributes["MessageType"].StringValue));
        Assert.Empty((await _sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queue.DeadLetterUrl, WaitTimeSeconds = 1 })).Messages ?? []);
    }

    [Fact]
    public async Task The_commands_provision_replay_and_explain_their_usage()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bus:AmazonSqs:ServiceUrl"] = _options.ServiceUrl,
            ["Bus:AmazonSqs:QueueNamePrefix"] = _options.QueueNamePrefix,
        }).Build();
        var output = new StringWriter();

        Assert.Equal(0, await SqsCommands.RunAsync(["sqs", "provision"], configuration, output, default));
        Assert.Equal(0, await SqsCommands.RunAsync(["sqs", "replay", "nlu"], configuration, output, default));
        Assert.Equal(2, await SqsCommands.RunAsync(["sqs", "replay", "everything"], configuration, output, default));

        var lines = output.ToString();
        foreach (var queue in SqsCommands.PipelineQueues)
            Assert.Contains($"{queue}: http", lines);
        Assert.Contains("nlu: moved 0 message(s)", lines);
        Assert.Contains(SqsCommands.Usage, lines);
    }

    public void Dispose() => _sqs?.Dispose();
}
