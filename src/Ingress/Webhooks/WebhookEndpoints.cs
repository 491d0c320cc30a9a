using ChatbotPipeline.Channels;

namespace ChatbotPipeline.Ingress.Webhooks;

public static class WebhookEndpoints
{
    /// <summary><c>/webhooks/{channel}/{botId}</c> for every channel.</summary>
    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        RestWebhookApi.Map(app);
        return app.MapChannelWebhooks();
    }
}
