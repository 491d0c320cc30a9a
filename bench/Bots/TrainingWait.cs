using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ChatbotPipeline.Nlu.Definitions;

namespace ChatbotPipeline.Bench.Bots;

/// <summary>
/// A 3,000-phrase bot's training is requested, then three small bots' right behind it: how long each small one takes
/// from its request to its published model (its wait plus its own few milliseconds of training).
/// </summary>
internal static class TrainingWait
{
    public static async Task<string> MeasureAsync(HttpClient http, string url, string encoder)
    {
        var large = await CreateAsync(http, url, "large-bot", encoder, SyntheticBots.Large(3000));
        var small = new List<string>();
        for (var i = 0; i < 3; i++)
            small.Add(await CreateAsync(http, url, $"small-bot-{i}", encoder, SyntheticBots.Intents(100 + i)));

        var requested = Stopwatch.StartNew();
        (await http.PostAsync($"{url}/api/bots/{large}/train", null)).EnsureSuccessStatusCode();
        await Task.Delay(200); // the large one is training when the small ones ask
        var waits = await Task.WhenAll(small.Select(async bot =>
        {
            var asked = Stopwatch.StartNew();
            (await http.PostAsync($"{url}/api/bots/{bot}/train", null)).EnsureSuccessStatusCode();
            await PublishedAsync(http, url, bot);
            return asked.Elapsed.TotalSeconds;
        }));
        await PublishedAsync(http, url, large);
        var largeTook = requested.Elapsed.TotalSeconds;
        return $"training wait: 3 small bots requested 0.2 s after a 3,000-phrase bot: request → published {string.Join(", ", waits.Order().Select(w => $"{w:F2} s"))}; " +
            $"the large bot took {largeTook:F1} s";
    }

    private static async Task<string> CreateAsync(HttpClient http, string url, string id, string encoder, IReadOnlyList<Intent> intents)
    {
        (await http.PostAsJsonAsync($"{url}/api/bots", new { id, name = id, encoder })).EnsureSuccessStatusCode();
        foreach (var intent in intents)
            (await http.PostAsJsonAsync($"{url}/api/bots/{id}/intents", intent)).EnsureSuccessStatusCode();
        return id;
    }

    private static async Task PublishedAsync(HttpClient http, string url, string bot)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while ((await http.GetAsync($"{url}/api/bots/{bot}/model")).StatusCode != HttpStatusCode.OK)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{bot} was not trained within 10 minutes.");
            await Task.Delay(20);
        }
    }
}
