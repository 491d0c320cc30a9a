using ChatbotPipeline.Channels.Settings;
using ChatbotPipeline.Channels.Verification;
using ChatbotPipeline.Channels.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ChatbotPipeline.Ingress.Tests.Channels.Echo;

/// <summary><c>POST /webhooks/echo/{botId}</c>: <c>{"id", "from", "text"}</c> with the shared token in <see cref="TokenHeader"/>.</summary>
public static class EchoWebhook
{
    public const string TokenHeader = "X-Echo-Token";

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost($"/webhooks/{EchoChannel.Name}/{{botId}}", Receive).WithMetadata(new WebhookChannel(EchoChannel.Name))
            .DocumentsBody<EchoMessage>("application/json");

    private static async Task<IResult> Receive(string botId, HttpRequest request, ChannelSettings<EchoSettings> settings, IPlatformIntake intake,
        CancellationToken cancellationToken)
    {
        if (settings.For(botId).Token is not { Length: > 0 } token)
            return PlatformResults.NotConfigured("Echo", botId);
        var check = SharedToken.Verify(token, request.Headers[TokenHeader], TokenHeader);
        if (!check.IsValid)
            return PlatformResults.Refused(check);
        if (await WebhookBody.ReadAsync(request, PlatformResults.MaxBodyBytes, cancellationToken) is not { } body)
            return PlatformResults.TooLarge();
        if (PlatformJson.Read<EchoMessage>(body, out var error) is not { } message)
            return PlatformResults.Malformed(error!);
        var batch = message is { Id.Length: > 0, From.Length: > 0, Text.Length: > 0 }
            ? InboundBatch.Of(new InboundMessage(message.Id, $"{EchoChannel.Name}:{message.From}", message.From, message.Text, message.From, new Dictionary<string, string>()))
            : InboundBatch.Malformed("'id', 'from' and 'text' are required.");
        return await intake.AnswerAsync(botId, EchoChannel.Name, batch, TypedResults.Ok(), cancellationToken);
    }

    public sealed record EchoMessage(string? Id, string? From, string? Text);
}
