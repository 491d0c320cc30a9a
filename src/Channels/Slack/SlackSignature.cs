using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ChatbotPipeline.Channels.Verification;

namespace ChatbotPipeline.Channels.Slack;

/// <summary>
/// Slack's request signing: <c>X-Slack-Signature</c> = <c>v0=</c> + hex HMAC-SHA256 of <c>v0:{timestamp}:{raw body}</c>
/// under the app's signing secret, with <c>X-Slack-Request-Timestamp</c> within five minutes of now (replays of an old,
/// validly signed request are refused).
/// </summary>
public static class SlackSignature
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private const string Version = "v0";

    public static string Compute(string signingSecret, string timestamp, ReadOnlySpan<byte> body) =>
        $"{Version}={Convert.ToHexStringLower(Mac(signingSecret, timestamp, body))}";

    public static SignatureCheck Verify(string signingSecret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
            return SignatureCheck.Missing($"{SignatureHeader} and {TimestampHeader} are required.");
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return SignatureCheck.Missing($"{TimestampHeader} is not a Unix time.");
        if (SecretCompare.FromPrefixedHex(signature, Version + "=", 32) is not { } given)
            return SignatureCheck.Missing($"{SignatureHeader} is not v0=<64 hex digits>.");
        var age = now - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799));
        if (age.Duration() > Window)
            return SignatureCheck.Invalid($"{TimestampHeader} is more than {Window.TotalMinutes:F0} minutes from now.");
        return SecretCompare.Equal(Mac(signingSecret, timestamp, body), given)
            ? SignatureCheck.Valid
            : SignatureCheck.Invalid($"{SignatureHeader} does not match the body.");
    }

    private static byte[] Mac(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{Version}:{timestamp}:");
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(signingSecret));
        hmac.AppendData(prefix);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
