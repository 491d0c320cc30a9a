using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Channels.Settings;

/// <summary>How a channel's settings are found in configuration: <c>Channels:{Section}</c>, per bot <c>Channels:Bots:{botId}:{Section}</c>.</summary>
public static class ChannelSettingsRegistration
{
    public const string Root = "Channels";

    public static string SharedKey(string section) => $"{Root}:{section}";

    public static string BotKey(string botId, string section) => $"{Root}:Bots:{botId}:{section}";

    /// <summary>
    /// Binds <typeparamref name="T"/> from <c>Channels:{section}</c> with per-bot overrides, read through
    /// <see cref="ChannelSettings{T}"/>; API base URLs are checked when the host starts, for the shared settings and
    /// every bot that overrides them.
    /// </summary>
    public static IServiceCollection AddChannelSettings<T>(this IServiceCollection services, string section) where T : class, new()
    {
        services.AddOptions();
        services.AddSingleton(new ChannelSettingsSection(section, typeof(T)));
        services.AddSingleton<IConfigureOptions<T>>(provider => new BotOverlay<T>(provider.GetRequiredService<IConfiguration>(), section));
        services.AddSingleton<IValidateOptions<T>>(new ApiUrlValidation<T>(section));
        services.TryAddSingleton<ChannelSettings<T>>();
        services.AddHostedService(provider => new ChannelSettingsAtStart<T>(provider.GetRequiredService<ChannelSettings<T>>()));
        return services;
    }
}

/// <summary>Reads the shared settings and every bot's at start, so a bad value stops the host instead of a reply later.</summary>
internal sealed class ChannelSettingsAtStart<T>(ChannelSettings<T> settings) : IHostedService where T : class
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        settings.BuildAll();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>A settings section a channel registered, and the type it binds: what configuration may name under <c>Channels</c>.</summary>
public sealed record ChannelSettingsSection(string Section, Type SettingsType);
