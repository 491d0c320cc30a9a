using ChatbotPipeline.Bus;
using ChatbotPipeline.Contracts;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatbotPipeline.Consumers.Tests.Bus;

/// <summary>An endpoint left stopped while the others run is started again, and receives again.</summary>
public sealed class ReceiveEndpointWatchdogTests
{
    [Fact]
    public async Task A_stopped_endpoint_is_restarted_once_the_others_are_healthy_and_consumes_again()
    {
        await using var host = await new PipelineTestHost().StartAsync();
        var bus = host.Get<IBusControl>();
        var (name, log) = bus.CheckHealth().Endpoints.First(e => e.Key.Contains(ChatbotPipeline.Contracts.QueueNames.Records, StringComparison.OrdinalIgnoreCase));
        using var watchdog = new ReceiveEndpointWatchdog(bus, TimeProvider.System, NullLogger<ReceiveEndpointWatchdog>.Instance)
        {
            RestartAfter = TimeSpan.FromMilliseconds(500),
            Every = TimeSpan.FromMilliseconds(200),
        };
        await watchdog.StartAsync(TestContext.Current.CancellationToken);
        await Task.Delay(500, TestContext.Current.CancellationToken); // it sees the endpoint healthy first

        await log.ReceiveEndpoint!.Stop(TestContext.Current.CancellationToken);
        Assert.NotEqual(BusHealthStatus.Healthy, bus.CheckHealth().Endpoints[name].Status);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (bus.CheckHealth().Endpoints[name].Status != BusHealthStatus.Healthy && DateTime.UtcNow < deadline)
            await Task.Delay(100, TestContext.Current.CancellationToken);
        await watchdog.StopAsync(CancellationToken.None);

        Assert.Equal(BusHealthStatus.Healthy, bus.CheckHealth().Endpoints[name].Status);
        await AssertConsumesAsync(host, "watchdog");
    }

    [Fact]
    public async Task An_endpoint_that_says_it_runs_while_its_queue_has_no_consumer_is_restarted_and_consumes()
    {
        await using var host = await new PipelineTestHost().StartAsync();
        var bus = host.Get<IBusControl>();
        var (_, log) = bus.CheckHealth().Endpoints.First(e => e.Key.Contains(ChatbotPipeline.Contracts.QueueNames.Records, StringComparison.OrdinalIgnoreCase));
        var queue = log.InputAddress!.AbsolutePath.Split('/')[^1];
        using var watchdog = new ReceiveEndpointWatchdog(bus, TimeProvider.System, NullLogger<ReceiveEndpointWatchdog>.Instance, new NoConsumerOn(queue))
        {
            RestartAfter = TimeSpan.FromMilliseconds(500),
            Every = TimeSpan.FromMilliseconds(200),
        };

        await watchdog.StartAsync(TestContext.Current.CancellationToken);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (watchdog.Restarts == 0 && DateTime.UtcNow < deadline)
            await Task.Delay(100, TestContext.Current.CancellationToken);
        await watchdog.StopAsync(CancellationToken.None);

        Assert.True(watchdog.Restarts >= 1, "the endpoint whose queue had no consumer was not restarted");
        await AssertConsumesAsync(host, "silent");
    }

    [Fact]
    public async Task Every_endpoint_left_stopped_is_restarted_once_the_broker_answers_again()
    {
        await using var host = await new PipelineTestHost().StartAsync();
        var bus = host.Get<IBusControl>();
        using var watchdog = new ReceiveEndpointWatchdog(bus, TimeProvider.System, NullLogger<ReceiveEndpointWatchdog>.Instance, new NoConsumerOn(""))
        {
            RestartAfter = TimeSpan.FromMilliseconds(500),
            Every = TimeSpan.FromMilliseconds(200),
        };
        await watchdog.StartAsync(TestContext.Current.CancellationToken);
        await Task.Delay(500, TestContext.Current.CancellationToken); // it sees the endpoints healthy first

        foreach (var endpoint in bus.CheckHealth().Endpoints.Values)
            await endpoint.ReceiveEndpoint!.Stop(TestContext.Current.CancellationToken);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (bus.CheckHealth().Endpoints.Values.Any(e => e.Status != BusHealthStatus.Healthy) && DateTime.UtcNow < deadline)
            await Task.Delay(100, TestContext.Current.CancellationToken);
        await watchdog.StopAsync(CancellationToken.None);

        Assert.All(bus.CheckHealth().Endpoints.Values, e => Assert.Equal(BusHealthStatus.Healthy, e.Status));
        await AssertConsumesAsync(host, "all-stopped");
    }

    private static async Task AssertConsumesAsync(PipelineTestHost host, string conversationId)
    {
        await host.Harness.Bus.Publish(Some.Understood(Some.Message("after the restart", conversationId: conversationId)), TestContext.Current.CancellationToken);
        var conversationLog = host.Harness.GetConsumerHarness<ChatbotPipeline.Consumers.ConversationLog.ConversationLogConsumer>();
        var consumed = false;
        for (var wait = DateTime.UtcNow.AddSeconds(15); !consumed && DateTime.UtcNow < wait; await Task.Delay(100, TestContext.Current.CancellationToken))
            consumed = conversationLog.Consumed.Select<MessageUnderstood>().Any(m => m.Context.Message.Message.ConversationId == conversationId);
        Assert.True(consumed, "the restarted endpoint did not consume the message published after the restart");
    }

    /// <summary>A broker that counts no consumer on one queue (and a healthy one on every other).</summary>
    private sealed class NoConsumerOn(string queue) : global::ChatbotPipeline.Bus.QueueDepth.IQueueConsumerCount
    {
        public Task<long?> CountAsync(string name, CancellationToken cancellationToken) => Task.FromResult<long?>(name == queue ? 0 : 1);
    }
}
