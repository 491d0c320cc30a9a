using System.Globalization;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;

namespace ChatbotPipeline.Bus.AmazonSqs;

/// <summary>
/// The per-instance queues (chat streams, model notices) of hosts on SQS, which has no temporary queues: each host
/// tags its own with a heartbeat and renews it; any host deletes the queues whose heartbeat has been silent past
/// <see cref="AmazonSqsOptions.InstanceQueueExpirySeconds"/> — what a killed host leaves behind (a stopped one deletes
/// its own). A queue without the tag (made before tags were set) counts from its creation time.
/// </summary>
public sealed partial class SqsInstanceQueues(IAmazonSQS sqs, AmazonSqsOptions options, TimeProvider time, ILogger<SqsInstanceQueues> logger)
{
    public const string HeartbeatTag = "chatbot-heartbeat";
    private static readonly string[] Prefixes = [SqsRoutes.ChatStreamPrefix, SqsRoutes.ModelPublishedPrefix];
    private readonly List<string> _own = [];

    /// <summary>This host's queues, as URLs.</summary>
    public IReadOnlyList<string> Own
    {
        get { lock (_own) return [.. _own]; }
    }

    public static bool IsInstanceQueue(string queue) => Prefixes.Any(prefix => queue.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>Creates (or finds, on a retried start) this host's queue, stamped with a heartbeat.</summary>
    public async Task<string> CreateAsync(string queue, CancellationToken cancellationToken)
    {
        var request = new CreateQueueRequest
        {
            QueueName = SqsQueueNames.Queue(options, queue),
            Attributes = options.UseFifo ? new Dictionary<string, string> { ["FifoQueue"] = "true" } : [],
            Tags = new Dictionary<string, string> { [HeartbeatTag] = Now() },
        };
        var url = (await sqs.CreateQueueAsync(request, cancellationToken)).QueueUrl;
        lock (_own)
            if (!_own.Contains(url))
                _own.Add(url);
        return url;
    }

    /// <summary>Renews the heartbeat of this host's queues.</summary>
    public async Task BeatAsync(CancellationToken cancellationToken)
    {
        foreach (var url in Own)
            await sqs.TagQueueAsync(new TagQueueRequest { QueueUrl = url, Tags = new Dictionary<string, string> { [HeartbeatTag] = Now() } }, cancellationToken);
    }

    /// <summary>Deletes other hosts' per-instance queues whose heartbeat is older than the expiry; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var expiry = TimeSpan.FromSeconds(options.InstanceQueueExpirySeconds);
        var own = Own;
        var deleted = 0;
        foreach (var prefix in Prefixes)
        {
            var listed = await sqs.ListQueuesAsync(options.QueueNamePrefix + prefix, cancellationToken);
            foreach (var url in (listed.QueueUrls ?? []).Except(own))
            {
                var lastSeen = await LastHeartbeatAsync(url, cancellationToken);
                if (lastSeen is null || time.GetUtcNow() - lastSeen < expiry)
                    continue;
                try
                {
                    await sqs.DeleteQueueAsync(url, cancellationToken);
                    deleted++;
                    LogDeleted(url, lastSeen.Value);
                }
                catch (QueueDoesNotExistException)
                {
                    // Another host swept it first.
                }
            }
        }
        return deleted;
    }

    /// <summary>Deletes this host's queues at a clean stop; best effort, the sweep of the others covers a failure.</summary>
    public async Task DeleteOwnAsync(CancellationToken cancellationToken)
    {
        foreach (var url in Own)
        {
            try
            {
                await sqs.DeleteQueueAsync(url, cancellationToken);
            }
            catch (Exception exception)
            {
                LogLeft(url, exception.Message);
            }
        }
    }

    private async Task<DateTimeOffset?> LastHeartbeatAsync(string url, CancellationToken cancellationToken)
    {
        try
        {
            var tags = (await sqs.ListQueueTagsAsync(new ListQueueTagsRequest { QueueUrl = url }, cancellationToken)).Tags;
            if (tags is not null && tags.TryGetValue(HeartbeatTag, out var beat) && long.TryParse(beat, CultureInfo.InvariantCulture, out var seconds))
                return DateTimeOffset.FromUnixTimeSeconds(seconds);
            var attributes = await sqs.GetQueueAttributesAsync(url, ["CreatedTimestamp"], cancellationToken);
            return long.TryParse(attributes.Attributes?.GetValueOrDefault("CreatedTimestamp"), CultureInfo.InvariantCulture, out var created)
                ? DateTimeOffset.FromUnixTimeSeconds(created)
                : null;
        }
        catch (QueueDoesNotExistException)
        {
            return null;
        }
    }

    private string Now() => time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted per-instance queue {QueueUrl}: its host has been silent since {LastHeartbeat:O}")]
    private partial void LogDeleted(string queueUrl, DateTimeOffset lastHeartbeat);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete this instance's queue {QueueUrl}: {Reason}; another host will sweep it")]
    private partial void LogLeft(string queueUrl, string reason);
}
