using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace ChatbotPipeline.Bench.Pipeline;

/// <summary>An HTTP server on loopback that the pipeline delivers replies to; completes each conversation's pending wait.</summary>
internal sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _waiting = new();

    private CallbackReceiver(WebApplication app) => _app = app;

    public string Url => $"{_app.Urls.First()}/replies";

    public static async Task<CallbackReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var receiver = new CallbackReceiver(builder.Build());
        receiver._app.MapPost("/replies", receiver.ReceiveAsync);
        await receiver._app.StartAsync();
        return receiver;
    }

    /// <summary>Completes with the timestamp at which the next reply for the conversation arrives.</summary>
    public Task<long> NextReplyAsync(string conversationId)
    {
        var pending = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[conversationId] = pending;
        return pending.Task;
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        var arrived = Stopwatch.GetTimestamp();
        using var body = await JsonDocument.ParseAsync(request.Body);
        var conversation = body.RootElement.GetProperty("conversationId").GetString()!;
        if (_waiting.TryRemove(conversation, out var pending))
            pending.TrySetResult(arrived);
        return Results.Ok();
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
