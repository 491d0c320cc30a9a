using ChatbotPipeline.Ingress.Webhooks.Platforms.Meta;
using ChatbotPipeline.Ingress.Webhooks.Platforms.Slack;
using ChatbotPipeline.Ingress.Webhooks.Platforms.Telegram;
using ChatbotPipeline.Ingress.Webhooks.Platforms.Twilio;

namespace ChatbotPipeline.Ingress.Webhooks;

public static class WebhookEndpoints
{
    /// <summary><c>/webhooks/{channel}/{botId}</c> for every channel.</summary>
    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        RestWebhookApi.Map(app);
        SlackWebhookApi.Map(app);
        TelegramWebhookApi.Map(app);
        MetaWebhookApi.Map(app);
        TwilioWebhookApi.Map(app);
        return app;
    }
}
