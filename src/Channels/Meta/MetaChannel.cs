using ChatbotPipeline.Channels;
using ChatbotPipeline.Channels.Replies;
using ChatbotPipeline.Channels.Settings;
using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Channels.Meta;

/// <summary>
/// A Meta app's two products, one unit because they share the app's webhook signature and handshake: Messenger
/// (Send API) and WhatsApp Cloud (<c>/{phone-number-id}/messages</c>).
/// </summary>
public sealed class MetaChannel : IChatChannel
{
    public IReadOnlyList<string> Names { get; } = [ChannelNames.Messenger, ChannelNames.WhatsApp];

    public void AddServices(IServiceCollection services)
    {
        services.AddChannelSettings<MetaSettings>("Meta");
        services.AddChannelSettings<WhatsAppSettings>("WhatsApp");
    }

    public IPlatformReplier CreateReplier(string name, IServiceProvider services) => name == ChannelNames.WhatsApp
        ? ActivatorUtilities.CreateInstance<WhatsAppReplier>(services)
        : ActivatorUtilities.CreateInstance<MessengerReplier>(services);

    public void MapWebhooks(IEndpointRouteBuilder endpoints) => MetaWebhookApi.Map(endpoints);
}
