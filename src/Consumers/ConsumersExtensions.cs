using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Bus;
using ChatbotPipeline.Bus.Retirement;
using ChatbotPipeline.Channels;
using ChatbotPipeline.Channels.Replies;
using ChatbotPipeline.Consumers.Actions;
using ChatbotPipeline.Consumers.Alerts;
using ChatbotPipeline.Consumers.Analytics;
using ChatbotPipeline.Consumers.ConversationLog;
using ChatbotPipeline.Consumers.Exports;
using ChatbotPipeline.Consumers.Nlu;
using ChatbotPipeline.Consumers.Notifications;
using ChatbotPipeline.Consumers.Records;
using ChatbotPipeline.Contracts;
using ChatbotPipeline.Nlu.Dialogue;
using ChatbotPipeline.Nlu.Dialogue.Stories;
using ChatbotPipeline.Nlu.Templates;
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
        services.AddOptions<ConsumersOptions>().BindConfiguration(ConsumersOptions.Section)
            .Validate(o => !o.Queues.Any(QueueNames.Retired.ContainsKey), ConsumersOptions.RetiredQueuesNamed)
            .Validate(o => o.Queues.All(ConsumersOptions.KnownQueues.Contains),
                $"Consumers:Queues may only name {string.Join(", ", ConsumersOptions.KnownQueues)}.")
            .ValidateOnStart();
        services.AddOptions<NluOptions>().BindConfiguration(NluOptions.Section).ValidateDataAnnotations()
            .Validate(o => RetryIntervals.AreValid(o.RetryWaits), RetryIntervals.Refusal("Nlu:RetryIntervalsMilliseconds"))
            .Validate(o => RetryIntervals.AreValid(o.ModelSwitchRetryWaits), RetryIntervals.Refusal("Nlu:ModelSwitchRetryIntervalsMilliseconds"))
            .ValidateOnStart();
        services.AddOptions<ExportOptions>().BindConfiguration(ExportOptions.Section).ValidateDataAnnotations()
            .Validate(o => RetryIntervals.AreValid(o.RetryWaits), RetryIntervals.Refusal("Exports:RetryIntervalsMilliseconds"))
            .ValidateOnStart();
        services.AddOptions<RecordBatchOptions>().BindConfiguration(RecordBatchOptions.Section).ValidateDataAnnotations()
            .Validate(o => RetryIntervals.AreValid(o.RetryWaits), RetryIntervals.Refusal("Records:RetryIntervalsMilliseconds"))
            .ValidateOnStart();
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section).ValidateDataAnnotations()
            // Waiting for the delivery memory must outlast a claim left by a killed replica, or its reply is dead-lettered.
            .Validate(o => (long)o.MemoryWaitAttempts * o.MemoryWaitMilliseconds > (o.TimeoutSeconds + o.MaxRetryAfterSeconds + 5) * 1000L,
                "Notifications:MemoryWaitAttempts × MemoryWaitMilliseconds must be longer than TimeoutSeconds + MaxRetryAfterSeconds + 5 s.")
            .Validate(o => RetryIntervals.AreValid(o.RetryWaits), RetryIntervals.Refusal("Notifications:RetryIntervalsMilliseconds"))
            .ValidateOnStart();
        services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.Webhooks.All(url => Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"),
                "Alerts:Webhooks must be absolute http(s) URLs.")
            .ValidateOnStart();
        services.AddRecordBatcher<ConversationTurn>(provider => provider.GetRequiredService<IConversationStore>().AppendAllAsync);
        services.AddSingleton<AnalyticsRecording>();
        services.AddRecordBatcher<AnalyticsEvent>(provider => provider.GetRequiredService<AnalyticsRecording>().StoreAsync);
        services.AddSingleton<FallbackRateWatch>();
        services.AddSingleton<DeadLetterWatch>();
        services.AddTransient<AlertDelivery>();
        services.AddSingleton<DeliveryMemory>();

        services.AddSingleton<BotCatalog>();
        services.AddSingleton<ModelRegistry>();
        services.AddSingleton<ModelStoreReach>();
        services.AddSingleton<NluMetrics>();
        services.AddSingleton<ConversationContextStore>();
        services.AddSingleton<ConversationLease>();
        services.AddSingleton<ConversationOrder>();
        services.AddSingleton<OfferedChoices>();
        services.AddSingleton<ResponseRenderer>();
        services.AddSingleton<DialoguePolicy>();
        services.AddSingleton<DialogueTrackerStore>();
        services.AddSingleton<MissingModelNotices>();
        services.AddTransient<StoryDialogue>();
        services.AddTransient<ICustomActions, RasaActionServer>();
        services.AddOptions<ActionOptions>().BindConfiguration(ActionOptions.Section).ValidateDataAnnotations()
            // A held conversation's next message waits this long in NLU (derived from the same settings); keep it bounded.
            .Validate(o => o.HoldTime <= ActionOptions.MaxHoldTime,
                $"Actions: Attempts × TimeoutSeconds plus the doubling backoffs must stay within {ActionOptions.MaxHoldTime.TotalMinutes:0} minutes (a held conversation waits that long).")
            .Validate(o => RetryIntervals.AreValid(o.RetryWaits), RetryIntervals.Refusal("Actions:RetryIntervalsMilliseconds"))
            .ValidateOnStart();
        services.AddSingleton<ConversationHold>();
        services.AddSingleton<ActionMemory>();
        services.AddSingleton<ActionRequestBuilder>();
        services.AddHttpClient<ActionCaller>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(ActionHttpHandler.Create);
        var selection = Selection(builder.Configuration);
        if (selection.Hosts(QueueNames.Nlu))
        {
            // Only an NLU replica needs a model to be ready; a logging or notification replica is ready without one.
            services.AddHostedService<ModelRefreshService>();
            services.AddHealthChecks().AddCheck<ModelLoadedHealthCheck>("nlu-model", tags: [ServiceDefaultsExtensions.ReadyTag]);
        }
        if (selection.Hosts(QueueNames.Records) && BusOptions.Configured(builder.Configuration).Transport == BusTransport.RabbitMq)
        {
            services.AddSingleton(provider => new RabbitMqRetiredQueues(provider.GetRequiredService<IOptions<BusOptions>>().Value.RabbitMq));
            services.AddHostedService<RetiredRecordQueues>();
        }
        services.AddHttpClient<ReplyHttp>((provider, http) =>
            http.Timeout = TimeSpan.FromSeconds(provider.GetRequiredService<IOptions<NotificationOptions>>().Value.TimeoutSeconds))
            .ConfigurePrimaryHttpMessageHandler(ReplyHttp.CreateHandler);
        services.AddTransient<IReplySender>(provider => provider.GetRequiredService<ReplyHttp>());
        services.AddTransient<ReplyCallbackClient>();
        services.AddPlatformChannels();
        services.AddScoped<PlatformRepliers>();
        return builder;
    }

    /// <summary>Every consumer of this project, each with its definition.</summary>
    public static void AddPipelineConsumers(IBusRegistrationConfigurator bus) => AddConsumers(bus, new ConsumersOptions());

    /// <summary>The consumers of the queues <c>Consumers:Queues</c> selects (all when it is empty).</summary>
    public static Action<IBusRegistrationConfigurator> SelectedConsumers(this IHostApplicationBuilder builder)
    {
        var selection = Selection(builder.Configuration);
        return bus => AddConsumers(bus, selection);
    }

    private static void AddConsumers(IBusRegistrationConfigurator bus, ConsumersOptions selection)
    {
        if (selection.Hosts(QueueNames.Nlu))
        {
            bus.AddConsumer<NluConsumer, NluConsumerDefinition>();
            bus.AddConsumer<ModelPublishedConsumer, ModelPublishedConsumerDefinition>();
        }
        if (selection.Hosts(QueueNames.Records))
        {
            bus.AddConsumer<ConversationLogConsumer, ConversationLogConsumerDefinition>();
            bus.AddConsumer<AnalyticsConsumer, AnalyticsConsumerDefinition>();
        }
        if (selection.Hosts(QueueNames.Notification))
            bus.AddConsumer<NotificationConsumer, NotificationConsumerDefinition>();
        if (selection.Hosts(QueueNames.Export))
            bus.AddConsumer<ExportConsumer, ExportConsumerDefinition>();
        if (selection.Hosts(QueueNames.Action))
            bus.AddConsumer<ActionConsumer, ActionConsumerDefinition>();
    }

    private static ConsumersOptions Selection(IConfiguration configuration) =>
        configuration.GetSection(ConsumersOptions.Section).Get<ConsumersOptions>() ?? new ConsumersOptions();
}
