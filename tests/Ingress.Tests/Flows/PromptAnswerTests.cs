using System.Net;
using System.Net.Http.Json;
using ChatbotPipeline.Ingress.Tests.Support;

namespace ChatbotPipeline.Ingress.Tests.Flows;

/// <summary>
/// ai-chatbot-framework's restaurant bot (unchanged) asking for its parameters: the answer to a prompt fills the
/// parameter asked for even when no training phrase had that value, and the bot never asks forever.
/// </summary>
public sealed class PromptAnswerTests(ReadyIngress ingress) : IClassFixture<ReadyIngress>
{
    private async Task<string> RestaurantBotAsync(string botId, int? maxReprompts = null)
    {
        var admin = ingress.Factory.CreateAdminClient();
        var file = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Files", "aicf", "restaurant_search.json"));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/bots/{botId}/import", new StringContent(file, System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        if (maxReprompts is { } max)
            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/bots/{botId}", new { id = botId, name = "Food", maxReprompts = max })).StatusCode);
        await ingress.Factory.TrainAsync(botId);
        return botId;
    }

    private async Task<IReadOnlyList<Backends.Documents.ConversationTurn>> TalkAsync(string botId, string user, params string[] said)
    {
        var client = ingress.Factory.CreateClient();
        foreach (var text in said)
            await Chat.SendAsync(client, user, text, botId);
        return (await Chat.TurnsAsync(ingress.Factory.CreateAdminClient(), user, said.Length, botId)).Turns;
    }

    [Theory]
    [InlineData("Berlin")]
    [InlineData("in Berlin")]
    public async Task A_location_never_seen_in_training_fills_the_prompt_it_answers(string answer)
    {
        var bot = await RestaurantBotAsync($"food-{answer.Length}");

        var turns = await TalkAsync(bot, $"hungry-{answer.Length}", "I'm looking for a place to eat", answer, "italian");

        Assert.Contains("location", string.Join(" ", turns[0].Replies));
        Assert.Equal("Berlin", turns[1].Parameters["location"]);
        Assert.False(turns[1].Parameters.ContainsKey("cuisine"), "the location answer must not fill the cuisine");
        Assert.Equal(("Berlin", "italian"), (turns[2].Parameters["location"], turns[2].Parameters["cuisine"]));
        Assert.Contains("**italian** in **Berlin**", string.Join(" ", turns[2].Replies));
    }

    [Fact]
    public async Task A_prompt_is_asked_again_at_most_the_configured_times_then_cancel_is_offered_and_the_bot_stops_asking()
    {
        var bot = await RestaurantBotAsync("food-loop", maxReprompts: 2);
        const string nonsense = "well I do not really know what to say to that right now";

        var turns = await TalkAsync(bot, "undecided", "I'm looking for a place to eat", nonsense, nonsense, nonsense, nonsense);

        Assert.Contains("location", string.Join(" ", turns[1].Replies));
        Assert.Contains("location", string.Join(" ", turns[2].Replies));
        Assert.Contains("cancel", turns[3].Replies[0]);
        Assert.Equal("/cancel", Assert.Single(turns[3].Buttons!).Payload);
        Assert.DoesNotContain("location", string.Join(" ", turns[4].Replies));
        Assert.Equal(Contracts.DialogueStates.Fallback, turns[4].DialogueState);
    }
}
