namespace ChatbotPipeline.Channels.Verification;

/// <summary>
/// A secret the platform was given once and sends back unchanged (Telegram's secret token, Meta's verify token):
/// nothing is signed, so the whole value is compared, in constant time.
/// </summary>
public static class SharedToken
{
    /// <param name="name">Where the token travels, for the reason: a header or query parameter name.</param>
    public static SignatureCheck Verify(string expected, string? given, string name)
    {
        if (string.IsNullOrEmpty(given))
            return SignatureCheck.Missing($"{name} is required.");
        return SecretCompare.EqualText(expected, given)
            ? SignatureCheck.Valid
            : SignatureCheck.Invalid($"{name} does not match this bot's token.");
    }
}
