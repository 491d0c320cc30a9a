using System.Text;

namespace ChatbotPipeline.ServiceDefaults.Http;

/// <summary>
/// Reads an answer from a server we do not control only up to a size: a declared length over it is refused before a
/// byte is read, and an undeclared one is read until it passes the limit, so a 300 MB answer costs at most the limit.
/// </summary>
public static class BoundedBody
{
    /// <summary>The body as UTF-8 text, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<string?> ReadAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > maxBytes)
            return null;
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
