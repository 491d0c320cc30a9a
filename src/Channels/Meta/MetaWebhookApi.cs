using ChatbotPipeline.Channels.Settings;
using ChatbotPipeline.Channels.Verification;
using ChatbotPipeline.Channels.Webhooks;
using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Channels.Meta;

/// <summary>
/// <c>/webhooks/messenger/{botId}</c> and <c>/webhooks/whatsapp/{botId}</c>, the Meta app's callback URLs:
/// <c>GET</c> answers the subscription handshake, <c>POST</c> takes a signed batch of entries.
/// </summary>
public static class MetaWebhookApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        MapChannel(app, ChannelNames.Messenger, MessengerPayload.Read);
        MapChannel(app, ChannelNames.WhatsApp, WhatsAppPayload.Read);
    }

    private static void MapChannel(IEndpointRouteBuilder app, string channel, Func<MetaEnvelope, InboundBatch> read)
    {
        var path = $"/webhooks/{channel}/{{botId}}";
        app.MapGet(path, Subscribe).WithMetadata(new WebhookChannel(channel))
            .WithSummary($"Meta's verification handshake for the {channel} webhook (hub.challenge echoed)")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .Produces(StatusCodes.Status403Forbidden);
        app.MapPost(path, (string botId, HttpRequest request, ChannelSettings<MetaSettings> metaSettings, IPlatformIntake intake,
            CancellationToken cancellationToken) => Receive(channel, read, botId, request, metaSettings, intake, cancellationToken))
            .WithMetadata(new WebhookChannel(channel))
            .WithSummary($"{(channel == ChannelNames.WhatsApp ? "WhatsApp Cloud API" : "Messenger")} webhook event (X-Hub-Signature-256 checked)")
            .DocumentsBody<System.Text.Json.JsonElement>("application/json")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .ProducesWebhookProblems();
    }

    /// <summary>The handshake Meta makes when the callback URL is saved: echo <c>hub.challenge</c> if the verify token matches.</summary>
    private static IResult Subscribe(string botId, HttpRequest request, ChannelSettings<MetaSettings> metaSettings)
    {
        if (metaSettings.For(botId).VerifyToken is not { Length: > 0 } verifyToken)
            return PlatformResults.NotConfigured("Meta", botId);
        var query = request.Query;
        if (query["hub.mode"] != "subscribe" || query["hub.challenge"].ToString() is not { Length: > 0 } challenge)
            return PlatformResults.Malformed("Expected hub.mode=subscribe with hub.verify_token and hub.challenge.");
        var check = SharedToken.Verify(verifyToken, query["hub.verify_token"], "hub.verify_token");
        return check.IsValid ? TypedResults.Text(challenge) : PlatformResults.Refused(check);
    }

    private static async Task<IResult> Receive(string channel, Func<MetaEnvelope, InboundBatch> read, string botId, HttpRequest request,
        ChannelSettings<MetaSettings> metaSettings, IPlatformIntake intake, CancellationToken cancellationToken)
    {
        if (metaSettings.For(botId).AppSecret is not { Length: > 0 } appSecret)
            return PlatformResults.NotConfigured("Meta", botId);
        if (await WebhookBody.ReadAsync(request, PlatformResults.MaxBodyBytes, cancellationToken) is not { } body)
            return PlatformResults.TooLarge();
        var check = MetaSignature.Verify(appSecret, request.Headers[MetaSignature.Header], body);
        if (!check.IsValid)
            return PlatformResults.Refused(check);
        if (PlatformJson.Read<MetaEnvelope>(body, out var error) is not { } envelope)
            return PlatformResults.Malformed(error!);
        return await intake.AnswerAsync(botId, channel, read(envelope), TypedResults.Text("EVENT_RECEIVED"), cancellationToken);
    }
}
