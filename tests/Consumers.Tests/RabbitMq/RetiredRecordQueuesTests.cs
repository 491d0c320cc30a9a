using ChatbotPipeline.Backends;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Bus;
using ChatbotPipeline.Contracts;
using ChatbotPipeline.Tests.Shared;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace ChatbotPipeline.Consumers.Tests.RabbitMq;

/// <summary>
/// An upgrade from the version with separate conversation-log and analytics queues: what they held is stored, and they
/// are cut off and deleted instead of filling up unread.
/// </summary>
public sealed class RetiredRecordQueuesTests : IAsyncLifetime
{
    private static readonly string[] OldQueues = ["conversation-log", "analytics"];
    private RabbitMqTestBed _bed = null!;

    private string VirtualHost => _bed.VirtualHost;

    public async ValueTask InitializeAsync() => _bed = await RabbitMqTestBed.CreateAsync();

    public async ValueTask DisposeAsync()
    {
        if (_bed is not null)
            await _bed.DisposeAsync();
    }

    [Fact]
    public async Task Verdicts_left_in_the_old_queues_are_stored_once_and_the_old_queues_go_away()
    {
        var left = Enumerable.Range(0, 3).Select(i => Some.Understood(Some.Message($"left behind {i}", conversationId: $"old-{i}"), "greet")).ToList();
        await LeaveInOldQueuesAsync(left);

        using var host = await StartConsumersAsync();

        var turns = host.Services.GetRequiredService<IConversationStore>();
        await Eventually.TrueAsync(() => left.All(v => turns.GetConversationAsync(Some.BotId, v.Message.ConversationId).Result.Count == 1));
        var from = left[0].Message.ReceivedAt.AddMinutes(-1);
        var events = await host.Services.GetRequiredService<IAnalyticsStore>().ReadEventsAsync(Some.BotId, from, from.AddMinutes(2))
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(left.Select(v => v.Message.MessageId).Order(), events.Select(e => e.MessageId).Order());
        await using var connection = await Connection();
        // The drain looks every 5 s and tries again when a delete finds a message settling: a few looks under load.
        foreach (var queue in OldQueues)
            await Eventually.TrueAsync(() => !Exists(connection, queue).Result, TimeSpan.FromSeconds(60));
        await host.StopAsync();
    }

    /// <summary>The old topology, as the earlier version's consumers declared it, with <paramref name="verdicts"/> queued in it.</summary>
    private async Task LeaveInOldQueuesAsync(IEnumerable<MessageUnderstood> verdicts)
    {
        var old = MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(RabbitMqBroker.Host, (ushort)RabbitMqBroker.Port, VirtualHost, _ => { });
            foreach (var queue in OldQueues)
                cfg.ReceiveEndpoint(queue, endpoint => endpoint.Handler<MessageUnderstood>(_ => Task.CompletedTask));
        });
        await old.StartAsync(TestContext.Current.CancellationToken);
        await old.StopAsync(TestContext.Current.CancellationToken);
        var publisher = MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(RabbitMqBroker.Host, (ushort)RabbitMqBroker.Port, VirtualHost, _ => { }));
        await publisher.StartAsync(TestContext.Current.CancellationToken);
        foreach (var verdict in verdicts)
            await publisher.Publish(verdict, TestContext.Current.CancellationToken);
        await publisher.StopAsync(TestContext.Current.CancellationToken);
    }

    private async Task<IHost> StartConsumersAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(_bed.Settings(("Consumers:Queues:0", QueueNames.Records)));
        builder.AddBackends();
        builder.AddConsumerServices();
        builder.AddPipelineBus(builder.SelectedConsumers());
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return host;
    }

    private Task<IConnection> Connection() =>
        new ConnectionFactory { HostName = RabbitMqBroker.Host, Port = RabbitMqBroker.Port, VirtualHost = VirtualHost }.CreateConnectionAsync();

    private static async Task<bool> Exists(IConnection connection, string queue)
    {
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await channel.QueueDeclarePassiveAsync(queue);
            return true;
        }
        catch (OperationInterruptedException)
        {
            return false;
        }
    }
}
