using ChatbotPipeline.Consumers.Analytics;
using ChatbotPipeline.Consumers.ConversationLog;
using ChatbotPipeline.Consumers.Notifications;
using ChatbotPipeline.Consumers.Nlu;
using ChatbotPipeline.Nlu.Dialogue;
using ChatbotPipeline.ServiceDefaults;
using MassTransit;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers;

/// <summary>Wires the pipeline's consumers: their services here, their bus registrations in one list.</summary>
public static class ConsumersExtensions
{
    public static IHostApplicationBuilder AddConsumerServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<NluOptions>().BindConfiguration(NluOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<BotCatalog>();
        services.AddSingleton<ModelRegistry>();
        services.AddSingleton<NluMetrics>();
        services.AddSingleton<ConversationContextStore>();
        services.AddSingleton<DialoguePolicy>();
        services.AddHostedService<ModelRefreshService>();
        services.AddHealthChecks().AddCheck<ModelLoadedHealthCheck>("nlu-model", tags: [ServiceDefaultsExtensions.ReadyTag]);
        services.AddHttpClient<ReplyCallbackClient>((provider, http) =>
            http.Timeout = TimeSpan.FromSeconds(provider.GetRequiredService<IOptions<NotificationOptions>>().Value.TimeoutSeconds));
        return builder;
    }

    /// <summary>Every consumer of this project, each with its definition.</summary>
    public static void AddPipelineConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<NluConsumer, NluConsumerDefinition>();
        bus.AddConsumer<ModelPublishedConsumer, ModelPublishedConsumerDefinition>();
        bus.AddConsumer<ConversationLogConsumer, ConversationLogConsumerDefinition>();
        bus.AddConsumer<AnalyticsConsumer, AnalyticsConsumerDefinition>();
        bus.AddConsumer<NotificationConsumer, NotificationConsumerDefinition>();
    }
}
