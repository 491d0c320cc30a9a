using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace ChatbotPipeline.Channels.Settings;

/// <summary>
/// A platform's settings as one bot sees them: the shared ones (<c>Channels:{Section}</c>) with whatever that bot sets
/// itself (<c>Channels:Bots:{botId}:{Section}</c>) on top, validated when built. Built once per configured bot and
/// again after the configuration reloads; a bot id configuration does not name — any id a webhook URL carries — gets
/// the shared settings, so made-up ids cannot grow what is kept.
/// </summary>
public sealed class ChannelSettings<T> where T : class
{
    private readonly IOptionsFactory<T> _factory;
    private readonly IConfiguration _configuration;
    private readonly string _section;
    private readonly ConcurrentDictionary<string, T> _built = new(StringComparer.Ordinal);

    public ChannelSettings(IOptionsFactory<T> factory, IConfiguration configuration, IEnumerable<ChannelSettingsSection> sections)
    {
        _factory = factory;
        _configuration = configuration;
        _section = sections.First(section => section.SettingsType == typeof(T)).Section;
        ChangeToken.OnChange(configuration.GetReloadToken, _built.Clear);
    }

    /// <exception cref="OptionsValidationException">The bot's settings are invalid (an API base URL that is not http(s)).</exception>
    public T For(string botId)
    {
        var name = _configuration.GetSection(ChannelSettingsRegistration.BotKey(botId, _section)).Exists() ? botId : Options.DefaultName;
        return _built.GetOrAdd(name, _factory.Create);
    }
}
