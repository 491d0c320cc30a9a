using ChatbotPipeline.Bus;
using ChatbotPipeline.Channels;
using ChatbotPipeline.Channels.Webhooks;
using ChatbotPipeline.Ingress.Admin;
using ChatbotPipeline.Ingress.ApiDocument;
using ChatbotPipeline.Ingress.BotFiles;
using ChatbotPipeline.Ingress.ChatStream;
using ChatbotPipeline.Ingress.Seeding;
using ChatbotPipeline.Ingress.Webhooks;
using MassTransit;

namespace ChatbotPipeline.Ingress;

/// <summary>Wires Ingress: admin access, chat streams, the demo bot and the bus.</summary>
public static partial class IngressExtensions
{
    /// <param name="workers">
    /// Consumers of other hosts to run on this process's bus: the all-in-one host (<c>src/Host</c>) passes the
    /// consumers' and the trainer's, having added their services; the thin Ingress passes none.
    /// </param>
    public static IHostApplicationBuilder AddIngressServices(this IHostApplicationBuilder builder, params Action<IBusRegistrationConfigurator>[] workers)
    {
        var services = builder.Services;
        services.AddApiDocument();
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section)
            .PostConfigure(options =>
            {
                if (builder.Environment.IsDevelopment() && string.IsNullOrEmpty(options.ApiKey))
                    options.ApiKey = AdminOptions.DevelopmentApiKey;
            })
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IngressOptions>().BindConfiguration(IngressOptions.Section)
            .Validate(o => o.SenderMessagesPerMinute is >= 0 and <= 1_000_000, "Ingress:SenderMessagesPerMinute must be between 0 (off) and 1000000.")
            .Validate(o => o.DuplicateWindowMinutes is >= 1 and <= 7 * 24 * 60, "Ingress:DuplicateWindowMinutes must be between 1 and 10080.")
            .Validate(o => o.BotMessagesPerMinute >= 0 && o.TotalMessagesPerMinute >= 0, "Ingress:BotMessagesPerMinute and TotalMessagesPerMinute must be 0 (off) or more.")
            .Validate(o => string.IsNullOrEmpty(o.PublicBaseUrl) || (Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"),
                "Ingress:PublicBaseUrl must be an absolute http(s) URL.")
            .Validate(o => o.TrustedProxies.All(TrustedProxies.IsValid), "Ingress:TrustedProxies must be IP addresses or networks (10.0.0.0/8).")
            .ValidateOnStart();
        services.AddSingleton<PlatformMessageIds>();
        services.AddSingleton<CallbackPolicy>();
        services.AddSingleton<WebhookMetrics>();
        services.AddSingleton<AdmissionLimiter>();
        services.AddScoped<MessageIntake>();
        services.AddScoped<IPlatformIntake, PlatformIntake>();
        services.AddPlatformChannels();
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);
        services.AddSingleton<ApiKeyFilter>();
        services.AddSingleton<ChatStreamHub>();
        services.AddOptions<ChatStreamOptions>().BindConfiguration(ChatStreamOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ChatSessionTokens>();
        services.AddSingleton<ChatStreamLimiter>();
        services.AddSingleton<BotImporter>();
        services.AddHostedService<DemoBotSeeder>();
        services.AddProblemDetails();

        builder.AddPipelineBus([AddIngressConsumers, .. workers]);
        return builder;
    }

    /// <summary>Says which admin key Development uses, so the person who started it can call the API.</summary>
    public static void LogDevelopmentApiKey(this WebApplication app)
    {
        var key = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AdminOptions>>().Value.ApiKey;
        if (app.Environment.IsDevelopment() && key == AdminOptions.DevelopmentApiKey)
            LogDefaultKey(app.Logger, AdminOptions.DevelopmentApiKey);
        // `dotnet run` applies launchSettings.json's environment over the caller's: say so, or "Production" is silently ignored.
        if (app.Environment.IsDevelopment() && Environment.GetEnvironmentVariable("DOTNET_LAUNCH_PROFILE") is { Length: > 0 } profile)
            LogLaunchProfile(app.Logger, profile);
    }

    private static void AddIngressConsumers(IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<ChatStreamConsumer, ChatStreamConsumerDefinition>();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development admin API key in use: X-Api-Key: {ApiKey} (set Admin__ApiKey to replace it)")]
    private static partial void LogDefaultKey(ILogger logger, string apiKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development environment set by launch profile '{Profile}' (dotnet run); to run as Production: dotnet run --project src/Host --no-launch-profile, with ASPNETCORE_ENVIRONMENT=Production and Admin__ApiKey")]
    private static partial void LogLaunchProfile(ILogger logger, string profile);
}
