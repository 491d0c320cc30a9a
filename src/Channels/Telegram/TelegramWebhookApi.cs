using ChatbotPipeline.Channels.Settings;
using ChatbotPipeline.Channels.Webhooks;
using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Channels.Telegram;

/// <summary>
/// <c>POST /webhooks/telegram/{botId}</c>, registered with <c>setWebhook(url, secret_token)</c>. Telegram resends an
/// update until it gets a 2xx and holds the bot's later updates meanwhile, so only a full bus is answered otherwise.
/// </summary>
public static class TelegramWebhookApi
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost($"/webhooks/{ChannelNames.Telegram}/{{botId}}", Receive).WithMetadata(new WebhookChannel(ChannelNames.Telegram))
            .WithSummary("Telegram Bot API update (X-Telegram-Bot-Api-Secret-Token checked)")
            .DocumentsBody<System.Text.Json.JsonElement>("application/json")
            .Produces(StatusCodes.Status200OK)
            .ProducesWebhookProblems();

    private static async Task<IResult> Receive(string botId, HttpRequest request, ChannelSettings<TelegramSettings> telegramSettings,
        IPlatformIntake intake, CancellationToken cancellationToken)
    {
        if (telegramSettings.For(botId).SecretToken is not { Length: > 0 } secret)
            return PlatformResults.NotConfigured("Telegram", botId);
        var check = TelegramSecretToken.Verify(secret, request.Headers[TelegramSecretToken.Header]);
        if (!check.IsValid)
            return PlatformResults.Refused(check);
        if (await WebhookBody.ReadAsync(request, PlatformResults.MaxBodyBytes, cancellationToken) is not { } body)
            return PlatformResults.TooLarge();
        if (PlatformJson.Read<TelegramUpdate>(body, out var error) is not { } update)
            return PlatformResults.Malformed(error!);

        return await intake.AnswerAsync(botId, ChannelNames.Telegram, TelegramPayload.Read(update), TypedResults.Ok(), cancellationToken);
    }
}
