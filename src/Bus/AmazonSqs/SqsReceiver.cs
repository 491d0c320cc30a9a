using System.Globalization;
using System.Threading.Channels;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;

namespace ChatbotPipeline.Bus.AmazonSqs;

/// <summary>
/// Takes messages from one SQS queue and runs a handler on each: long-poll receives in batches, at most
/// <see cref="SqsReceiverOptions.ConcurrencyLimit"/> handlers at once, the visibility timeout extended while a handler
/// runs, deletes batched after success and never made after a failure (SQS hands the message out again after its
/// visibility timeout, and the redrive policy moves it to the dead-letter queue after MaxReceiveCount). Messages of one
/// FIFO group run one after another, in order; different groups run side by side.
/// </summary>
public sealed partial class SqsReceiver(
    IAmazonSQS sqs, string queueUrl, SqsReceiverOptions options, Func<SqsDelivery, CancellationToken, Task> handler, ILogger logger)
{
    private const int DeleteBatch = 10;
    private readonly SemaphoreSlim _slots = new(options.ConcurrencyLimit, options.ConcurrencyLimit);
    private readonly Channel<string> _handled = Channel.CreateUnbounded<string>();
    private readonly Dictionary<string, Task> _groupTails = new(StringComparer.Ordinal);

    /// <summary>Receives until <paramref name="stoppingToken"/> is cancelled, then lets running handlers finish.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var deleter = DeleteHandledAsync();
        var running = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await _slots.WaitAsync(stoppingToken);
                var free = 1;
                while (free < options.MaxMessages && _slots.Wait(0))
                    free++;
                List<Message> messages;
                try
                {
                    messages = await ReceiveAsync(free, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    _slots.Release(free);
                    LogReceiveFailed(queueUrl, exception.Message);
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                    continue;
                }
                if (messages.Count < free)
                    _slots.Release(free - messages.Count);
                running.RemoveAll(task => task.IsCompleted);
                running.AddRange(messages.Select(message => StartInOrder(message, stoppingToken)));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await Task.WhenAll(running);
        _handled.Writer.Complete();
        await deleter;
    }

    private async Task<List<Message>> ReceiveAsync(int count, CancellationToken cancellationToken)
    {
        var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = queueUrl,
            MaxNumberOfMessages = count,
            WaitTimeSeconds = options.WaitTimeSeconds,
            VisibilityTimeout = options.VisibilityTimeoutSeconds,
            MessageAttributeNames = ["All"],
            MessageSystemAttributeNames = ["MessageGroupId", "ApproximateReceiveCount"],
        }, cancellationToken);
        return response.Messages ?? [];
    }

    /// <summary>Starts the message's handler, after the previous message of its FIFO group when it has one.</summary>
    private Task StartInOrder(Message message, CancellationToken stoppingToken)
    {
        var group = message.Attributes?.GetValueOrDefault("MessageGroupId");
        if (group is null)
            return Task.Run(() => HandleAsync(message, stoppingToken), CancellationToken.None);
        lock (_groupTails)
        {
            var previous = _groupTails.GetValueOrDefault(group, Task.CompletedTask);
            var next = previous.ContinueWith(_ => HandleAsync(message, stoppingToken), CancellationToken.None,
                TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            _groupTails[group] = next;
            // Forget the group once its last message is done, so the map holds only groups in flight.
            _ = next.ContinueWith(_ =>
            {
                lock (_groupTails)
                {
                    if (_groupTails.TryGetValue(group, out var tail) && tail == next)
                        _groupTails.Remove(group);
                }
            }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            return next;
        }
    }

    private async Task HandleAsync(Message message, CancellationToken stoppingToken)
    {
        // Handlers finish what they started when the receiver stops; only a hard stop of the host cuts them off.
        using var visibility = new CancellationTokenSource();
        var keeper = KeepInvisibleAsync(message.ReceiptHandle, visibility.Token);
        try
        {
            await handler(ToDelivery(message), CancellationToken.None);
            await _handled.Writer.WriteAsync(message.ReceiptHandle, CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogHandlerFailed(queueUrl, message.MessageId, exception);
        }
        finally
        {
            await visibility.CancelAsync();
            await keeper;
            _slots.Release();
        }
    }

    private async Task KeepInvisibleAsync(string receiptHandle, CancellationToken handled)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.VisibilityTimeoutSeconds) / 2.0));
        try
        {
            while (await timer.WaitForNextTickAsync(handled))
                await sqs.ChangeMessageVisibilityAsync(queueUrl, receiptHandle, options.VisibilityTimeoutSeconds, handled);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception exception)
        {
            LogExtendFailed(queueUrl, exception.Message);
        }
    }

    private async Task DeleteHandledAsync()
    {
        var batch = new List<string>(DeleteBatch);
        while (await _handled.Reader.WaitToReadAsync())
        {
            while (batch.Count < DeleteBatch && _handled.Reader.TryRead(out var receipt))
                batch.Add(receipt);
            try
            {
                var response = await sqs.DeleteMessageBatchAsync(new DeleteMessageBatchRequest
                {
                    QueueUrl = queueUrl,
                    Entries = batch.Select((receipt, i) => new DeleteMessageBatchRequestEntry(i.ToString(CultureInfo.InvariantCulture), receipt)).ToList(),
                });
                foreach (var failed in response.Failed ?? [])
                    LogDeleteFailed(queueUrl, failed.Message);
            }
            catch (Exception exception)
            {
                // Not deleted means handed out again later: consumers are idempotent on the message id.
                LogDeleteFailed(queueUrl, exception.Message);
            }
            batch.Clear();
        }
    }

    private static SqsDelivery ToDelivery(Message message) => new(
        message.MessageId,
        message.Body,
        (message.MessageAttributes ?? []).Where(pair => pair.Value.StringValue is not null).ToDictionary(pair => pair.Key, pair => pair.Value.StringValue),
        message.Attributes?.GetValueOrDefault("MessageGroupId"),
        int.TryParse(message.Attributes?.GetValueOrDefault("ApproximateReceiveCount"), CultureInfo.InvariantCulture, out var count) ? count : 1);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Receiving from {QueueUrl} failed: {Reason}")]
    private partial void LogReceiveFailed(string queueUrl, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling message {SqsMessageId} from {QueueUrl} failed; it is handed out again after its visibility timeout")]
    private partial void LogHandlerFailed(string queueUrl, string sqsMessageId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Extending visibility on {QueueUrl} failed: {Reason}")]
    private partial void LogExtendFailed(string queueUrl, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting handled messages from {QueueUrl} failed: {Reason}")]
    private partial void LogDeleteFailed(string queueUrl, string reason);
}
