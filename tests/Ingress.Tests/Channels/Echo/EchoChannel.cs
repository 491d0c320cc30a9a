using ChatbotPipeline.Channels;
using ChatbotPipeline.Channels.Replies;
using ChatbotPipeline.Channels.Settings;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatbotPipeline.Ingress.Tests.Channels.Echo;

/// <summary>A platform that exists only here: what adding a channel takes is this folder and one <c>AddChannel</c>.</summary>
public sealed class EchoChannel : IChatChannel
{
    public const string Name = "echo";

    public IReadOnlyList<string> Names { get; } = [Name];

    public void AddServices(IServiceCollection services) => services.AddChannelSettings<EchoSettings>("Echo");

    public IPlatformReplier CreateReplier(string name, IServiceProvider services) => ActivatorUtilities.CreateInstance<EchoReplier>(services);

    public void MapWebhooks(IEndpointRouteBuilder endpoints) => EchoWebhook.Map(endpoints);
}
