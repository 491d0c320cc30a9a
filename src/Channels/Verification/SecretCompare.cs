using System.Security.Cryptography;
using System.Text;

namespace ChatbotPipeline.Channels.Verification;

/// <summary>Comparisons whose time does not depend on where the inputs differ, so a forger learns nothing from timing.</summary>
internal static class SecretCompare
{
    public static bool Equal(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> given) =>
        CryptographicOperations.FixedTimeEquals(expected, given);

    public static bool EqualText(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));

    /// <summary>The bytes of a <c>{prefix}{hex}</c> header value; null unless it has the prefix and exactly that many bytes of hex.</summary>
    public static byte[]? FromPrefixedHex(string value, string prefix, int bytes) =>
        value.StartsWith(prefix, StringComparison.Ordinal) ? FromHex(value.AsSpan(prefix.Length), bytes) : null;

    private static byte[]? FromHex(ReadOnlySpan<char> hex, int bytes)
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
