using ChatbotPipeline.Channels.Meta;
using ChatbotPipeline.Channels.Slack;
using ChatbotPipeline.Channels.Telegram;
using ChatbotPipeline.Channels.Twilio;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatbotPipeline.Channels;

/// <summary>Channels come in by registration: the hosts map and answer whatever is registered, nothing names a platform.</summary>
public static class ChannelRegistration
{
    /// <summary>Every platform this pipeline speaks; a new one is one line here and a folder beside the others.</summary>
    public static IServiceCollection AddPlatformChannels(this IServiceCollection services) => services
        .AddChannel<SlackChannel>()
        .AddChannel<TelegramChannel>()
        .AddChannel<MetaChannel>()
        .AddChannel<TwilioChannel>();

    /// <summary>Adds a channel unit once (Ingress and Consumers in one process both ask).</summary>
    public static IServiceCollection AddChannel<TChannel>(this IServiceCollection services) where TChannel : class, IChatChannel, new()
    {
        if (services.Any(service => service.ServiceType == typeof(IChatChannel) && service.ImplementationInstance is TChannel))
            return services;
        var channel = new TChannel();
        services.AddSingleton<IChatChannel>(channel);
        services.TryAddSingleton<ChannelCatalog>();
        channel.AddServices(services);
        return services;
    }

    /// <summary>Maps the webhooks of every registered channel.</summary>
    public static IEndpointRouteBuilder MapChannelWebhooks(this IEndpointRouteBuilder endpoints)
    {
        foreach (var channel in endpoints.ServiceProvider.GetServices<IChatChannel>())
            channel.MapWebhooks(endpoints);
        return endpoints;
    }
}

/// <summary>The registered channels' names.</summary>
public sealed class ChannelCatalog(IEnumerable<IChatChannel> channels)
{
    /// <summary>Every platform channel name, REST excluded.</summary>
    public IReadOnlyList<string> Names { get; } = channels.SelectMany(channel => channel.Names).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The platform whose conversation prefix (<c>{name}:</c>) <paramref name="conversationId"/> starts with, if any.</summary>
    public string? PrefixOf(string conversationId) =>
        Names.FirstOrDefault(name => conversationId.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase));
}
