using ChatbotPipeline.Backends;
using ChatbotPipeline.Backends.Analytics;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Backends.Models;
using ChatbotPipeline.Bus;
using ChatbotPipeline.Bus.AmazonSqs;
using ChatbotPipeline.Tests.Shared.Sqs;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatbotPipeline.Consumers.Tests.AmazonSqs;

/// <summary>The unchanged consumers on <c>Bus__Transport=AmazonSqs</c>, against fauxqs; skipped without it.</summary>
public sealed class SqsPipelineTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatbot-sqs-").FullName;
    private IHost _host = null!;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    private async Task StartAsync(bool fifo, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null,
        Func<AmazonSqsOptions, Task>? beforeStart = null)
    {
        var sqs = SqsEmulator.Options(visibilityTimeoutSeconds: 5);
        if (beforeStart is not null)
            await beforeStart(sqs);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bus:Transport"] = "AmazonSqs",
            ["Bus:AmazonSqs:ServiceUrl"] = sqs.ServiceUrl,
            ["Bus:AmazonSqs:QueueNamePrefix"] = sqs.QueueNamePrefix,
            ["Bus:AmazonSqs:AutoProvision"] = "true",
            ["Bus:AmazonSqs:VisibilityTimeoutSeconds"] = "5",
            ["Bus:AmazonSqs:UseFifo"] = fifo ? "true" : "false",
            ["Documents:Sqlite:Path"] = Path.Combine(_folder, "chatbot.db"),
            ["Objects:FileSystem:Path"] = Path.Combine(_folder, "objects"),
        });
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.Services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
        builder.AddBackends();
        builder.AddConsumerServices();
        builder.AddPipelineBus(ConsumersExtensions.AddPipelineConsumers);
        configure?.Invoke(builder.Services);
        _host = builder.Build();
        await Some.SeedBotAsync(_host.Services.GetRequiredService<IBotStore>());
        await Some.PublishModelAsync(_host.Services.GetRequiredService<IBotStore>(), _host.Services.GetRequiredService<ModelRepository>(), "v1");
        await _host.StartAsync();
        // As a load balancer would: send nothing until readiness says the queues are there and received from.
        var health = _host.Services.GetRequiredService<HealthCheckService>();
        await Eventually.TrueAsync(() => health.CheckHealthAsync(check => check.Name == "sqs-consumers").Result.Status == HealthStatus.Healthy);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_conversation_flows_from_nlu_through_sqs_fan_out_to_the_log_and_analytics()
    {
        await StartAsync(fifo: false);
        var bus = _host.Services.GetRequiredService<IBus>();
        var conversations = _host.Services.GetRequiredService<IConversationStore>();

        // A standard queue does not keep order, so the user waits for the reply before answering, as people do.
        await bus.Publish(Some.Message("where is my order", conversationId: "sqs-1"));
        await Eventually.AtLeastAsync(1, () => conversations.GetConversationAsync(Some.BotId, "sqs-1").Result);
        await bus.Publish(Some.Message("ORD12345", conversationId: "sqs-1"));

        var turns = await Eventually.AtLeastAsync(2, () => conversations.GetConversationAsync(Some.BotId, "sqs-1").Result);
        Assert.Equal(["awaiting-parameter", "completed"], turns.Select(t => t.DialogueState));
        var analytics = _host.Services.GetRequiredService<IAnalyticsStore>();
        await Eventually.TrueAsync(() => AnalyticsAggregator.BuildAsync(analytics, Some.BotId, DateTimeOffset.UtcNow.AddDays(-1),
            DateTimeOffset.UtcNow.AddMinutes(1), AnalyticsGranularity.Day, CancellationToken.None).Result.Totals.Messages >= 2);
    }

    [Fact]
    public async Task A_verdict_left_in_a_retired_queue_is_logged_and_counted_once_the_host_starts()
    {
        var verdict = Some.Understood(Some.Message("left in the old queue", conversationId: "retired-1"), "greet");
        await StartAsync(fifo: false, beforeStart: options => LeaveInRetiredQueueAsync(options, "conversation-log", verdict));

        var conversations = _host.Services.GetRequiredService<IConversationStore>();
        await Eventually.AtLeastAsync(1, () => conversations.GetConversationAsync(Some.BotId, "retired-1").Result);
        var analytics = _host.Services.GetRequiredService<IAnalyticsStore>();
        await Eventually.TrueAsync(() => analytics.ReadEventsAsync(Some.BotId, verdict.Message.ReceivedAt.AddMinutes(-1), verdict.Message.ReceivedAt.AddMinutes(1))
            .ToListAsync().AsTask().Result.Any(e => e.MessageId == verdict.Message.MessageId));
    }

    /// <summary>A queue of the earlier version, holding a verdict as that version's publisher sent it (a MassTransit envelope).</summary>
    private static async Task LeaveInRetiredQueueAsync(AmazonSqsOptions options, string queue, ChatbotPipeline.Contracts.MessageUnderstood verdict)
    {
        using var sqs = SqsClientFactory.Create(options);
        await new SqsProvisioner(sqs, options).ProvisionAsync([queue], CancellationToken.None);
        var messageId = Guid.NewGuid().ToString();
        var envelope = System.Text.Json.JsonSerializer.Serialize(new
        {
            messageId,
            messageType = new[] { "urn:message:ChatbotPipeline.Contracts:MessageUnderstood" },
            message = verdict,
        }, System.Text.Json.JsonSerializerOptions.Web);
        await new SqsPublisher(sqs, options).PublishAsync(new SqsOutgoing("MessageUnderstood", messageId, null, envelope, "retired"), [queue], CancellationToken.None);
    }

    [Fact]
    public async Task A_message_dead_lettered_by_sqs_raises_a_dead_letter_alert()
    {
        var handler = new Notifications.RecordingHandler();
        await StartAsync(fifo: false,
            new() { ["Bus:AmazonSqs:MaxReceiveCount"] = "1", ["Alerts:Webhooks:0"] = "http://alerts.test/hook", ["Alerts:DeadLetterThreshold"] = "0" },
            services => services.AddHttpClient<ChatbotPipeline.Consumers.Notifications.ReplyHttp>().ConfigurePrimaryHttpMessageHandler(() => handler));

        // NLU refuses a message for a bot that does not exist; with one receive allowed, SQS dead-letters it at once.
        await _host.Services.GetRequiredService<IBus>().Publish(Some.Message("hello") with { BotId = "no-such-bot" });

        var alert = (await Eventually.AtLeastAsync(1, () => handler.Requests.Where(r => r.Uri.Host == "alerts.test").ToList()))[0];
        using var body = System.Text.Json.JsonDocument.Parse(alert.Body);
        Assert.Equal(("dead-letters", "nlu"), (body.RootElement.GetProperty("kind").GetString(), body.RootElement.GetProperty("subject").GetString()));
    }

    [Fact]
    public async Task On_fifo_queues_messages_of_a_conversation_sent_at_once_are_understood_in_order()
    {
        await StartAsync(fifo: true);
        var bus = _host.Services.GetRequiredService<IBus>();

        await bus.Publish(Some.Message("where is my order", conversationId: "fifo-1"));
        await bus.Publish(Some.Message("ORD12345", conversationId: "fifo-1"));

        var conversations = _host.Services.GetRequiredService<IConversationStore>();
        var turns = await Eventually.AtLeastAsync(2, () => conversations.GetConversationAsync(Some.BotId, "fifo-1").Result);
        Assert.Equal(["awaiting-parameter", "completed"], turns.Select(t => t.DialogueState));
    }

    [Fact]
    public async Task The_host_is_ready_once_it_receives_from_its_queues()
    {
        await StartAsync(fifo: false);
        var health = _host.Services.GetRequiredService<HealthCheckService>();

        await Eventually.TrueAsync(() => health.CheckHealthAsync(check => check.Name == "sqs-consumers").Result.Status == HealthStatus.Healthy);
    }
}

/// <summary>With SQS unreachable the host stays up and unready, and a publish fails so Ingress can answer 503.</summary>
public sealed class SqsUnreachableTests : IAsyncLifetime
{
    private IHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bus:Transport"] = "AmazonSqs",
            // Nothing listens on port 1.
            ["Bus:AmazonSqs:ServiceUrl"] = "http://127.0.0.1:1",
        });
        builder.Services.AddLogging();
        builder.AddPipelineBus(bus => bus.AddConsumer<FlakyConsumer, FlakyConsumerDefinition>());
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    [Fact]
    public async Task Publishing_fails_and_readiness_says_why()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => _host.Services.GetRequiredService<IBus>().Publish(Some.Message("hello")));

        var report = await _host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(check => check.Name == "sqs-consumers");
        Assert.Equal(HealthStatus.Unhealthy, report.Status);
    }
}
