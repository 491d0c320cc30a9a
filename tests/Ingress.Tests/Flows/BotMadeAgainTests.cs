using System.Net;
using System.Net.Http.Json;
using ChatbotPipeline.Ingress.Tests.Support;
using ChatbotPipeline.Nlu.Definitions;

namespace ChatbotPipeline.Ingress.Tests.Flows;

/// <summary>
/// Deleting a bot and making it again under the same id — the way to start over with a re-imported bot — answers with
/// the new bot, even when it was built in as many changes as the old one and no message came between the deletion and
/// the new bot.
/// </summary>
public sealed class BotMadeAgainTests(ReadyIngress ingress) : IClassFixture<ReadyIngress>
{
    private const string BotId = "made-again";

    [Fact]
    public async Task A_bot_deleted_and_made_again_answers_with_its_new_replies()
    {
        var admin = ingress.Factory.CreateAdminClient();
        await MakeAsync(admin, "The old bot says hi.");
        await Chat.SendAsync(ingress.Factory.CreateClient(), "before", "hello", BotId);
        Assert.Equal(["The old bot says hi."], (await Chat.TurnsAsync(admin, "before", 1, BotId)).Turns[0].Replies);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/bots/{BotId}")).StatusCode);
        await MakeAsync(admin, "The new bot says hi.");
        await Chat.SendAsync(ingress.Factory.CreateClient(), "after", "hello", BotId);

        Assert.Equal(["The new bot says hi."], (await Chat.TurnsAsync(admin, "after", 1, BotId)).Turns[0].Replies);
    }

    /// <summary>The same steps each time: the bot, two intents, its model.</summary>
    private async Task MakeAsync(HttpClient admin, string greeting)
    {
        (await admin.PostAsJsonAsync("/api/bots", new { id = BotId, name = BotId, encoder = "none" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/bots/{BotId}/intents",
            new Intent("greet", "greet", greeting, [], [new TrainingPhrase("hello", []), new TrainingPhrase("hi there", [])]))).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/bots/{BotId}/intents",
            new Intent("bye", "bye", "Bye!", [], [new TrainingPhrase("goodbye", []), new TrainingPhrase("see you", [])]))).EnsureSuccessStatusCode();
        await ingress.Factory.TrainAsync(BotId);
    }
}
