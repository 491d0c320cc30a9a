using ChatbotPipeline.Channels;
using ChatbotPipeline.Channels.Replies;
using ChatbotPipeline.Channels.Settings;
using ChatbotPipeline.Channels.Webhooks;
using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Channels.Twilio;

/// <summary>Twilio SMS and WhatsApp: form posts signed over the public URL; replies by the Messages API.</summary>
public sealed class TwilioChannel : IChatChannel
{
    public IReadOnlyList<string> Names { get; } = [ChannelNames.Twilio];

    public void AddServices(IServiceCollection services)
    {
        services.AddChannelSettings<TwilioSettings>("Twilio");
        services.AddOptions<WebhookAddressOptions>().BindConfiguration(WebhookAddressOptions.Section);
    }

    public IPlatformReplier CreateReplier(string name, IServiceProvider services) => ActivatorUtilities.CreateInstance<TwilioReplier>(services);

    public void MapWebhooks(IEndpointRouteBuilder endpoints) => TwilioWebhookApi.Map(endpoints);
}
