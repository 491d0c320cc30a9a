using System.Text.Json;

namespace ChatbotPipeline.Ingress.ChatStream;

/// <summary>
/// Writes a subscription as server-sent events: headers flushed at once (the page knows it is connected),
/// an <c>event: reply</c> per reply, and a comment line as heartbeat so idle proxies keep the connection. The stream's
/// slot in <see cref="ChatStreamLimiter"/> is released when it ends.
/// </summary>
public sealed class ChatEventStream(ChatSubscription subscription, TimeSpan heartbeat, IDisposable? slot = null) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using var owned = subscription;
        using var held = slot;
        var response = httpContext.Response;
        var stopping = httpContext.RequestAborted;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await WriteAsync(response, ": connected\n\n", stopping);

        try
        {
            while (!stopping.IsCancellationRequested)
            {
                if (await WaitForReplyAsync(stopping))
                {
                    while (subscription.Replies.TryRead(out var reply))
                        await WriteAsync(response, $"event: reply\ndata: {JsonSerializer.Serialize(reply, JsonSerializerOptions.Web)}\n\n", stopping);
                }
                else
                {
                    await WriteAsync(response, ": heartbeat\n\n", stopping);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The page went away: nothing to report.
        }
    }

    private async Task<bool> WaitForReplyAsync(CancellationToken stopping)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(heartbeat);
        try
        {
            return await subscription.Replies.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.WriteAsync(text, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
