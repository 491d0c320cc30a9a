using ChatbotPipeline.Backends;
using ChatbotPipeline.Bus;
using ChatbotPipeline.Consumers.Analytics;
using ChatbotPipeline.Consumers.ConversationLog;
using ChatbotPipeline.Consumers.Nlu;
using ChatbotPipeline.Consumers.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Tests;

/// <summary>A Consumers host works the queues <c>Consumers:Queues</c> names, so each consumer group scales alone.</summary>
public sealed class ConsumerSelectionTests
{
    private static HostApplicationBuilder Builder(params string[] queues)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var folder = Path.Combine(Path.GetTempPath(), $"chatbot-selection-{Guid.NewGuid():N}");
        builder.Configuration.AddInMemoryCollection(queues.Select((queue, i) => new KeyValuePair<string, string?>($"Consumers:Queues:{i}", queue))
            .Append(new("Documents:Sqlite:Path", Path.Combine(folder, "chatbot.db")))
            .Append(new("Objects:FileSystem:Path", Path.Combine(folder, "objects"))));
        builder.AddBackends();
        builder.AddConsumerServices();
        builder.AddPipelineBus(builder.SelectedConsumers());
        return builder;
    }

    private static bool Registered<T>(HostApplicationBuilder builder) => builder.Services.Any(s => s.ServiceType == typeof(T));

    [Fact]
    public void Without_a_selection_every_consumer_runs_and_readiness_waits_for_a_model()
    {
        var builder = Builder();
        using var host = builder.Build();

        Assert.True(Registered<NluConsumer>(builder) && Registered<ConversationLogConsumer>(builder) && Registered<NotificationConsumer>(builder));
        Assert.Contains("nlu-model", host.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Select(r => r.Name));
    }

    [Fact]
    public void A_records_group_runs_only_the_log_and_analytics_and_is_ready_without_a_model()
    {
        var builder = Builder("records");
        using var host = builder.Build();

        Assert.True(Registered<ConversationLogConsumer>(builder) && Registered<AnalyticsConsumer>(builder));
        Assert.False(Registered<NluConsumer>(builder) || Registered<ModelPublishedConsumer>(builder) || Registered<NotificationConsumer>(builder));
        Assert.DoesNotContain("nlu-model", host.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Select(r => r.Name));
    }

    [Theory]
    [InlineData("conversation-log")]
    [InlineData("analytics")]
    public void A_retired_queue_name_stops_the_host_naming_its_successor(string queue)
    {
        using var host = Builder(queue).Build();

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<ConsumersOptions>>().Value);
        Assert.Contains($"Consumers:Queues: {queue} is now part of records", error.Message);
    }

    [Fact]
    public void An_unknown_queue_stops_the_host_naming_the_key()
    {
        using var host = Builder("nlu", "everything").Build();

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<ConsumersOptions>>().Value);
        Assert.Contains("Consumers:Queues", error.Message);
    }
}
