using System.Text;
using ChatbotPipeline.Backends;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Backends.Models;
using ChatbotPipeline.Bus;
using ChatbotPipeline.Tests.Shared;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace ChatbotPipeline.Consumers.Tests.RabbitMq;

/// <summary>The consumers on a real RabbitMQ broker: the flow works, and a message that always throws ends in the error queue.</summary>
public sealed class RabbitMqPipelineTests : IAsyncLifetime
{
    private RabbitMqTestBed? _bed;
    private IHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _bed = await RabbitMqTestBed.CreateAsync();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(_bed.Settings());
        builder.Services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        builder.AddBackends();
        builder.AddConsumerServices();
        builder.AddPipelineBus(ConsumersExtensions.AddPipelineConsumers, bus => bus.AddConsumer<AlwaysFailsConsumer, AlwaysFailsConsumerDefinition>());
        _host = builder.Build();
        await Some.SeedBotAsync(_host.Services.GetRequiredService<IBotStore>());
        await Some.PublishModelAsync(_host.Services.GetRequiredService<IBotStore>(), _host.Services.GetRequiredService<ModelRepository>(), "v1");
        await _host.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }
        if (_bed is not null)
            await _bed.DisposeAsync();
    }

    [Fact]
    public async Task A_message_flows_through_nlu_to_the_conversation_log()
    {
        var bus = _host.Services.GetRequiredService<IBus>();

        await bus.Publish(Some.Message("where is my order", conversationId: "rabbit-1"));
        await bus.Publish(Some.Message("ORD12345", conversationId: "rabbit-1"));

        var conversations = _host.Services.GetRequiredService<IConversationStore>();
        var turns = await Eventually.AtLeastAsync(2, () => conversations.GetConversationAsync(Some.BotId, "rabbit-1").Result);
        Assert.Equal(["awaiting-parameter", "completed"], turns.Select(t => t.DialogueState));
        Assert.Equal("ORD12345", turns[1].Parameters["order_number"]);
    }

    [Fact]
    public async Task A_message_that_always_throws_lands_in_the_error_queue_with_its_exception_after_the_retries()
    {
        await _host.Services.GetRequiredService<IBus>().Publish(new PoisonProbe("boom-1"));

        var factory = new ConnectionFactory { HostName = RabbitMqBroker.Host, Port = RabbitMqBroker.Port, VirtualHost = _bed!.VirtualHost };
        await using var connection = await factory.CreateConnectionAsync(TestContext.Current.CancellationToken);
        var faulted = (await Eventually.AtLeastAsync(1, () => Get(connection, "always-fails_error")))[0];

        var headers = faulted.BasicProperties.Headers!;
        Assert.Contains("boom-1 always fails", Encoding.UTF8.GetString((byte[])headers["MT-Fault-Message"]!));
        Assert.Equal(typeof(InvalidOperationException).FullName, Encoding.UTF8.GetString((byte[])headers["MT-Fault-ExceptionType"]!));
        Assert.Equal(3, AlwaysFailsConsumer.Attempts("boom-1"));
    }

    /// <summary>Takes one message from the queue; none while the queue does not exist yet (a 404 closes the channel).</summary>
    private static IEnumerable<BasicGetResult> Get(IConnection connection, string queue)
    {
        using var channel = connection.CreateChannelAsync().GetAwaiter().GetResult();
        try
        {
            var result = channel.BasicGetAsync(queue, autoAck: true).GetAwaiter().GetResult();
            return result is null ? [] : [result];
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return [];
        }
    }
}
