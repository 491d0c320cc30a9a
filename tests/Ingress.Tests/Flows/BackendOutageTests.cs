using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatbotPipeline.Ingress.Tests.Support;
using ChatbotPipeline.Tests.Shared;

namespace ChatbotPipeline.Ingress.Tests.Flows;

/// <summary>
/// The pipeline across backend outages: a stopped broker gets 503s and loses nothing it accepted; a missing Redis
/// does not stop replies. The broker here is the second RabbitMQ node, which only this test stops.
/// </summary>
public sealed class BackendOutageTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Broker_stopped_gives_503_and_every_accepted_message_is_answered_once_it_is_back()
    {
        var node = Environment.GetEnvironmentVariable("RABBITMQ_OUTAGE_NODE");
        Assert.SkipWhen(string.IsNullOrEmpty(node), "RABBITMQ_OUTAGE_NODE is not set: no broker this test may stop.");
        var virtualHost = $"outage-{Guid.NewGuid():N}";
        await RabbitMqBroker.CtlOnAsync(node!, "add_vhost", virtualHost);
        await RabbitMqBroker.CtlOnAsync(node!, "set_permissions", "-p", virtualHost, "guest", ".*", ".*", ".*");
        await using var ingress = await new IngressFactory(_folder.Path, settings: new Dictionary<string, string?>
        {
            ["Bus:Transport"] = "RabbitMq",
            ["Bus:RabbitMq:Host"] = "127.0.0.1",
            ["Bus:RabbitMq:Port"] = Environment.GetEnvironmentVariable("RABBITMQ_OUTAGE_PORT") ?? "5673",
            ["Bus:RabbitMq:VirtualHost"] = virtualHost,
            ["Bus:PublishTimeoutSeconds"] = "2",
        }).WhenReadyAsync();
        var client = ingress.CreateClient();
        var admin = ingress.CreateAdminClient();

        var accepted = new List<string>();
        for (var i = 0; i < 20; i++)
            accepted.Add($"before-{i}");
        foreach (var sender in accepted)
            await Chat.SendAsync(client, sender, "hello");
        await RabbitMqBroker.CtlOnAsync(node!, "stop_app");
        HttpStatusCode duringOutage;
        try
        {
            duringOutage = (await client.PostAsJsonAsync("/webhooks/rest/demo", new { sender = "during", message = "hello", message_id = "platform-during" })).StatusCode;
        }
        finally
        {
            await RabbitMqBroker.CtlOnAsync(node!, "start_app");
        }
        var afterOutage = await PostUntilAcceptedAsync(client, "after");
        // The platform's retry of the message refused during the outage is taken, not dropped as a duplicate.
        var retried = (await client.PostAsJsonAsync("/webhooks/rest/demo", new { sender = "during", message = "hello", message_id = "platform-during" })).StatusCode;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, duringOutage);
        Assert.Equal(HttpStatusCode.Accepted, retried);
        foreach (var sender in accepted.Append("after").Append("during"))
            Assert.Equal("greet", Assert.Single((await Chat.TurnsAsync(admin, sender, 1)).Turns).Intent);
        Assert.Equal(HttpStatusCode.Accepted, afterOutage);
        await RabbitMqBroker.CtlOnAsync(node!, "delete_vhost", virtualHost);
    }

    [Fact]
    public async Task Without_redis_the_host_is_not_ready_and_still_answers()
    {
        // Nothing listens on port 1: every cache call fails, and the pipeline must answer all the same.
        await using var ingress = new IngressFactory(_folder.Path, settings: new Dictionary<string, string?>
        {
            ["Cache:Provider"] = "Redis",
            ["Cache:Redis:Configuration"] = "127.0.0.1:1,connectTimeout=200",
        });
        // Readiness waits for Redis, which has not answered since start; the bus, the model store and the demo's model are there regardless.
        HttpResponseMessage ready;
        JsonElement checks;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await Task.Delay(100);
            ready = await ingress.CreateClient().GetAsync("/health/ready");
            checks = (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks");
        } while (DateTime.UtcNow < deadline && !new[] { "nlu-model", "training-at-start" }.All(check => checks.GetProperty(check).GetProperty("status").GetString() == "Healthy"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", checks.GetProperty("redis").GetProperty("status").GetString());
        Assert.Contains("Redis unreachable", checks.GetProperty("redis").GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);

        await Chat.SendAsync(ingress.CreateClient(), "no-redis", "hello");
        await Chat.SendAsync(ingress.CreateClient(), "no-redis", "ORD12345");

        var turns = (await Chat.TurnsAsync(ingress.CreateAdminClient(), "no-redis", 2)).Turns;
        Assert.Equal("greet", turns[0].Intent);
        Assert.All(turns, t => Assert.NotEmpty(t.Replies));
    }

    /// <summary>The connection comes back on its own after the broker does; until then Ingress keeps saying 503.</summary>
    private static async Task<HttpStatusCode> PostUntilAcceptedAsync(HttpClient client, string sender)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var status = (await client.PostAsJsonAsync("/webhooks/rest/demo", new { sender, message = "hello" })).StatusCode;
            if (status != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline)
                return status;
            await Task.Delay(200);
        }
    }

    public void Dispose() => _folder.Dispose();
}
