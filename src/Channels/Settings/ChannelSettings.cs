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
    private volatile Snapshot _current;

    public ChannelSettings(IOptionsFactory<T> factory, IConfiguration configuration, IEnumerable<ChannelSettingsSection> sections)
    {
        _factory = factory;
        _configuration = configuration;
        _section = sections.First(section => section.SettingsType == typeof(T)).Section;
        _current = Read();
        ChangeToken.OnChange(configuration.GetReloadToken, () => _current = Read());
    }

    /// <exception cref="OptionsValidationException">The bot's settings are invalid (an API base URL that is not http(s)).</exception>
    public T For(string botId)
    {
        var current = _current;
        return current.Built.GetOrAdd(current.ConfiguredBots.Contains(botId) ? botId : Options.DefaultName, _factory.Create);
    }

    /// <summary>Builds the shared settings and every configured bot's, throwing for the first invalid one.</summary>
    public void BuildAll()
    {
        For(Options.DefaultName);
        foreach (var bot in _current.ConfiguredBots)
            For(bot);
    }

    /// <summary>
    /// Which bots configure this section, read once per configuration: asking the configuration per call walks every
    /// provider's keys, on every webhook and every reply.
    /// </summary>
    private Snapshot Read() => new(
        _configuration.GetSection($"{ChannelSettingsRegistration.Root}:Bots").GetChildren()
            .Where(bot => bot.GetSection(_section).Exists()).Select(bot => bot.Key).ToHashSet(StringComparer.Ordinal),
        new ConcurrentDictionary<string, T>(StringComparer.Ordinal));

    private sealed record Snapshot(HashSet<string> ConfiguredBots, ConcurrentDictionary<string, T> Built);
}
