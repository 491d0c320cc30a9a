using System.Security.Cryptography;
using System.Text;

namespace ChatbotPipeline.Ingress.Webhooks.Verification;

/// <summary>Comparisons whose time does not depend on where the inputs differ, so a forger learns nothing from timing.</summary>
internal static class SecretCompare
{
    public static bool Equal(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> given) =>
        CryptographicOperations.FixedTimeEquals(expected, given);

    public static bool EqualText(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));

    /// <summary>Lower-case hex to bytes; null when the text is not hex of the given length.</summary>
    public static byte[]? FromHex(ReadOnlySpan<char> hex, int bytes)
    {
        if (hex.Length != bytes * 2)
            return null;
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
