using ChatbotPipeline.Bus;
using ChatbotPipeline.Bus.QueueDepth;
using ChatbotPipeline.Tests.Shared;
using RabbitMQ.Client;

namespace ChatbotPipeline.Bus.Tests.RabbitMq;

/// <summary>Queue depth read from the broker by passive declare; skipped without RabbitMQ.</summary>
public sealed class QueueDepthTests
{
    [Fact]
    public async Task Waiting_messages_are_counted_and_queues_not_declared_yet_are_left_out()
    {
        var virtualHost = await RabbitMqBroker.CreateVirtualHostAsync();
        try
        {
            var factory = new ConnectionFactory { HostName = RabbitMqBroker.Host, Port = RabbitMqBroker.Port, VirtualHost = virtualHost };
            await using (var connection = await factory.CreateConnectionAsync())
            await using (var channel = await connection.CreateChannelAsync())
            {
                await channel.QueueDeclareAsync("nlu", durable: true, exclusive: false, autoDelete: false);
                for (var i = 0; i < 3; i++)
                    await channel.BasicPublishAsync("", "nlu", "{}"u8.ToArray());
            }
            await using var depth = new RabbitMqQueueDepth(new RabbitMqOptions { Host = RabbitMqBroker.Host, Port = RabbitMqBroker.Port, VirtualHost = virtualHost });

            var depths = await depth.ReadAsync(["nlu", "analytics"], default);

            Assert.Equal(new Dictionary<string, long> { ["nlu"] = 3 }, depths);
        }
        finally
        {
            await RabbitMqBroker.CtlAsync("delete_vhost", virtualHost);
        }
    }

    [Fact]
    public async Task Consumers_on_a_queue_are_counted_as_the_broker_sees_them()
    {
        var virtualHost = await RabbitMqBroker.CreateVirtualHostAsync();
        try
        {
            var factory = new ConnectionFactory { HostName = RabbitMqBroker.Host, Port = RabbitMqBroker.Port, VirtualHost = virtualHost };
            await using var connection = await factory.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            await channel.QueueDeclareAsync("nlu", durable: true, exclusive: false, autoDelete: false);
            await using var counts = new RabbitMqQueueDepth(new RabbitMqOptions { Host = RabbitMqBroker.Host, Port = RabbitMqBroker.Port, VirtualHost = virtualHost });
            var none = await counts.CountAsync("nlu", default);

            var tag = await channel.BasicConsumeAsync("nlu", autoAck: false, new RabbitMQ.Client.Events.AsyncEventingBasicConsumer(channel));
            var one = await counts.CountAsync("nlu", default);
            await channel.BasicCancelAsync(tag);

            Assert.Equal((0L, 1L), (none, one));
            Assert.Null(await counts.CountAsync("not-declared", default));
        }
        finally
        {
            await RabbitMqBroker.CtlAsync("delete_vhost", virtualHost);
        }
    }
}
