using System.Net;
using System.Net.Sockets;
using ChatbotPipeline.Channels.Replies;
using ChatbotPipeline.Consumers.Notifications;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Tests.Notifications;

/// <summary>A reply that cannot be delivered is one log line — receiver and cause — not a socket stack trace.</summary>
public sealed class ReplyFailureTests
{
    private static ReplyHttp Http(HttpMessageHandler? handler = null) =>
        new(new HttpClient(handler ?? new SocketsHttpHandler()) { Timeout = TimeSpan.FromSeconds(5) }, Options.Create(new NotificationOptions()), TimeProvider.System);

    [Fact]
    public async Task A_receiver_nobody_listens_on_is_a_retryable_failure_that_prints_as_one_line()
    {
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        var failure = await Assert.ThrowsAsync<ReplyFailedException>(() =>
            Http().PostJsonAsync("Callback", new Uri($"http://127.0.0.1:{port}/replies"), new { }, null, CancellationToken.None));

        Assert.IsAssignableFrom<HttpRequestException>(failure);
        Assert.Equal($"ReplyFailedException: Callback: could not be reached (Connection refused (127.0.0.1:{port})).", failure.ToString());
        Assert.Null(failure.StackTrace);
    }

    [Fact]
    public async Task A_server_error_is_a_retryable_failure_naming_the_status_and_a_refusal_is_one_line_too()
    {
        var failing = await Assert.ThrowsAsync<ReplyFailedException>(() =>
            Http(new RecordingHandler().AnswerFirst(HttpStatusCode.BadGateway)).PostJsonAsync("Callback", new Uri("http://callbacks.test/"), new { }, null, CancellationToken.None));
        var refused = await Assert.ThrowsAsync<ReplyRejectedException>(() =>
            Http(new RecordingHandler().AnswerFirst(HttpStatusCode.Forbidden)).PostJsonAsync("Callback", new Uri("http://callbacks.test/"), new { }, null, CancellationToken.None));

        Assert.Equal("ReplyFailedException: Callback: answered HTTP 502.", failing.ToString());
        Assert.Equal("ReplyRejectedException: Callback rejected the reply: HTTP 403.", refused.ToString());
    }
}
