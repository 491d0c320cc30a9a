using System.Text;

namespace ChatbotPipeline.Ingress.BotFiles;

/// <summary>
/// A bot file's bytes as text, strictly: invalid UTF-8 is refused with the byte offset and line where it starts, instead
/// of being stored as U+FFFD in phrases and answers that then never match what users type.
/// </summary>
public static class BotFileText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text (without a byte-order mark), or null and why.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, string name, out string? error)
    {
        if (bytes.StartsWith("\uFEFF"u8))
            bytes = bytes[3..];
        try
        {
            error = null;
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException exception)
        {
            var offset = exception.Index >= 0 ? exception.Index : FirstInvalid(bytes);
            var line = bytes[..Math.Min(offset, bytes.Length)].Count((byte)'\n') + 1;
            error = $"The {name} is not valid UTF-8: the bytes at offset {offset} (line {line}) are not a UTF-8 character. Save the file as UTF-8.";
            return null;
        }
    }

    private static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? bytes.Length : read;
    }
}
