using ChatbotPipeline.Ingress.Admin;
using ChatbotPipeline.Ingress.ApiDocument;
using ChatbotPipeline.Ingress.ChatStream;
using ChatbotPipeline.Ingress.Webhooks;
using ChatbotPipeline.ServiceDefaults;
using ChatbotPipeline.ServiceDefaults.Startup;
using Microsoft.Extensions.FileProviders;

namespace ChatbotPipeline.Ingress;

/// <summary>
/// What Ingress answers, in order: forwarded headers from trusted proxies, webhook metrics, the chat page and dashboard,
/// health and metrics, webhooks, chat streams, the admin API and its document. The same for the thin Ingress and the
/// all-in-one host.
/// </summary>
public static class IngressPipeline
{
    public static WebApplication UseIngress(this WebApplication app)
    {
        // Settings are checked before anything starts, so a wrong one is the only line printed (no bus start and stop around it).
        app.ValidateSettings();

        app.UseTrustedProxies();
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/webhooks"),
            webhooks => webhooks.Use(app.Services.GetRequiredService<WebhookMetrics>().MeasureAsync));
        // The pages ship inside this assembly, so whichever host runs Ingress (its own, or the all-in-one) serves them.
        var pages = new ManifestEmbeddedFileProvider(typeof(IngressPipeline).Assembly, "wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = pages });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = pages });
        app.MapDefaultEndpoints();
        app.MapWebhooks();
        app.MapChatStream();
        app.MapAdminApi();
        app.MapDashboard();
        app.MapApiDocument();
        app.LogDevelopmentApiKey();
        return app;
    }
}
