using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Nlu.Definitions;

namespace ChatbotPipeline.Training.Tests;

internal static class Some
{
    public const string BotId = "shop";

    public static Intent Intent(string id, params string[] phrases) =>
        new(id, id, $"answer of {id}", [], phrases.Select(p => new TrainingPhrase(p, [])).ToList());

    public static async Task SeedBotAsync(IBotStore bots)
    {
        await bots.CreateBotAsync(new Bot(BotId, "Shop"));
        await bots.ReplaceContentsAsync(BotId,
        [
            Intent("greet", "hi", "hello", "good morning"),
            Intent("order", "where is my order", "track my package", "order status"),
            Intent(SystemIntents.Fallback) with { SpeechResponse = "Sorry?" },
        ], []);
    }
}
