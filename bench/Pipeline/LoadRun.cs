using System.Diagnostics;
using System.Net.Http.Json;

namespace ChatbotPipeline.Bench.Pipeline;

/// <summary>
/// Simulated users, each in its own conversation, each waiting for the bot's reply before saying the next line
/// (a closed loop, as people chat). Latency is webhook POST sent → reply delivered to the callback URL.
/// </summary>
/// <param name="uniqueTexts">Make every message's text one never seen before (a number new to the process appended), so no cache of
/// sentence vectors can answer it: what a bot pays for an encoder on free text.</param>
/// <param name="bot">The bot talked to, and <paramref name="script"/> what each user says to it in turn (default: the demo bot's order chat).</param>
internal sealed class LoadRun(HttpClient http, string ingressUrl, CallbackReceiver replies, bool uniqueTexts = false, string bot = "demo", string[]? script = null)
{
    private readonly string[] Script = script ?? ["hello", "where is my order", "ORD12345", "thanks"];

    // A number never used before in this process: a text never seen, as long as a chat message (a 32-digit run id made
    // every message ~20 tokens longer, three times the transformer's work of a real one).
    private static long _unique = Random.Shared.NextInt64(100_000, 900_000);

    public async Task<LatencyReport> RunAsync(int users, int messages, string runId)
    {
        var latencies = new double[messages];
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, users).Select(user => Task.Run(async () =>
        {
            var conversation = $"{runId}-{user}";
            for (var turn = 0; ; turn++)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= messages)
                    return;
                var reply = replies.NextReplyAsync(conversation);
                var sent = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync($"{ingressUrl}/webhooks/rest/{bot}", new
                {
                    sender = conversation,
                    message = uniqueTexts ? $"{Script[turn % Script.Length]} {Interlocked.Increment(ref _unique)}" : Script[turn % Script.Length],
                    metadata = new { callback_url = replies.Url },
                });
                response.EnsureSuccessStatusCode();
                var arrived = await reply.WaitAsync(TimeSpan.FromSeconds(30));
                latencies[index] = Stopwatch.GetElapsedTime(sent, arrived).TotalMilliseconds;
            }
        })));
        return LatencyReport.From(users, latencies, Stopwatch.GetElapsedTime(started));
    }
}
