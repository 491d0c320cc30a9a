using ChatbotPipeline.Channels;
using ChatbotPipeline.Channels.Replies;
using ChatbotPipeline.Channels.Settings;
using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Channels.Slack;

/// <summary>Slack: Events API and interactivity webhooks signed with the app's signing secret; replies by <c>chat.postMessage</c>.</summary>
public sealed class SlackChannel : IChatChannel
{
    public IReadOnlyList<string> Names { get; } = [ChannelNames.Slack];

    public void AddServices(IServiceCollection services) => services.AddChannelSettings<SlackSettings>("Slack");

    public IPlatformReplier CreateReplier(string name, IServiceProvider services) => ActivatorUtilities.CreateInstance<SlackReplier>(services);

    public void MapWebhooks(IEndpointRouteBuilder endpoints) => SlackWebhookApi.Map(endpoints);
}
