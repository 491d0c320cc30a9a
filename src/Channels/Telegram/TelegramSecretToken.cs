using ChatbotPipeline.Channels.Verification;

namespace ChatbotPipeline.Channels.Telegram;

/// <summary>
/// Telegram signs nothing: <c>setWebhook</c> registers a secret token that Telegram sends back in
/// <c>X-Telegram-Bot-Api-Secret-Token</c> with every update.
/// </summary>
public static class TelegramSecretToken
{
    public const string Header = "X-Telegram-Bot-Api-Secret-Token";

    public static SignatureCheck Verify(string secretToken, string? given) => SharedToken.Verify(secretToken, given, Header);
}
