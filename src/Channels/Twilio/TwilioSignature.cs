using System.Security.Cryptography;
using System.Text;
using ChatbotPipeline.Channels.Verification;

namespace ChatbotPipeline.Channels.Twilio;

/// <summary>
/// Twilio's request validation: <c>X-Twilio-Signature</c> = base64 HMAC-SHA1, under the account's auth token, of the
/// full public URL Twilio called (scheme, host, path and query) followed by every POST parameter's name and value,
/// sorted by name. Behind a proxy the public URL comes from <c>X-Forwarded-Proto</c> and <c>X-Forwarded-Host</c>.
/// </summary>
public static class TwilioSignature
{
    public const string Header = "X-Twilio-Signature";

    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters) =>
        Convert.ToBase64String(Mac(authToken, url, parameters));

    public static SignatureCheck Verify(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters, string? signature)
    {
        if (string.IsNullOrEmpty(signature))
            return SignatureCheck.Missing($"{Header} is required.");
        var given = new byte[20];
        if (!Convert.TryFromBase64String(signature, given, out var written) || written != given.Length)
            return SignatureCheck.Missing($"{Header} is not a base64 HMAC-SHA1.");
        return SecretCompare.Equal(Mac(authToken, url, parameters), given)
            ? SignatureCheck.Valid
            : SignatureCheck.Invalid($"{Header} does not match the URL and parameters.");
    }

    private static byte[] Mac(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var data = new StringBuilder(url);
        // Ordinal order, as Twilio sorts: upper case before lower case.
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal))
            data.Append(name).Append(value);
        return HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
    }
}
