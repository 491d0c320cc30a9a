using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Channels.Settings;

/// <summary>
/// A platform's settings as one bot sees them: the shared ones (<c>Channels:{Section}</c>) with whatever that bot sets
/// itself (<c>Channels:Bots:{botId}:{Section}</c>) on top. Kept per bot, renewed when the configuration changes.
/// </summary>
public sealed class ChannelSettings<T>(IOptionsMonitor<T> monitor) where T : class
{
    public T For(string botId) => monitor.Get(botId);
}
