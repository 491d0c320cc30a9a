using ChatbotPipeline.Nlu.Definitions;

namespace ChatbotPipeline.Nlu.Tests;

/// <summary>Builds the bots the NLU tests talk to.</summary>
internal static class Some
{
    /// <summary>A Saturday morning, UTC: what relative dates in the tests resolve against.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    public static Intent Intent(string id, params string[] phrases) =>
        new(id, id, $"answer of {id}", [], phrases.Select(p => new TrainingPhrase(p, [])).ToList());

    public static IntentParameter Parameter(string name, string type, bool required = true, string? prompt = null) =>
        new(name, type, required, prompt);

    public static BotDefinition Bot(IReadOnlyList<Intent> intents, IReadOnlyList<EntityType>? entities = null, double threshold = 0.4) =>
        new(new Bot("bot", "Bot", threshold), intents, entities ?? [], 1);

    /// <summary>The order-status shop bot the dialogue tests use.</summary>
    public static BotDefinition ShopBot() => Bot(
        [
            Intent("greet", "hi", "hello"),
            Intent(SystemIntents.Cancel, "cancel") with { SpeechResponse = "Cancelled." },
            Intent("order_status", "where is my order") with
            {
                SpeechResponse = "Order {{ parameters.order_number }} ships to {{ parameters['city'] }}.",
                Parameters = [Parameter("order_number", "order_number", prompt: "Your order number? ### It looks like ORD123."), Parameter("city", "city", required: false)],
            },
            Intent(SystemIntents.Fallback) with { SpeechResponse = "Say again?" },
        ],
        [
            new EntityType("order_number", [], [@"\bORD\d{3,}\b"]),
            new EntityType("city", [new EntityValue("New York", ["nyc", "big apple"])], []),
        ]);
}
