using ChatbotPipeline.Channels.Settings;
using ChatbotPipeline.Channels.Webhooks;
using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Channels.Slack;

/// <summary>
/// <c>POST /webhooks/slack/{botId}</c>, the Slack app's Events API and Interactivity request URL. Every request, the URL
/// check included, is verified first; Slack's retries (<c>X-Slack-Retry-Num</c>) repeat the <c>event_id</c> and are
/// dropped; a button press (a form with <c>payload</c>) is the user's next message.
/// </summary>
public static class SlackWebhookApi
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost($"/webhooks/{ChannelNames.Slack}/{{botId}}", Receive).WithMetadata(new WebhookChannel(ChannelNames.Slack))
            .WithSummary("Slack Events API and interactivity (signed with the signing secret)")
            .DocumentsBody<System.Text.Json.JsonElement>("application/json", "application/x-www-form-urlencoded")
            .Produces(StatusCodes.Status200OK)
            .ProducesWebhookProblems();

    private static async Task<IResult> Receive(string botId, HttpRequest request, ChannelSettings<SlackSettings> slackSettings,
        IPlatformIntake intake, TimeProvider time, CancellationToken cancellationToken)
    {
        if (slackSettings.For(botId).SigningSecret is not { Length: > 0 } secret)
            return PlatformResults.NotConfigured("Slack", botId);
        if (await WebhookBody.ReadAsync(request, PlatformResults.MaxBodyBytes, cancellationToken) is not { } body)
            return PlatformResults.TooLarge();
        var check = SlackSignature.Verify(secret, request.Headers[SlackSignature.TimestampHeader], request.Headers[SlackSignature.SignatureHeader],
            body, time.GetUtcNow());
        if (!check.IsValid)
            return PlatformResults.Refused(check);
        if (SlackInteraction.IsForm(request))
            return await intake.AnswerAsync(botId, ChannelNames.Slack, SlackInteraction.Read(body), TypedResults.Ok(), cancellationToken);
        if (PlatformJson.Read<SlackEnvelope>(body, out var error) is not { } envelope)
            return PlatformResults.Malformed(error!);
        if (envelope.Type == SlackEnvelope.UrlVerification)
            return envelope.Challenge is { Length: > 0 } challenge
                ? TypedResults.Text(challenge)
                : PlatformResults.Malformed("'challenge' is required for url_verification.");

        return await intake.AnswerAsync(botId, ChannelNames.Slack, SlackPayload.Read(envelope), TypedResults.Ok(), cancellationToken);
    }
}
