using ChatbotPipeline.Channels.Settings;

namespace ChatbotPipeline.Channels;

/// <summary>
/// A chat platform as one unit: its settings, its webhook (verification and payload parsing, on Ingress) and its
/// replier (on the notification consumer), all in its folder and registered by one <see cref="ChannelRegistration.AddChannel{TChannel}"/>.
/// </summary>
public interface IChatChannel
{
    /// <summary>
    /// The <see cref="Contracts.MessageReceived.Channel"/> names this unit takes messages for and answers; each names its
    /// conversations <c>{name}:{id}</c>, a prefix no REST sender may take. One unit may serve several (Meta: Messenger, WhatsApp).
    /// </summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>Registers what both halves need: the unit's settings (<see cref="Settings.ChannelSettingsRegistration.AddChannelSettings{T}"/>).</summary>
    void AddServices(IServiceCollection services);

    /// <summary>
    /// The replier for one of <see cref="Names"/>, built from the notification consumer's services (its HTTP sender):
    /// only that host answers, so only that host builds repliers (<see cref="Replies.PlatformRepliers"/>).
    /// </summary>
    Replies.IPlatformReplier CreateReplier(string name, IServiceProvider services);

    /// <summary>Maps the unit's webhooks, <c>/webhooks/{name}/{botId}</c>.</summary>
    void MapWebhooks(IEndpointRouteBuilder endpoints);
}
