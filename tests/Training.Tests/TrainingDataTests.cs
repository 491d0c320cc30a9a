using ChatbotPipeline.Nlu.Definitions;

namespace ChatbotPipeline.Training.Tests;

public sealed class TrainingDataTests
{
    private static BotDefinition Bot(params Intent[] intents) => new(new Bot("b", "B"), intents, [], 1);

    [Fact]
    public void Examples_come_from_every_intent_and_the_fallbacks_phrases_teach_what_is_out_of_scope()
    {
        var data = TrainingData.From(Bot(Some.Intent("greet", "hi", " "), Some.Intent(SystemIntents.Fallback, "what is the meaning of life")));

        Assert.Equal([("hi", "greet"), ("what is the meaning of life", SystemIntents.Fallback)], data.Examples.Select(e => (e.Text, e.Intent)));
    }

    [Fact]
    public void Annotated_entities_inside_their_phrase_become_tagger_sentences_and_count_in_the_hash()
    {
        var plain = Some.Intent("book", "fly to rome");
        var annotated = plain with { TrainingData = [new TrainingPhrase("fly to rome", [new PhraseEntity("rome", 7, 11, "city"), new PhraseEntity("bad", 9, 40, "city")])] };

        var data = TrainingData.From(Bot(annotated));

        Assert.Equal([new Nlu.Entities.Learned.EntitySpan("city", 7, 11)], Assert.Single(data.Annotated).Entities);
        Assert.NotEqual(TrainingData.From(Bot(plain)).Hash, data.Hash);
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
