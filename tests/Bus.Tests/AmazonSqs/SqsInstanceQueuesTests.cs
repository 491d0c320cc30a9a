using Amazon.SQS;
using ChatbotPipeline.Bus.AmazonSqs;
using ChatbotPipeline.Tests.Shared.Sqs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatbotPipeline.Bus.Tests.AmazonSqs;

/// <summary>
/// Per-instance queues on the fauxqs emulator: a killed host's queues go once their heartbeat has been silent past
/// the expiry, a live host's stay. Each host here has its own clock, as separate machines would.
/// </summary>
public sealed class SqsInstanceQueuesTests : IDisposable
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow;
    private readonly AmazonSqsOptions _options = SqsEmulator.Options();
    private readonly IAmazonSQS _sqs;

    public SqsInstanceQueuesTests() => _sqs = SqsClientFactory.Create(_options);

    private SqsInstanceQueues Host(FakeTimeProvider clock) => new(_sqs, _options, clock, NullLogger<SqsInstanceQueues>.Instance);

    private async Task<List<string>> InstanceQueuesAsync() =>
        [.. ((await _sqs.ListQueuesAsync(_options.QueueNamePrefix)).QueueUrls ?? []).Select(url => url[(url.LastIndexOf('/') + 1)..][_options.QueueNamePrefix.Length..]).Order()];

    [Fact]
    public async Task A_silent_hosts_queues_are_swept_and_a_beating_hosts_are_kept()
    {
        var killedClock = new FakeTimeProvider(Start);
        var liveClock = new FakeTimeProvider(Start);
        var sweeperClock = new FakeTimeProvider(Start);
        var killed = Host(killedClock);
        var live = Host(liveClock);
        var sweeper = Host(sweeperClock);
        await killed.CreateAsync("chat-stream-killed", default);
        await killed.CreateAsync("model-published-killed", default);
        await live.CreateAsync("chat-stream-live", default);
        await sweeper.CreateAsync("chat-stream-sweeper", default);

        // Within the expiry nothing goes; past it, only the host that kept beating keeps its queue.
        sweeperClock.Advance(TimeSpan.FromSeconds(_options.InstanceQueueExpirySeconds - 10));
        Assert.Equal(0, await sweeper.SweepAsync(default));
        liveClock.Advance(TimeSpan.FromSeconds(_options.InstanceQueueExpirySeconds - 10));
        await live.BeatAsync(default);
        sweeperClock.Advance(TimeSpan.FromSeconds(20));
        var swept = await sweeper.SweepAsync(default);

        Assert.Equal(2, swept);
        Assert.Equal(["chat-stream-live", "chat-stream-sweeper"], await InstanceQueuesAsync());
    }

    [Fact]
    public async Task A_stopped_host_deletes_its_own_queues()
    {
        var host = Host(new FakeTimeProvider(Start));
        await host.CreateAsync("chat-stream-stopping", default);

        await host.DeleteOwnAsync(default);

        Assert.Empty(await InstanceQueuesAsync());
    }

    public void Dispose() => _sqs.Dispose();
}
