using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatbotPipeline.Consumers.Nlu;
using ChatbotPipeline.Ingress.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChatbotPipeline.Ingress.Tests.Flows;

/// <summary><c>POST /api/bots/{botId}/train</c> yields a new model version that the running NLU consumer serves next.</summary>
public sealed class RetrainingTests(ReadyIngress ingress) : IClassFixture<ReadyIngress>
{
    [Fact]
    public async Task The_next_message_after_training_is_understood_by_the_new_version_without_a_restart()
    {
        var admin = ingress.Factory.CreateAdminClient();
        var client = ingress.Factory.CreateClient();
        var registry = ingress.Factory.Services.GetRequiredService<ModelRegistry>();
        await Chat.SendAsync(client, "retrain-1", "hello");
        var before = (await Chat.TurnsAsync(admin, "retrain-1", 1)).Turns[0].ModelVersion!;

        var response = await admin.PostAsync("/api/bots/demo/train", null);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var after = await WaitForServedVersionAsync(registry, before);
        await Chat.SendAsync(client, "retrain-1", "hello again");
        var turns = (await Chat.TurnsAsync(admin, "retrain-1", 2)).Turns;

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(32, accepted.GetProperty("requestId").GetString()!.Length);
        Assert.True(string.CompareOrdinal(after, before) > 0, $"{after} should be newer than {before}");
        Assert.Equal(after, (await admin.GetFromJsonAsync<JsonElement>("/api/bots/demo/model")).GetProperty("version").GetString());
        Assert.Equal(after, turns[1].ModelVersion);

        var training = await admin.GetFromJsonAsync<JsonElement>("/api/bots/demo/training");
        var run = training.GetProperty("runs").EnumerateArray().First(r => r.GetProperty("modelVersion").GetString() == after);
        Assert.Equal(after, training.GetProperty("current").GetProperty("version").GetString());
        Assert.Equal("Published", run.GetProperty("status").GetString());
        Assert.Equal("request", run.GetProperty("trigger").GetString());
        Assert.True(run.GetProperty("metrics").GetProperty("examples").GetInt32() > 0);
        Assert.Equal("LinearSvm", training.GetProperty("current").GetProperty("settings").GetProperty("algorithm").GetString());
    }

    [Fact]
    public async Task The_training_view_of_an_unknown_bot_is_not_found()
    {
        var response = await ingress.Factory.CreateAdminClient().GetAsync("/api/bots/nobot/training");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Training_an_unknown_bot_is_not_found()
    {
        var response = await ingress.Factory.CreateAdminClient().PostAsync("/api/bots/nobot/train", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<string> WaitForServedVersionAsync(ModelRegistry registry, string before)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var served = registry.Loaded.Single(m => m.Manifest.BotId == "demo").Version;
            if (served != before)
                return served;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The NLU consumer did not switch to a new model within 30 s.");
            await Task.Delay(25);
        }
    }
}
