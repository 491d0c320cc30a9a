using System.Security.Cryptography;
using System.Text;
using ChatbotPipeline.Channels.Verification;

namespace ChatbotPipeline.Channels.Meta;

/// <summary>
/// Messenger and WhatsApp Cloud (Meta) webhooks: <c>X-Hub-Signature-256</c> = <c>sha256=</c> + hex HMAC-SHA256 of the raw
/// body under the app secret. Only the SHA-256 header is accepted; the legacy SHA-1 <c>X-Hub-Signature</c> is not.
/// </summary>
public static class MetaSignature
{
    public const string Header = "X-Hub-Signature-256";
    private const string Prefix = "sha256=";

    public static string Compute(string appSecret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));

    public static SignatureCheck Verify(string appSecret, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(signature))
            return SignatureCheck.Missing($"{Header} is required.");
        if (SecretCompare.FromPrefixedHex(signature, Prefix, 32) is not { } given)
            return SignatureCheck.Missing($"{Header} is not sha256=<64 hex digits>.");
        return SecretCompare.Equal(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body), given)
            ? SignatureCheck.Valid
            : SignatureCheck.Invalid($"{Header} does not match the body.");
    }
}
