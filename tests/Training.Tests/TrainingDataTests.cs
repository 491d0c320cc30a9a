using ChatbotPipeline.Nlu.Definitions;

namespace ChatbotPipeline.Training.Tests;

public sealed class TrainingDataTests
{
    private static BotDefinition Bot(params Intent[] intents) => new(new Bot("b", "B"), intents, [], 1);

    [Fact]
    public void Examples_come_from_every_intent_but_fallback()
    {
        var data = TrainingData.From(Bot(Some.Intent("greet", "hi", " "), Some.Intent(SystemIntents.Fallback, "should not count")));

        var example = Assert.Single(data.Examples);
        Assert.Equal(("hi", "greet"), (example.Text, example.Intent));
    }

    [Fact]
    public void The_hash_ignores_order_and_sees_every_change()
    {
        var hash = TrainingData.From(Bot(Some.Intent("a", "x", "y"), Some.Intent("b", "z"))).Hash;

        Assert.Equal(hash, TrainingData.From(Bot(Some.Intent("b", "z"), Some.Intent("a", "y", "x"))).Hash);
        Assert.NotEqual(hash, TrainingData.From(Bot(Some.Intent("a", "x", "y"), Some.Intent("b", "z!"))).Hash);
        Assert.NotEqual(hash, TrainingData.From(Bot(Some.Intent("a", "x"), Some.Intent("b", "z", "y"))).Hash);
        Assert.Matches("^[0-9a-f]{64}$", hash);
    }
}
