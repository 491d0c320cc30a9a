using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace ChatbotPipeline.Faults.Tests.Support;

/// <summary>
/// Users talking to the bot the way chat platforms deliver: every message has its own <c>message_id</c>, and one that
/// is not acknowledged with a 2xx — a 503, a refused or dropped connection, an answer the client stopped waiting for —
/// is sent again with the same id until it is, or the run's deadline passes.
/// </summary>
/// <param name="perSecond">Messages started per second at most, so a fault lands in the middle of the stream.</param>
public sealed class ChatLoad(string ingressUrl, string callbackUrl, string run, int messages, int perSecond, int workers, TimeSpan clientTimeout)
{
    private static readonly string[] Phrases = ["hello", "where is my order", "ORD12345", "thanks", "cancel", "blah"];
    private const int Senders = 200;
    private readonly ConcurrentDictionary<string, int> _refusals = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<DateTime> _acceptedAt = [];
    private readonly ConcurrentBag<string> _accepted = [];
    private long _maxAnsweredTicks;
    private int _next = -1;
    private Stopwatch _started = new();

    /// <summary>Messages handed out so far (sent at least once).</summary>
    public int Started => Math.Min(Volatile.Read(ref _next) + 1, messages);

    /// <summary>The text of message <paramref name="index"/>: unique, so a message stored twice under two ids shows.</summary>
    public static string Text(string run, int index) => $"{Phrases[index % Phrases.Length]} {run}-{index}";

    public async Task<LoadResult> RunAsync(TimeSpan deadline)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = workers, PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = new Uri(ingressUrl),
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _started = Stopwatch.StartNew();
        var until = DateTime.UtcNow + deadline;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => WorkAsync(http, until)));
        return new LoadResult(messages, _accepted.Count, new Dictionary<string, int>(_refusals), TimeSpan.FromTicks(_maxAnsweredTicks),
            [.. _accepted], [.. _acceptedAt]);
    }

    private async Task WorkAsync(HttpClient http, DateTime until)
    {
        int index;
        while ((index = Interlocked.Increment(ref _next)) < messages)
        {
            var due = TimeSpan.FromSeconds((double)index / perSecond) - _started.Elapsed;
            if (due > TimeSpan.Zero)
                await Task.Delay(due);
            var body = new
            {
                sender = $"{run}-u{index % Senders}",
                message = Text(run, index),
                message_id = $"{run}-{index}",
                metadata = new { callback_url = callbackUrl },
            };
            while (DateTime.UtcNow < until)
            {
                var (accepted, wait) = await SendAsync(http, body);
                if (accepted)
                {
                    _accepted.Add(body.message);
                    _acceptedAt.Add(DateTime.UtcNow);
                    break;
                }
                await Task.Delay(wait);
            }
        }
    }

    /// <returns>Whether the message is taken (202, or 200 for one taken before), else how long to wait before retrying.</returns>
    private async Task<(bool Accepted, TimeSpan Wait)> SendAsync(HttpClient http, object body)
    {
        var clock = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(clientTimeout);
        try
        {
            using var response = await http.PostAsJsonAsync("/webhooks/rest/demo", body, timeout.Token);
            Answered(clock.Elapsed);
            if (response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK)
                return (true, TimeSpan.Zero);
            Count(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var retryAfter = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromMilliseconds(250);
            return (false, retryAfter < TimeSpan.FromSeconds(2) ? retryAfter : TimeSpan.FromSeconds(2));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Count("client gave up");
        }
        catch (HttpRequestException exception)
        {
            Count(exception.HttpRequestError == HttpRequestError.ConnectionError ? "connection refused" : "connection dropped");
        }
        return (false, TimeSpan.FromMilliseconds(250));
    }

    private void Answered(TimeSpan elapsed)
    {
        long seen;
        while (elapsed.Ticks > (seen = Interlocked.Read(ref _maxAnsweredTicks)) && Interlocked.CompareExchange(ref _maxAnsweredTicks, elapsed.Ticks, seen) != seen)
        {
        }
    }

    private void Count(string what) => _refusals.AddOrUpdate(what, 1, (_, n) => n + 1);
}

/// <summary>What the users saw.</summary>
/// <param name="Sent">Distinct messages.</param>
/// <param name="Accepted">Distinct messages acknowledged with a 2xx in the end.</param>
/// <param name="Refusals">Answers other than 2xx (and connection failures), by kind, retries included.</param>
/// <param name="LongestAnswer">The longest a request waited for an answer it got.</param>
/// <param name="AcceptedTexts">The texts of the accepted messages.</param>
/// <param name="AcceptedAt">When each was acknowledged.</param>
public sealed record LoadResult(int Sent, int Accepted, IReadOnlyDictionary<string, int> Refusals, TimeSpan LongestAnswer,
    IReadOnlyList<string> AcceptedTexts, IReadOnlyList<DateTime> AcceptedAt);
