using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using ChatbotPipeline.Bench.Pipeline;

namespace ChatbotPipeline.Bench.Bots;

/// <summary>Latencies of a Zipf-distributed run: a bot's first message in the run (its model loads) apart from later ones.</summary>
internal sealed record ZipfResult(TimeSpan Elapsed, double[] First, double[] Later, int BotsReached)
{
    public static double Percentile(double[] values, double p) =>
        values.Length == 0 ? double.NaN : values.Order().ElementAt((int)Math.Min(values.Length - 1, Math.Ceiling(p * values.Length) - 1));
}

/// <summary>
/// Closed-loop users, each sending a message to a bot drawn by Zipf rank and waiting for its reply on the callback.
/// Latency is webhook POST sent → reply delivered.
/// </summary>
internal sealed class ZipfLoad(HttpClient http, string url, CallbackReceiver replies, int bots)
{
    public async Task<ZipfResult> RunAsync(int users, int messages)
    {
        var zipf = new Zipf(bots);
        var seen = new ConcurrentDictionary<int, byte>();
        var first = new ConcurrentBag<double>();
        var later = new ConcurrentBag<double>();
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, users).Select(user => Task.Run(async () =>
        {
            var random = new Random(user);
            while (Interlocked.Increment(ref next) < messages)
            {
                var bot = zipf.Next(random);
                var conversation = $"u{user}-{Guid.NewGuid():N}"[..20];
                var isFirst = seen.TryAdd(bot, 0);
                var reply = replies.NextReplyAsync(conversation);
                var sent = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync($"{url}/webhooks/rest/{BotFarm.BotId(bot)}", new
                {
                    sender = conversation,
                    message = SyntheticBots.Utterance(BotFarm.IntentsOf(bot), random),
                    metadata = new { callback_url = replies.Url },
                });
                response.EnsureSuccessStatusCode();
                var arrived = await reply.WaitAsync(TimeSpan.FromSeconds(60));
                (isFirst ? first : later).Add(Stopwatch.GetElapsedTime(sent, arrived).TotalMilliseconds);
            }
        })));
        return new ZipfResult(Stopwatch.GetElapsedTime(started), first.ToArray(), later.ToArray(), seen.Count);
    }
}
