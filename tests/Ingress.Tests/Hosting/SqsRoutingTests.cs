using ChatbotPipeline.Bus.AmazonSqs;
using ChatbotPipeline.Ingress.Tests.Support;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace ChatbotPipeline.Ingress.Tests.Hosting;

/// <summary>
/// SQS has no exchanges: <see cref="SqsRoutes"/> says which queues an event goes to, by hand. These cases hold it to the
/// consumers the hosts register — every queue gets what its consumer takes, every pipeline message's fault reaches a
/// consumer of that fault, and no route points at a queue whose consumer does not take the message.
/// </summary>
public sealed class SqsRoutingTests
{
    [Fact]
    public async Task Every_message_a_consumer_takes_is_routed_to_its_queue()
    {
        var consumed = await Consumed.Value;

        foreach (var (queue, types) in consumed)
            foreach (var type in types)
            {
                if (SqsInstanceQueues.IsInstanceQueue(queue))
                    Assert.True(SqsRoutes.InstanceQueuePrefix(type) is { } prefix && queue.StartsWith(prefix, StringComparison.Ordinal),
                        $"{Name(type)} is not routed to the per-instance queue {queue}.");
                else
                    Assert.True(SqsRoutes.DurableQueues(type).Contains(queue), $"{Name(type)} is not routed to {queue}, whose consumer takes it.");
            }
    }

    [Fact]
    public async Task The_fault_of_every_message_on_a_durable_queue_is_routed_to_a_consumer_of_that_fault()
    {
        var consumed = await Consumed.Value;
        // An alert that fails is dead-lettered and logged; alerting about it would go to the consumer that just failed.
        Type[] alerts = [typeof(Contracts.OperatorAlert), typeof(Contracts.MessageDeadLettered)];
        var pipelineMessages = consumed.Where(q => !SqsInstanceQueues.IsInstanceQueue(q.Key)).SelectMany(q => q.Value)
            .Where(t => !IsFault(t) && !alerts.Contains(t)).Distinct();

        foreach (var message in pipelineMessages)
        {
            var fault = typeof(Fault<>).MakeGenericType(message);
            var routes = SqsRoutes.DurableQueues(fault);
            Assert.True(routes.Count > 0, $"{Name(fault)} has no route: a message that failed for good would raise no alert.");
            Assert.All(routes, queue => Assert.True(consumed.TryGetValue(queue, out var types) && types.Contains(fault), $"{Name(fault)} is routed to {queue}, whose consumer does not take it."));
        }
    }

    [Fact]
    public async Task No_route_points_at_a_queue_whose_consumer_does_not_take_the_message()
    {
        var consumed = await Consumed.Value;
        var contracts = typeof(Contracts.MessageReceived).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true });

        foreach (var type in contracts.SelectMany(t => new[] { t, typeof(Fault<>).MakeGenericType(t) }))
            Assert.All(SqsRoutes.DurableQueues(type), queue => Assert.True(consumed.TryGetValue(queue, out var types) && types.Contains(type),
                $"{Name(type)} is routed to {queue}, which no consumer of it reads."));
    }

    /// <summary>The all-in-one host is started once for the three cases.</summary>
    private static readonly Lazy<Task<Dictionary<string, HashSet<Type>>>> Consumed = new(ConsumedByQueueAsync);

    /// <summary>Each queue of the all-in-one host (every consumer of the three hosts) and the message types its consumer takes.</summary>
    private static async Task<Dictionary<string, HashSet<Type>>> ConsumedByQueueAsync()
    {
        using var folder = new TempFolder();
        await using var host = new IngressFactory(folder.Path);
        var services = host.Services;
        var formatter = services.GetRequiredService<IEndpointNameFormatter>();
        var consumers = new[] { typeof(IngressPipeline), typeof(Consumers.ConsumersExtensions), typeof(Training.TrainingConsumer) }
            .SelectMany(t => t.Assembly.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && ConsumedTypes(t).Any());
        var byQueue = new Dictionary<string, HashSet<Type>>(StringComparer.Ordinal);
        foreach (var consumer in consumers)
        {
            var definition = (IConsumerDefinition)services.GetRequiredService(typeof(IConsumerDefinition<>).MakeGenericType(consumer));
            var queue = definition.GetEndpointName(formatter);
            if (!byQueue.TryGetValue(queue, out var types))
                byQueue[queue] = types = [];
            types.UnionWith(ConsumedTypes(consumer));
        }
        Assert.NotEmpty(byQueue);
        return byQueue;
    }

    /// <summary>The message types a consumer takes off its queue.</summary>
    private static IEnumerable<Type> ConsumedTypes(Type consumer) =>
        consumer.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>))
            .Select(i => i.GetGenericArguments()[0]);

    private static bool IsFault(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Fault<>);

    private static string Name(Type type) => IsFault(type) ? $"Fault<{type.GetGenericArguments()[0].Name}>" : type.Name;
}
