using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ChatbotPipeline.Ingress.Tests.Support;

/// <summary>
/// The platforms' reply APIs on loopback over real HTTP, one path prefix each (<c>/slack/api/</c>, <c>/telegram/</c>,
/// <c>/graph/v21.0/</c>, <c>/twilio/</c>): every call is recorded with its auth and body and answered as the platform
/// would when all is well.
/// </summary>
public sealed class FakePlatformApis : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<PlatformCall> _calls = [];

    private FakePlatformApis(WebApplication app) => _app = app;

    public string BaseUrl => _app.Urls.First();

    public IReadOnlyList<PlatformCall> Calls
    {
        get { lock (_calls) return _calls.ToList(); }
    }

    public static async Task<FakePlatformApis> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakePlatformApis(app);
        app.MapPost("/{**path}", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var call = new PlatformCall(request.Path.Value!, request.Headers.Authorization.ToString(), await reader.ReadToEndAsync());
            lock (fake._calls)
                fake._calls.Add(call);
            // Slack and Telegram say ok in the body; the Graph API and Twilio only look at the status.
            return request.Path.StartsWithSegments("/twilio")
                ? Results.Json(new { sid = "SM" + Guid.NewGuid().ToString("N") }, statusCode: StatusCodes.Status201Created)
                : Results.Json(new { ok = true });
        });
        await app.StartAsync();
        return fake;
    }

    /// <summary>The calls whose body mentions <paramref name="text"/>, once at least <paramref name="count"/> have arrived.</summary>
    public async Task<IReadOnlyList<PlatformCall>> CallsMentioningAsync(string text, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var calls = Calls.Where(call => call.Body.Contains(text, StringComparison.Ordinal)).ToList();
            if (calls.Count >= count)
                return calls;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{count} call(s) mentioning '{text}' did not arrive; got {calls.Count}.");
            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed record PlatformCall(string Path, string Authorization, string Body);
