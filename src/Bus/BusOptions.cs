using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace ChatbotPipeline.Bus;

/// <summary>Which message transport carries the pipeline's messages (section <c>Bus</c>).</summary>
public sealed class BusOptions
{
    public const string Section = "Bus";

    /// <summary>The section as configured, for choices made while the host is being built (before options can be resolved).</summary>
    public static BusOptions Configured(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<BusOptions>() ?? new BusOptions();

    /// <summary>The transport. Default <see cref="BusTransport.InMemory"/>: one process, messages lost on exit.</summary>
    public BusTransport Transport { get; set; } = BusTransport.InMemory;

    /// <summary>
    /// How long Ingress waits for the broker to take a message before answering 503, in seconds. With publisher
    /// confirms a 202 means the broker has the message. Default 5.
    /// </summary>
    [Range(1, 120)]
    public int PublishTimeoutSeconds { get; set; } = 5;

    /// <summary>RabbitMQ connection settings (section <c>Bus:RabbitMq</c>).</summary>
    public RabbitMqOptions RabbitMq { get; set; } = new();

    /// <summary>Amazon SQS settings (section <c>Bus:AmazonSqs</c>): the transport, and the provisioning and replay commands.</summary>
    public AmazonSqs.AmazonSqsOptions AmazonSqs { get; set; } = new();

    /// <summary>
    /// Per-queue knobs by queue name (<c>Bus:Endpoints:nlu:PrefetchCount</c>, <c>...:ConcurrentMessageLimit</c>);
    /// unset values keep the consumer definition's.
    /// </summary>
    public Dictionary<string, EndpointOptions> Endpoints { get; set; } = [];
}

/// <summary>The transports this build can use.</summary>
public enum BusTransport
{
    InMemory,
    RabbitMq,
    AmazonSqs,
}

/// <summary>RabbitMQ connection settings (section <c>Bus:RabbitMq</c>).</summary>
public sealed class RabbitMqOptions
{
    /// <summary>Broker host. Default <c>localhost</c>.</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>AMQP port. Default 5672.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 5672;

    /// <summary>Virtual host. Default <c>/</c>.</summary>
    public string VirtualHost { get; set; } = "/";

    /// <summary>User name. Default <c>guest</c>.</summary>
    public string Username { get; set; } = "guest";

    /// <summary>Password. Default <c>guest</c>.</summary>
    public string Password { get; set; } = "guest";

    /// <summary>Messages each queue's consumer may hold unacknowledged. Default 16.</summary>
    [Range(1, 10_000)]
    public int PrefetchCount { get; set; } = 16;

    /// <summary>A connection of our own to this broker, beside MassTransit's, named so the broker's lists say whose it is.</summary>
    public Task<RabbitMQ.Client.IConnection> ConnectAsync(string clientName, CancellationToken cancellationToken) =>
        new RabbitMQ.Client.ConnectionFactory
        {
            HostName = Host, Port = Port, VirtualHost = VirtualHost, UserName = Username, Password = Password, ClientProvidedName = clientName,
        }.CreateConnectionAsync(cancellationToken);
}

/// <summary>Knobs of one receive endpoint.</summary>
public sealed class EndpointOptions
{
    public int? PrefetchCount { get; set; }

    public int? ConcurrentMessageLimit { get; set; }
}
