using System.Collections.Concurrent;
using System.Diagnostics;
using ChatbotPipeline.Bus;
using MassTransit;
using Microsoft.Extensions.Hosting;

namespace ChatbotPipeline.Bench.Pipeline;

/// <summary>
/// The ceiling the broker allows: the pipeline's bus configuration (<see cref="BusExtensions.AddPipelineBus"/>) with
/// consumers that do nothing. <see cref="RawShape.OneHop"/> is one publish to one no-op consumer;
/// <see cref="RawShape.PipelineShape"/> is the pipeline's message flow with the work taken out — one hop to an "NLU"
/// consumer that publishes a result fanned out to four queues — so its users wait for the "notification" queue.
/// </summary>
internal sealed class RawBus : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<Guid, TaskCompletionSource<long>> Waiting = new();
    private readonly IHost _host;

    private RawBus(IHost host) => _host = host;

    public static async Task<RawBus> StartAsync(string host, int port, string virtualHost)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration["Bus:Transport"] = "RabbitMq";
        builder.Configuration["Bus:RabbitMq:Host"] = host;
        builder.Configuration["Bus:RabbitMq:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Configuration["Bus:RabbitMq:VirtualHost"] = virtualHost;
        builder.AddPipelineBus(bus =>
        {
            bus.AddConsumer<EchoSink>();
            bus.AddConsumer<UnderstandStage>();
            bus.AddConsumer<LogSink>();
            bus.AddConsumer<AnalyticsSink>();
            bus.AddConsumer<NotifySink>();
            bus.AddConsumer<StreamSink>();
        });
        var app = builder.Build();
        await app.StartAsync();
        return new RawBus(app);
    }

    /// <summary>Closed-loop users as in <see cref="LoadRun"/>: each publishes, waits for the message to arrive, publishes again.</summary>
    public async Task<LatencyReport> RunAsync(RawShape shape, int users, int messages)
    {
        var publisher = _host.Services.GetRequiredService<IBus>();
        var latencies = new double[messages];
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, users).Select(user => Task.Run(async () =>
        {
            while (true)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= messages)
                    return;
                var id = Guid.NewGuid();
                var arrived = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
                Waiting[id] = arrived;
                var sent = Stopwatch.GetTimestamp();
                var message = new RawMessage(id, $"conversation-{user}", "where is my order", "rest", DateTimeOffset.UtcNow);
                if (shape == RawShape.OneHop)
                    await publisher.Publish(new RawEcho(message));
                else
                    await publisher.Publish(message);
                latencies[index] = Stopwatch.GetElapsedTime(sent, await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30))).TotalMilliseconds;
            }
        })));
        return LatencyReport.From(users, latencies, Stopwatch.GetElapsedTime(started));
    }

    private static void Arrived(Guid id)
    {
        if (Waiting.TryRemove(id, out var waiting))
            waiting.TrySetResult(Stopwatch.GetTimestamp());
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    /// <summary>About the size of a <c>MessageReceived</c> from the REST webhook.</summary>
    public sealed record RawMessage(Guid Id, string ConversationId, string Text, string Channel, DateTimeOffset ReceivedAt);

    public sealed record RawEcho(RawMessage Message);

    public sealed record RawUnderstood(RawMessage Message, string Intent, double Confidence, string[] Replies);

    public sealed class EchoSink : IConsumer<RawEcho>
    {
        public Task Consume(ConsumeContext<RawEcho> context)
        {
            Arrived(context.Message.Message.Id);
            return Task.CompletedTask;
        }
    }

    public sealed class UnderstandStage : IConsumer<RawMessage>
    {
        public Task Consume(ConsumeContext<RawMessage> context) =>
            context.Publish(new RawUnderstood(context.Message, "order_status", 0.93, ["Which order number?"]));
    }

    public sealed class NotifySink : IConsumer<RawUnderstood>
    {
        public Task Consume(ConsumeContext<RawUnderstood> context)
        {
            Arrived(context.Message.Message.Id);
            return Task.CompletedTask;
        }
    }

    public sealed class LogSink : IConsumer<RawUnderstood>
    {
        public Task Consume(ConsumeContext<RawUnderstood> context) => Task.CompletedTask;
    }

    public sealed class AnalyticsSink : IConsumer<RawUnderstood>
    {
        public Task Consume(ConsumeContext<RawUnderstood> context) => Task.CompletedTask;
    }

    public sealed class StreamSink : IConsumer<RawUnderstood>
    {
        public Task Consume(ConsumeContext<RawUnderstood> context) => Task.CompletedTask;
    }
}

internal enum RawShape
{
    OneHop,
    PipelineShape,
}
