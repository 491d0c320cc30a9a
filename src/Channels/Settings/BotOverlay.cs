using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Channels.Settings;

/// <summary>
/// Builds a bot's settings (named options, the name being the bot id): the shared section, then each value the bot's
/// own section sets. An empty value in the bot's section leaves the shared one: a blank key in a chart is not a secret.
/// </summary>
internal sealed class BotOverlay<T>(IConfiguration configuration, string section) : IConfigureNamedOptions<T> where T : class, new()
{
    private static readonly PropertyInfo[] Values = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(property => property.PropertyType == typeof(string) && property.CanWrite).ToArray();

    public void Configure(T options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, T options)
    {
        configuration.GetSection(ChannelSettingsRegistration.SharedKey(section)).Bind(options);
        if (string.IsNullOrEmpty(name))
            return;
        var own = configuration.GetSection(ChannelSettingsRegistration.BotKey(name, section)).Get<T>();
        if (own is null)
            return;
        foreach (var property in Values)
            if (property.GetValue(own) is string { Length: > 0 } value)
                property.SetValue(options, value);
    }
}
