using ChatbotPipeline.Nlu.Definitions;
using ChatbotPipeline.Nlu.Entities;

namespace ChatbotPipeline.Nlu.Tests.Entities;

public sealed class EntityRecognizerTests
{
    [Fact]
    public void Synonyms_resolve_to_their_canonical_value_with_the_span_in_the_text()
    {
        var recognizer = EntityRecognizer.For(Some.ShopBot());

        var entity = Assert.Single(recognizer.Extract("ship it to the Big Apple please"));

        Assert.Equal(("city", "New York", 15, 24, "synonyms"), (entity.Entity, entity.Value, entity.Start, entity.End, entity.Extractor));
    }

    [Fact]
    public void Synonyms_match_whole_words_only()
    {
        var recognizer = EntityRecognizer.For(Some.ShopBot());

        Assert.Empty(recognizer.Extract("nycx is not a city"));
    }

    [Fact]
    public void Regex_patterns_find_values_case_insensitively()
    {
        var recognizer = EntityRecognizer.For(Some.ShopBot());

        var entities = recognizer.Extract("orders ord123 and ORD4567");

        Assert.Equal(["ord123", "ORD4567"], entities.Select(e => e.Value));
        Assert.All(entities, e => Assert.Equal("regex", e.Extractor));
    }

    [Fact]
    public void A_named_value_group_narrows_the_match()
    {
        var bot = Some.Bot([], [new EntityType("email", [], [@"mail:(?<value>\S+@\S+)"])]);

        var entity = Assert.Single(EntityRecognizer.For(bot).Extract("reach me at mail:a@b.example"));

        Assert.Equal("a@b.example", entity.Value);
    }

    [Fact]
    public void Values_annotated_in_training_phrases_are_recognized()
    {
        var intent = Some.Intent("book") with { TrainingData = [new TrainingPhrase("fly to Lisbon", [new PhraseEntity("Lisbon", 7, 13, "destination")])] };

        var entity = Assert.Single(EntityRecognizer.For(Some.Bot([intent])).Extract("a ticket to lisbon"));

        Assert.Equal(("destination", "Lisbon"), (entity.Entity, entity.Value));
    }

    [Fact]
    public void The_longest_of_overlapping_matches_wins()
    {
        var bot = Some.Bot([], [new EntityType("city", [new EntityValue("York", []), new EntityValue("New York", [])], [])]);

        var entity = Assert.Single(EntityRecognizer.For(bot).Extract("flights to new york"));

        Assert.Equal("New York", entity.Value);
    }
}
