using ChatbotPipeline.Ingress.BotFiles.Rasa;

namespace ChatbotPipeline.Ingress.BotFiles;

/// <summary>
/// Which format a bot file is in when the request does not say (<c>?format=</c>): form files, a YAML content type, an
/// archive or text that does not start like JSON are Rasa; a JSON object is ai-chatbot-framework's. Sending nlu.yml
/// without <c>?format=rasa</c> then imports instead of failing on "'v' is an invalid start of a value".
/// </summary>
public static class BotFileFormat
{
    public static async Task<string> DetectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true
            || request.ContentType?.Contains("yaml", StringComparison.OrdinalIgnoreCase) == true)
            return BotFilesApi.Rasa;
        if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
            return BotFilesApi.Aicf;
        // Peek at the body, then rewind it for the reader.
        request.EnableBuffering();
        var start = new byte[64];
        var read = await request.Body.ReadAsync(start, cancellationToken);
        request.Body.Position = 0;
        var head = start.AsSpan(0, read);
        if (RasaArchive.IsArchive(head))
            return BotFilesApi.Rasa;
        var text = System.Text.Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.StartsWith('{') || text.StartsWith('[') ? BotFilesApi.Aicf : BotFilesApi.Rasa;
    }
}
