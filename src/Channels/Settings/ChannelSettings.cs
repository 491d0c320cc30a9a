using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Channels.Settings;

/// <summary>
/// A platform's settings as one bot sees them: the shared ones (<c>Channels:{Section}</c>) with whatever that bot sets
/// itself (<c>Channels:Bots:{botId}:{Section}</c>) on top. Kept per configured bot, renewed when the configuration
/// changes; a bot id configuration does not name — any id a webhook URL carries — gets the shared settings, so
/// made-up ids cannot grow what is kept.
/// </summary>
public sealed class ChannelSettings<T> where T : class
{
    private readonly IOptionsMonitor<T> _monitor;
    private readonly IConfiguration _configuration;
    private readonly string _section;

    public ChannelSettings(IOptionsMonitor<T> monitor, IConfiguration configuration, IEnumerable<ChannelSettingsSection> sections)
    {
        _monitor = monitor;
        _configuration = configuration;
        _section = sections.First(section => section.SettingsType == typeof(T)).Section;
    }

    public T For(string botId) =>
        _configuration.GetSection(ChannelSettingsRegistration.BotKey(botId, _section)).Exists() ? _monitor.Get(botId) : _monitor.Get(Options.DefaultName);
}
