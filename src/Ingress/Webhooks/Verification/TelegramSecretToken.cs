namespace ChatbotPipeline.Ingress.Webhooks.Verification;

/// <summary>
/// Telegram signs nothing: <c>setWebhook</c> registers a secret token that Telegram sends back in
/// <c>X-Telegram-Bot-Api-Secret-Token</c> with every update; it is compared in constant time.
/// </summary>
public static class TelegramSecretToken
{
    public const string Header = "X-Telegram-Bot-Api-Secret-Token";

    public static SignatureCheck Verify(string secretToken, string? given)
    {
        if (string.IsNullOrEmpty(given))
            return SignatureCheck.Missing($"{Header} is required.");
        return SecretCompare.EqualText(secretToken, given)
            ? SignatureCheck.Valid
            : SignatureCheck.Invalid($"{Header} is not this bot's secret token.");
    }
}
