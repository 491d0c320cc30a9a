using System.Net.Http.Json;
using System.Text.Json;
using ChatbotPipeline.Ingress.Tests.Support;

namespace ChatbotPipeline.Ingress.Tests.Flows;

/// <summary>Stopping and starting the process loses nothing: bots, conversations and the trained model stay.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Bots_conversations_and_the_model_survive_a_restart()
    {
        string version;
        await using (var first = await new IngressFactory(_folder.Path).WhenReadyAsync())
        {
            var admin = first.CreateAdminClient();
            await admin.PostAsJsonAsync("/api/bots", new { id = "kept", name = "Kept" });
            await Chat.SendAsync(first.CreateClient(), "r1", "where is my order");
            await Chat.TurnsAsync(admin, "r1", 1);
            version = (await admin.GetFromJsonAsync<JsonElement>("/api/bots/demo/model")).GetProperty("version").GetString()!;
        }

        await using var second = await new IngressFactory(_folder.Path).WhenReadyAsync();
        var again = second.CreateAdminClient();
        await Chat.SendAsync(second.CreateClient(), "r1", "ORD12345");
        var turns = (await Chat.TurnsAsync(again, "r1", 2)).Turns;

        Assert.Equal("Kept", (await again.GetFromJsonAsync<JsonElement>("/api/bots/kept")).GetProperty("name").GetString());
        Assert.Equal(version, (await again.GetFromJsonAsync<JsonElement>("/api/bots/demo/model")).GetProperty("version").GetString());
        Assert.Equal(["where is my order", "ORD12345"], turns.Select(t => t.Text));
        Assert.All(turns, t => Assert.Equal(version, t.ModelVersion));
    }

    public void Dispose() => _folder.Dispose();
}
