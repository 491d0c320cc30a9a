using System.Net;

namespace ChatbotPipeline.Consumers.Tests.Notifications;

/// <summary>A callback receiver that answers with the queued status codes (then 200) and records every request body.</summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Queue<HttpStatusCode> _answers = new();

    public List<(Uri Uri, string Body)> Requests { get; } = [];

    public RecordingHandler AnswerFirst(params HttpStatusCode[] statuses)
    {
        foreach (var status in statuses)
            _answers.Enqueue(status);
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        lock (Requests)
        {
            Requests.Add((request.RequestUri!, body));
            return new HttpResponseMessage(_answers.TryDequeue(out var status) ? status : HttpStatusCode.OK);
        }
    }
}
