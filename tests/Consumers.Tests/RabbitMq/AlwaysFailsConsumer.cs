using System.Collections.Concurrent;
using MassTransit;

namespace ChatbotPipeline.Consumers.Tests.RabbitMq;

/// <summary>A message only the failing test consumer reads.</summary>
public sealed record PoisonProbe(string Id);

/// <summary>A consumer that throws on every attempt, counting them, to prove the retry-then-error-queue path.</summary>
public sealed class AlwaysFailsConsumer : IConsumer<PoisonProbe>
{
    private static readonly ConcurrentDictionary<string, int> AttemptsById = new();

    public static int Attempts(string id) => AttemptsById.GetValueOrDefault(id);

    public Task Consume(ConsumeContext<PoisonProbe> context)
    {
        AttemptsById.AddOrUpdate(context.Message.Id, 1, (_, n) => n + 1);
        throw new InvalidOperationException($"{context.Message.Id} always fails");
    }
}

/// <summary>Two retries, 10 ms apart: three attempts, then the error queue.</summary>
public sealed class AlwaysFailsConsumerDefinition : ConsumerDefinition<AlwaysFailsConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<AlwaysFailsConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(10, 10));
}
