using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatbotPipeline.Faults.Tests.Support;

/// <summary>The callback URL the bot replies to: a loopback web server that counts the deliveries per message id.</summary>
public sealed class ReplyReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _deliveries = new(StringComparer.Ordinal);

    private ReplyReceiver(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    /// <summary>Deliveries received per message id.</summary>
    public IReadOnlyDictionary<string, int> Deliveries => _deliveries;

    public static async Task<ReplyReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var url = $"http://127.0.0.1:{ChatbotPipeline.Tests.Shared.HostProcess.FreePort()}";
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        var receiver = new ReplyReceiver(app, $"{url}/replies");
        app.MapPost("/replies", async (HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            receiver._deliveries.AddOrUpdate(body.RootElement.GetProperty("messageId").GetString()!, 1, (_, n) => n + 1);
            return Results.Ok();
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
