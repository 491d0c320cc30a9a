using ChatbotPipeline.Faults.Tests.Support;
using ChatbotPipeline.Tests.Shared;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace ChatbotPipeline.Faults.Tests;

/// <summary>
/// Delivery under faults, with the three hosts as separate processes and users that retry as platforms do: whatever
/// breaks, every message is taken in the end, stored once and answered once, and no request waits longer than the
/// publish timeout plus two seconds. Sizes: <see cref="FaultRun.Messages"/> (docs/RELIABILITY.md has the full runs).
/// </summary>
public sealed class FaultScenarioTests
{
    private static readonly TimeSpan Restart = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Replies a kill -9 of the notification consumer may send twice: those whose receiver answered 2xx in the moment
    /// before their delivery mark reached Redis. No sender can know whether such a reply arrived; it is sent again (at
    /// least once, never lost) with the same Idempotency-Key. So the bound is the replies in flight at the kill — the
    /// notification endpoint's concurrency (32) — where a missing delivery memory would double every redelivered
    /// reply (hundreds here). docs/RELIABILITY.md shows how many it was.
    /// </summary>
    private const int KillWindow = 32;

    [Fact]
    public async Task Consumers_killed_and_restarted_on_RabbitMQ()
    {
        await using var run = await FaultRun.StartAsync(await Transports.RabbitMqAsync());

        var report = await run.RunAsync("kill -9 Consumers (RabbitMQ)", 0.4, () => KillAndRestartAsync(run, "Consumers"));

        AssertExactlyOnce(report, run, repliesInTheKillWindow: KillWindow);
    }

    [Fact]
    public async Task Ingress_killed_with_requests_in_flight_and_restarted()
    {
        await using var run = await FaultRun.StartAsync(await Transports.RabbitMqAsync());

        var report = await run.RunAsync("kill -9 Ingress (RabbitMQ)", 0.4, () => KillAndRestartAsync(run, "Ingress"));

        AssertExactlyOnce(report, run);
        Assert.True(report.Refusals.Keys.Any(k => k.StartsWith("connection", StringComparison.Ordinal)), "The kill did not interrupt any request.");
    }

    [Fact]
    public async Task RabbitMQ_stopped_and_started()
    {
        await using var run = await FaultRun.StartAsync(await Transports.RabbitMqAsync());

        var report = await run.RunAsync("RabbitMQ stop_app / start_app", 0.3, async () =>
        {
            await RabbitMqBroker.CtlOnAsync(Transports.RabbitNode, "stop_app");
            await Task.Delay(FaultRun.Outage);
            await RabbitMqBroker.CtlOnAsync(Transports.RabbitNode, "start_app");
            return DateTime.UtcNow;
        });

        AssertExactlyOnce(report, run);
        Assert.True(report.Refusals.ContainsKey("503"), "The outage refused nothing: it did not happen under load.");
    }

    [Fact]
    public async Task Redis_killed_and_restarted_empty()
    {
        await using var run = await FaultRun.StartAsync(await Transports.RabbitMqAsync());

        var report = await run.RunAsync("Redis kill -9, restarted empty", 0.3, async () =>
        {
            await run.Redis.KillAsync();
            await Task.Delay(FaultRun.Outage);
            await run.Redis.RestartAsync();
            return DateTime.UtcNow;
        });

        AssertExactlyOnce(report, run);
    }

    [Fact]
    public async Task Clients_that_give_up_while_the_broker_hangs_retry_and_are_taken_once()
    {
        await using var run = await FaultRun.StartAsync(await Transports.RabbitMqAsync());

        // SIGSTOP keeps the broker's connections open and unanswered: publishes hang, clients give up after 2 s.
        var report = await run.RunAsync("broker paused, clients abort at 2 s and retry", 0.3, async () =>
        {
            await Transports.SignalBrokerAsync("STOP");
            try
            {
                await Task.Delay(FaultRun.Outage);
            }
            finally
            {
                await Transports.SignalBrokerAsync("CONT");
            }
            return DateTime.UtcNow;
        }, clientTimeout: TimeSpan.FromSeconds(2));

        AssertExactlyOnce(report, run);
        Assert.True(report.Refusals.ContainsKey("client gave up"), "No client gave up: the broker pause did not bite.");
    }

    [Fact]
    public async Task Consumers_killed_and_restarted_on_SQS()
    {
        await using var run = await FaultRun.StartAsync(Transports.AmazonSqs());

        var report = await run.RunAsync("kill -9 Consumers (SQS)", 0.4, () => KillAndRestartAsync(run, "Consumers"));

        AssertExactlyOnce(report, run, repliesInTheKillWindow: KillWindow);
    }

    private static async Task<DateTime> KillAndRestartAsync(FaultRun run, string host)
    {
        await run.Hosts.KillAsync(host);
        await Task.Delay(Restart);
        await run.Hosts.StartAsync(host);
        return DateTime.UtcNow;
    }

    private static void AssertExactlyOnce(ScenarioReport report, FaultRun run, int repliesInTheKillWindow = 0)
    {
        var context = $"{report.TableRow()}\n{run.Hosts.Output[^Math.Min(run.Hosts.Output.Length, 20_000)..]}";
        Assert.True(report.Accepted == report.Sent, $"Not every message was taken in the end.\n{context}");
        Assert.True(report.Lost == 0, $"Accepted messages were lost.\n{context}");
        Assert.True(report.DuplicateTurns == 0, $"Messages were stored twice.\n{context}");
        Assert.True(report.DuplicateReplies <= repliesInTheKillWindow, $"Replies were sent twice.\n{context}");
        Assert.True(report.MissingReplies == 0, $"Stored messages were never answered.\n{context}");
        Assert.True(report.LongestAnswerSeconds <= PipelineHosts.PublishTimeoutSeconds + 2,
            $"A request waited {report.LongestAnswerSeconds:0.0} s, longer than the publish timeout + 2 s.\n{context}");
    }
}
