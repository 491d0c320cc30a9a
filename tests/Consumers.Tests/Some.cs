using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Backends.Models;
using ChatbotPipeline.Contracts;
using ChatbotPipeline.Nlu;
using ChatbotPipeline.Nlu.Definitions;
using ChatbotPipeline.Nlu.Intents;

namespace ChatbotPipeline.Consumers.Tests;

/// <summary>Builds the bots, models and messages the consumer tests use.</summary>
internal static class Some
{
    public const string BotId = "shop";

    public static MessageReceived Message(string text, string conversationId = "c1", string? replyTo = null) => new(
        Guid.NewGuid().ToString("N"), BotId, "rest", conversationId, "u1", text, replyTo, DateTimeOffset.UtcNow, new Dictionary<string, string>());

    public static MessageUnderstood Understood(MessageReceived? message = null, string intent = "greet", params string[] replies) => new(
        message ?? Message("hi"), intent, 0.9, [], new Dictionary<string, string>(), replies.Length == 0 ? ["Hello!"] : replies,
        intent == SystemIntents.Fallback ? DialogueStates.Fallback : DialogueStates.Completed, "v1", DateTimeOffset.UtcNow, 3.5);

    /// <summary>Stores the shop bot: greet, cancel, and order status with a required order number.</summary>
    public static async Task SeedBotAsync(IBotStore bots)
    {
        await bots.CreateBotAsync(new Bot(BotId, "Shop"));
        Intent Intent(string id, string response, params string[] phrases) =>
            new(id, id, response, [], phrases.Select(p => new TrainingPhrase(p, [])).ToList());
        await bots.ReplaceContentsAsync(BotId,
        [
            Intent("greet", "Hello!", "hi", "hello", "hey there", "good morning"),
            Intent(SystemIntents.Cancel, "Cancelled.", "cancel", "never mind", "forget it", "stop"),
            Intent("order_status", "Order {{ parameters.order_number }} has shipped.", "where is my order", "track my order", "order status", "has my order shipped")
                with { Parameters = [new IntentParameter("order_number", "order_number", true, "What is your order number?")] },
        ],
        [new EntityType("order_number", [], [@"\bORD\d{4,}\b"])]);
    }

    /// <summary>Trains the stored bot and publishes the model as the given version.</summary>
    public static async Task PublishModelAsync(IBotStore bots, ModelRepository models, string version)
    {
        var definition = (await bots.GetDefinitionAsync(BotId))!;
        var examples = definition.Intents.SelectMany(i => i.TrainingData.Select(p => new IntentExample(p.Text, i.IntentId))).ToList();
        var trainer = new IntentModelTrainer();
        var trained = trainer.Train(examples);
        var model = ModelRepository.Serialize(new TrainedNluModel(new NluModel(trained.Model, null), trained.Metrics, trainer.Settings));
        await models.PublishAsync(BotId, version, DateTimeOffset.UtcNow, $"hash-{version}", model, CancellationToken.None);
    }
}
