using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatbotPipeline.Faults.Tests.Support;

namespace ChatbotPipeline.Faults.Tests;

/// <summary>
/// A conversation's messages are understood in the order they were sent, even when two Consumers replicas compete for
/// them: each user sends numbered messages one after another (each as soon as the previous one was accepted, not
/// answered), and NLU's time of each turn must follow the numbers.
/// </summary>
public sealed class OrderingTests
{
    private const int Conversations = 24;
    private const int MessagesEach = 12;

    [Fact]
    public Task Two_consumers_replicas_keep_each_conversation_in_order_on_RabbitMQ() => RunAsync(Transports.RabbitMqAsync());

    [Fact]
    public Task Two_consumers_replicas_keep_each_conversation_in_order_on_SQS() => RunAsync(Task.FromResult(Transports.AmazonSqs()));

    private static async Task RunAsync(Task<Dictionary<string, string>> transport)
    {
        await using var redis = await OwnRedis.StartAsync();
        var folder = Directory.CreateTempSubdirectory("chatbot-ordering-").FullName;
        try
        {
            await using var hosts = new PipelineHosts(folder, await transport, redis.Configuration);
            await hosts.StartAsync();
            await hosts.StartAsync("Consumers", replica: "Consumers-2");
            using var http = new HttpClient { BaseAddress = new Uri(hosts.IngressUrl) };
            http.DefaultRequestHeaders.Add("X-Api-Key", PipelineHosts.ApiKey);
            var run = $"o{Guid.NewGuid():N}"[..8];

            await Task.WhenAll(Enumerable.Range(0, Conversations).Select(async c =>
            {
                for (var n = 1; n <= MessagesEach; n++)
                {
                    var response = await http.PostAsJsonAsync("/webhooks/rest/demo", new { sender = $"{run}-{c}", message = $"hello number {n}" });
                    Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                }
            }));

            foreach (var c in Enumerable.Range(0, Conversations))
            {
                var turns = await TurnsAsync(http, $"{run}-{c}");
                var understood = turns.OrderBy(t => t.GetProperty("processedAt").GetDateTimeOffset()).Select(t => t.GetProperty("text").GetString()).ToList();
                var expected = Enumerable.Range(1, MessagesEach).Select(n => $"hello number {n}");
                // On failure, the hosts' lines that explain it: a predecessor given up on after the order wait, a fault.
                Assert.True(understood.SequenceEqual(expected), $"Conversation {run}-{c} was understood as: {string.Join(", ", understood)}\n" +
                    string.Join("\n", hosts.Output.Split('\n').Where(line => line.Contains("without waiting", StringComparison.Ordinal) || line.Contains(" fail: ", StringComparison.Ordinal)).TakeLast(40)));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<List<JsonElement>> TurnsAsync(HttpClient http, string conversation)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var response = await http.GetAsync($"/api/bots/demo/conversations/{conversation}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var turns = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("turns").EnumerateArray().ToList();
                if (turns.Count >= MessagesEach)
                    return turns;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Conversation {conversation} did not reach {MessagesEach} turns within 120 s.");
            await Task.Delay(100);
        }
    }
}
