using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ChatbotPipeline.Ingress.Tests.Support;

/// <summary>
/// An order-status API on loopback, like the one ai-chatbot-framework's order bot calls: <c>GET /api/orders/status?order_id=</c>
/// answers <c>{"status": "shipped"}</c>, or the statuses a test queues; every call is recorded with its idempotency key.
/// </summary>
public sealed class FakeOrderApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _answers = new();
    private readonly ConcurrentQueue<(string OrderId, string IdempotencyKey)> _calls = new();

    private FakeOrderApi(WebApplication app) => _app = app;

    public string BaseUrl => _app.Urls.First();

    public int Port => new Uri(BaseUrl).Port;

    /// <summary>Every request that reached the server, whatever its path: the request line and the body.</summary>
    public ConcurrentQueue<(string Method, string PathAndQuery, string Body, IHeaderDictionary Headers)> Requests { get; } = new();

    /// <summary>When set, <c>GET /api/orders/status</c> answers this many bytes of JSON string instead.</summary>
    public long? HugeAnswerBytes { get; set; }

    /// <summary>How long each answer takes.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>The status every call gets once the queued ones are used up.</summary>
    public int DefaultStatus { get; set; } = StatusCodes.Status200OK;

    public IReadOnlyList<(string OrderId, string IdempotencyKey)> Calls => [.. _calls];

    /// <summary>POSTs to <c>/api/orders</c>: the JSON body and the <c>X-Shop</c> header each carried.</summary>
    public ConcurrentQueue<(string Body, string Shop)> Posts { get; } = new();

    public void AnswerNext(params int[] statuses) => Array.ForEach(statuses, _answers.Enqueue);

    public static async Task<FakeOrderApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeOrderApi(app);
        app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
            fake.Requests.Enqueue((context.Request.Method, context.Request.Path + context.Request.QueryString, await reader.ReadToEndAsync(), context.Request.Headers));
            context.Request.Body.Position = 0;
            await next();
        });
        app.MapGet("/api/orders/status", async (HttpRequest request) =>
        {
            var orderId = request.Query["order_id"].ToString();
            fake._calls.Enqueue((orderId, request.Headers["Idempotency-Key"].ToString()));
            await Task.Delay(fake.Delay);
            if (fake.HugeAnswerBytes is { } huge)
                return Results.Stream(async body => await WriteHugeAsync(body, huge), "application/json");
            var status = fake._answers.TryDequeue(out var queued) ? queued : fake.DefaultStatus;
            return status == StatusCodes.Status200OK
                ? Results.Json(new { order_id = orderId, status = "shipped" })
                : Results.Json(new { error = "unavailable" }, statusCode: status);
        });
        app.MapPost("/api/orders", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            fake.Posts.Enqueue((await reader.ReadToEndAsync(), request.Headers["X-Shop"].ToString()));
            return Results.Json(new { status = "created" });
        });
        await app.StartAsync();
        return fake;
    }

    private static async Task WriteHugeAsync(Stream body, long bytes)
    {
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'a');
        await body.WriteAsync("\""u8.ToArray());
        try
        {
            for (long written = 0; written < bytes; written += chunk.Length)
                await body.WriteAsync(chunk);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            // The caller stopped reading: what the test wants to see.
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
