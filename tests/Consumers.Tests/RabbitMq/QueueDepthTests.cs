using ChatbotPipeline.ServiceDefaults.Bus;
using ChatbotPipeline.ServiceDefaults.Bus.QueueDepth;
using ChatbotPipeline.Tests.Shared;
using RabbitMQ.Client;

namespace ChatbotPipeline.Consumers.Tests.RabbitMq;

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
}
