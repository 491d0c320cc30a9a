using System.ComponentModel.DataAnnotations;

namespace ChatbotPipeline.Bus.AmazonSqs;

/// <summary>Amazon SQS settings (section <c>Bus:AmazonSqs</c>); credentials come from the AWS default chain.</summary>
public sealed class AmazonSqsOptions
{
    /// <summary>Endpoint override, e.g. an emulator (<c>http://127.0.0.1:4566</c>); empty means AWS itself.</summary>
    public string ServiceUrl { get; set; } = "";

    /// <summary>AWS region. Default <c>us-east-1</c>.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>Put before every queue name, so several pipelines can share an account (<c>prod-</c>). Default empty.</summary>
    public string QueueNamePrefix { get; set; } = "";

    /// <summary>FIFO queues (<c>.fifo</c>): per-conversation order by message group. Default false.</summary>
    public bool UseFifo { get; set; }

    /// <summary>
    /// Create missing queues, dead-letter queues and redrive policies when a host starts (as <c>sqs provision</c>
    /// does). Default: on in Development, off elsewhere, where provisioning belongs to the deployment.
    /// </summary>
    public bool AutoProvision { get; set; }

    /// <summary>Receives of one message before SQS moves it to the dead-letter queue. Default 5.</summary>
    [Range(1, 1000)]
    public int MaxReceiveCount { get; set; } = 5;

    /// <summary>How long a received message stays invisible to other consumers, in seconds. Default 30.</summary>
    [Range(0, 43_200)]
    public int VisibilityTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// How often a host stamps its per-instance queues (chat streams, model notices) with a heartbeat tag and looks
    /// for other hosts' queues that lost theirs, in seconds. Default 60.
    /// </summary>
    [Range(1, 3600)]
    public int InstanceHeartbeatSeconds { get; set; } = 60;

    /// <summary>
    /// How long a per-instance queue's heartbeat may be silent before any host deletes it as left behind by a killed
    /// host, in seconds. Default 300 (five missed heartbeats).
    /// </summary>
    [Range(10, 86_400)]
    public int InstanceQueueExpirySeconds { get; set; } = 300;
}
