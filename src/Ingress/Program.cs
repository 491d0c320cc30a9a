using ChatbotPipeline.Backends;
using ChatbotPipeline.Ingress;
using ChatbotPipeline.Ingress.ApiDocument;
using ChatbotPipeline.Ingress.Admin;
using ChatbotPipeline.Ingress.ChatStream;
using ChatbotPipeline.Ingress.Webhooks;
using ChatbotPipeline.ServiceDefaults;
using ChatbotPipeline.ServiceDefaults.Startup;

// A wrong setting ends in one line naming the key and what it accepts, not a stack trace.
return await StartupErrors.RunAsync(typeof(Program).Assembly, async () =>
{
    var builder = WebApplication.CreateBuilder(args);

    builder.AddServiceDefaults();
    builder.AddBackends();
    builder.AddIngressServices();

    var app = builder.Build();
    // Settings are checked before anything starts, so a wrong one is the only line printed (no bus start and stop around it).
    app.ValidateSettings();

    app.UseTrustedProxies();
    app.UseWhen(context => context.Request.Path.StartsWithSegments("/webhooks"),
        webhooks => webhooks.Use(app.Services.GetRequiredService<WebhookMetrics>().MeasureAsync));
    app.UseDefaultFiles();
    app.UseStaticFiles();
    app.MapDefaultEndpoints();
    app.MapWebhooks();
    app.MapChatStream();
    app.MapAdminApi();
    app.MapDashboard();
    app.MapApiDocument();
    app.LogDevelopmentApiKey();

    await app.RunAsync();
    return 0;
});

/// <summary>The Ingress host; public so end-to-end tests can start it with WebApplicationFactory.</summary>
public partial class Program;
