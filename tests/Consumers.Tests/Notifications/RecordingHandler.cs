using System.Net;

namespace ChatbotPipeline.Consumers.Tests.Notifications;

/// <summary>
/// A receiver that answers with the queued responses (then with <see cref="Default"/>: 200 and an empty body unless
/// set) and records every request: URL, Authorization header and body.
/// </summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> _answers = new();

    public List<RecordedRequest> Requests { get; } = [];

    public Func<HttpResponseMessage> Default { get; set; } = () => new HttpResponseMessage(HttpStatusCode.OK);

    /// <summary>Fixed answers by host, ahead of the queue and the default: one handler can play a failing and a working receiver.</summary>
    public Dictionary<string, HttpStatusCode> ByHost { get; } = new(StringComparer.OrdinalIgnoreCase);

    public RecordingHandler AnswerFirst(params HttpStatusCode[] statuses)
    {
        foreach (var status in statuses)
            _answers.Enqueue(() => new HttpResponseMessage(status));
        return this;
    }

    public RecordingHandler AnswerFirst(Func<HttpResponseMessage> answer)
    {
        _answers.Enqueue(answer);
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        lock (Requests)
        {
            Requests.Add(new RecordedRequest(request.RequestUri!, request.Headers.Authorization?.ToString(), body, DateTime.UtcNow,
                request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase)));
            if (ByHost.TryGetValue(request.RequestUri!.Host, out var fixedStatus))
                return new HttpResponseMessage(fixedStatus);
            return (_answers.TryDequeue(out var answer) ? answer : Default)();
        }
    }
}

public sealed record RecordedRequest(Uri Uri, string? Authorization, string Body, DateTime At, IReadOnlyDictionary<string, string>? Headers = null);
