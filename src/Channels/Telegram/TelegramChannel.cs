using ChatbotPipeline.Channels;
using ChatbotPipeline.Channels.Replies;
using ChatbotPipeline.Channels.Settings;
using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Channels.Telegram;

/// <summary>Telegram: Bot API updates carrying the webhook's secret token; replies by <c>sendMessage</c>.</summary>
public sealed class TelegramChannel : IChatChannel
{
    public IReadOnlyList<string> Names { get; } = [ChannelNames.Telegram];

    public void AddServices(IServiceCollection services) => services.AddChannelSettings<TelegramSettings>("Telegram");

    public IPlatformReplier CreateReplier(string name, IServiceProvider services) => ActivatorUtilities.CreateInstance<TelegramReplier>(services);

    public void MapWebhooks(IEndpointRouteBuilder endpoints) => TelegramWebhookApi.Map(endpoints);
}
