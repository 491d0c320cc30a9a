namespace ChatbotPipeline.Channels.Replies;

/// <summary>
/// The repliers of the registered channels, for the host that answers (the notification consumer): a channel unit
/// builds its replier from this host's services, so a host that only takes webhooks needs none of their dependencies.
/// Scoped: a replier lives as long as the message it answers.
/// </summary>
public sealed class PlatformRepliers(IEnumerable<IChatChannel> channels, IServiceProvider services)
{
    private readonly IReadOnlyList<IChatChannel> _channels = channels.ToList();

    /// <summary>The replier for <paramref name="channel"/>, or null when no registered unit answers it.</summary>
    public IPlatformReplier? For(string channel) =>
        _channels.FirstOrDefault(unit => unit.Names.Contains(channel, StringComparer.Ordinal)) is { } unit ? unit.CreateReplier(channel, services) : null;
}
