using System.Collections.Concurrent;
using Amazon.SQS;
using Amazon.SQS.Model;
using ChatbotPipeline.Bus.AmazonSqs;
using ChatbotPipeline.Tests.Shared.Sqs;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatbotPipeline.Consumers.Tests.AmazonSqs;

/// <summary>The receiver against the fauxqs emulator (<c>SQS_SERVICE_URL</c>); skipped when it is not set.</summary>
public sealed class SqsReceiverTests : IAsyncDisposable
{
    private readonly AmazonSqsOptions _options;
    private readonly IAmazonSQS _sqs;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _running = [];

    public SqsReceiverTests()
    {
        _options = SqsEmulator.Options(maxReceiveCount: 2, visibilityTimeoutSeconds: 1);
        _sqs = SqsClientFactory.Create(_options);
    }

    private async Task<ProvisionedQueue> QueueAsync(AmazonSqsOptions? options = null) =>
        Assert.Single(await new SqsProvisioner(_sqs, options ?? _options).ProvisionAsync(["nlu"], default));

    private void Start(string queueUrl, Func<SqsDelivery, CancellationToken, Task> handler, int visibilitySeconds = 1, int concurrency = 8)
    {
        var receiver = new SqsReceiver(_sqs, queueUrl,
            new SqsReceiverOptions { WaitTimeSeconds = 1, VisibilityTimeoutSeconds = visibilitySeconds, ConcurrencyLimit = concurrency },
            handler, NullLogger.Instance);
        _running.Add(receiver.RunAsync(_stop.Token));
    }

    private async Task<int> WaitingAsync(string url)
    {
        var attributes = (await _sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest
        {
            QueueUrl = url,
            AttributeNames = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
        })).Attributes;
        return int.Parse(attributes["ApproximateNumberOfMessages"], System.Globalization.CultureInfo.InvariantCulture)
             + int.Parse(attributes["ApproximateNumberOfMessagesNotVisible"], System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task Send(string url, string body, string? group = null) => _sqs.SendMessageAsync(new SendMessageRequest
    {
        QueueUrl = url,
        MessageBody = body,
        MessageGroupId = group,
        MessageDeduplicationId = group is null ? null : Guid.NewGuid().ToString("N"),
        MessageAttributes = new() { ["MessageType"] = new MessageAttributeValue { DataType = "String", StringValue = "MessageReceived" } },
    });

    [Fact]
    public async Task A_handled_message_is_deleted_and_the_handler_sees_body_and_attributes()
    {
        var queue = await QueueAsync();
        var seen = new TaskCompletionSource<SqsDelivery>();
        Start(queue.Url, (delivery, _) => { seen.TrySetResult(delivery); return Task.CompletedTask; });

        await Send(queue.Url, "hello");

        var delivery = await seen.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(("hello", "MessageReceived", 1), (delivery.Body, delivery.Attributes["MessageType"], delivery.ReceiveCount));
        await Eventually.TrueAsync(() => WaitingAsync(queue.Url).Result == 0);
    }

    [Fact]
    public async Task A_handler_crash_leaves_the_message_to_be_handed_out_again_after_its_visibility_timeout()
    {
        var queue = await QueueAsync();
        var attempts = new ConcurrentQueue<int>();
        Start(queue.Url, (delivery, _) =>
        {
            attempts.Enqueue(delivery.ReceiveCount);
            return delivery.ReceiveCount == 1 ? throw new InvalidOperationException("crash") : Task.CompletedTask;
        });

        await Send(queue.Url, "retry me");

        await Eventually.TrueAsync(() => attempts.Count >= 2 && WaitingAsync(queue.Url).Result == 0);
        Assert.Equal([1, 2], attempts);
    }

    [Fact]
    public async Task A_poison_message_lands_in_the_dead_letter_queue_after_max_receive_count()
    {
        var queue = await QueueAsync();
        var attempts = 0;
        Start(queue.Url, (_, _) =>
        {
            Interlocked.Increment(ref attempts);
            throw new InvalidOperationException("poison");
        });

        await Send(queue.Url, "poison");

        await Eventually.TrueAsync(() => WaitingAsync(queue.DeadLetterUrl).Result == 1);
        Assert.Equal(_options.MaxReceiveCount, attempts);
        Assert.Equal(0, await WaitingAsync(queue.Url));
    }

    [Fact]
    public async Task A_long_handler_keeps_its_message_invisible()
    {
        var queue = await QueueAsync();
        var attempts = 0;
        var done = new TaskCompletionSource();
        Start(queue.Url, async (_, _) =>
        {
            Interlocked.Increment(ref attempts);
            // Three visibility timeouts. Two seconds, not one: the receiver extends at half the timeout and deletes after
            // the handler, so one second left 0.5 s for an extension or the delete on a loaded machine (it missed once in CI).
            await Task.Delay(TimeSpan.FromSeconds(6));
            done.TrySetResult();
        }, visibilitySeconds: 2);

        await Send(queue.Url, "slow");

        await done.Task.WaitAsync(TimeSpan.FromSeconds(15));
        await Eventually.TrueAsync(() => WaitingAsync(queue.Url).Result == 0);
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task Fifo_groups_keep_their_order_and_run_side_by_side()
    {
        var fifo = new AmazonSqsOptions { ServiceUrl = _options.ServiceUrl, QueueNamePrefix = _options.QueueNamePrefix, UseFifo = true, VisibilityTimeoutSeconds = 5 };
        var queue = await QueueAsync(fifo);
        var order = new ConcurrentDictionary<string, ConcurrentQueue<string>>();
        var inFlight = 0;
        var mostAtOnce = 0;
        Start(queue.Url, async (delivery, _) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref mostAtOnce, now);
            await Task.Delay(50);
            order.GetOrAdd(delivery.GroupId!, _ => new ConcurrentQueue<string>()).Enqueue(delivery.Body);
            Interlocked.Decrement(ref inFlight);
        }, visibilitySeconds: 5);

        for (var i = 0; i < 5; i++)
        {
            await Send(queue.Url, $"a{i}", "conversation-a");
            await Send(queue.Url, $"b{i}", "conversation-b");
        }

        await Eventually.TrueAsync(() => order.Values.Sum(q => q.Count) == 10);
        Assert.Equal(["a0", "a1", "a2", "a3", "a4"], order["conversation-a"]);
        Assert.Equal(["b0", "b1", "b2", "b3", "b4"], order["conversation-b"]);
        Assert.True(mostAtOnce >= 2, "the two groups never ran at the same time");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_running);
        _sqs?.Dispose();
    }
}
