namespace ChatbotPipeline.Bench.Webhooks;

/// <summary>The platforms' reply APIs on loopback, answering as they do when all is well, so replies cost what a real call costs locally.</summary>
internal sealed class PlatformApiSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _calls;

    private PlatformApiSink(WebApplication app) => _app = app;

    public string Url => _app.Urls.First();

    public long Calls => Interlocked.Read(ref _calls);

    public static async Task<PlatformApiSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new PlatformApiSink(app);
        app.MapPost("/{**path}", (HttpRequest request) =>
        {
            Interlocked.Increment(ref sink._calls);
            return request.Path.StartsWithSegments("/twilio") ? Results.StatusCode(StatusCodes.Status201Created) : Results.Json(new { ok = true });
        });
        await app.StartAsync();
        return sink;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
