using ChatbotPipeline.Nlu.Definitions;
using ChatbotPipeline.Nlu.Entities;
using ChatbotPipeline.Nlu.Entities.BuiltIn;
using ChatbotPipeline.Nlu.Entities.Learned;

namespace ChatbotPipeline.Nlu.Tests.Entities;

public sealed class EntityRecognizerTests
{
    [Fact]
    public void Synonyms_resolve_to_their_canonical_value_with_the_span_in_the_text()
    {
        var recognizer = EntityRecognizer.For(Some.ShopBot());

        var entity = Assert.Single(recognizer.Extract("ship it to the Big Apple please", Some.Now));

        Assert.Equal(("city", "New York", 15, 24, "synonyms"), (entity.Entity, entity.Value, entity.Start, entity.End, entity.Extractor));
    }

    [Fact]
    public void Synonyms_match_whole_words_only()
    {
        var recognizer = EntityRecognizer.For(Some.ShopBot());

        Assert.Empty(recognizer.Extract("nycx is not a city", Some.Now));
    }

    [Fact]
    public void A_pattern_that_runs_out_of_time_is_skipped_and_reported()
    {
        var bot = Some.ShopBot();
        bot = bot with { Entities = [.. bot.Entities, new EntityType("slow", [], ["^(a+)+$"])] };
        var timedOut = new List<(string Entity, string Pattern)>();

        var entities = EntityRecognizer.For(bot).Extract(new string('a', 40) + "!", Some.Now, patternTimedOut: (entity, pattern) => timedOut.Add((entity, pattern)));

        Assert.DoesNotContain(entities, e => e.Entity == "slow");
        Assert.Equal([("slow", "^(a+)+$")], timedOut);
    }

    [Fact]
    public void Regex_patterns_find_values_case_insensitively()
    {
        var recognizer = EntityRecognizer.For(Some.ShopBot());

        var entities = recognizer.Extract("orders ord123 and ORD4567", Some.Now);

        Assert.Equal(["ord123", "ORD4567"], entities.Select(e => e.Value));
        Assert.All(entities, e => Assert.Equal("regex", e.Extractor));
    }

    [Fact]
    public void A_named_value_group_narrows_the_match()
    {
        var bot = Some.Bot([], [new EntityType("email", [], [@"mail:(?<value>\S+@\S+)"])]);

        var entity = Assert.Single(EntityRecognizer.For(bot).Extract("reach me at mail:a@b.example", Some.Now));

        Assert.Equal("a@b.example", entity.Value);
    }

    [Fact]
    public void Values_annotated_in_training_phrases_are_recognized()
    {
        var intent = Some.Intent("book") with { TrainingData = [new TrainingPhrase("fly to Lisbon", [new PhraseEntity("Lisbon", 7, 13, "destination")])] };

        var entity = Assert.Single(EntityRecognizer.For(Some.Bot([intent])).Extract("a ticket to lisbon", Some.Now));

        Assert.Equal(("destination", "Lisbon"), (entity.Entity, entity.Value));
    }

    [Fact]
    public void The_longest_of_overlapping_matches_wins()
    {
        var bot = Some.Bot([], [new EntityType("city", [new EntityValue("York", []), new EntityValue("New York", [])], [])]);

        var entity = Assert.Single(EntityRecognizer.For(bot).Extract("flights to new york", Some.Now));

        Assert.Equal("New York", entity.Value);
    }

    [Fact]
    public void Every_extractor_contributes_and_each_entity_names_its_extractor()
    {
        var bot = Some.ShopBot();
        var tagger = new EntityTaggerTrainer().Train(
        [
            new AnnotatedSentence("send it to Ann Lee", [new EntitySpan("person", 11, 18)]),
            new AnnotatedSentence("send it to Bob Stone", [new EntitySpan("person", 11, 20)]),
            new AnnotatedSentence("deliver to Carla Diaz today", [new EntitySpan("person", 11, 21)]),
            new AnnotatedSentence("send 3 boxes to Eve Park", [new EntitySpan("person", 16, 24)]),
        ]);

        var entities = EntityRecognizer.For(bot).Extract("send 2 boxes of ord123 to Dan Moss in the big apple tomorrow", Some.Now, tagger);

        Assert.Equal(
            [(BuiltInEntities.Number, "2", "builtin"), ("order_number", "ord123", "regex"), ("person", "Dan Moss", "tagger"),
             ("city", "New York", "synonyms"), (BuiltInEntities.DateTime, "2026-11-29", "builtin")],
            entities.Select(e => (e.Entity, e.Value, e.Extractor)));
    }

    [Fact]
    public void A_tagged_synonym_takes_its_canonical_value_and_the_bots_own_lookup_wins_an_overlap()
    {
        var bot = Some.ShopBot();
        var tagger = new EntityTaggerTrainer().Train(
        [
            new AnnotatedSentence("ship to nyc", [new EntitySpan("city", 8, 11)]),
            new AnnotatedSentence("ship to the big apple now", [new EntitySpan("place", 8, 21)]),
        ]);

        var entity = Assert.Single(EntityRecognizer.For(bot).Extract("ship to the big apple now", Some.Now, tagger));

        Assert.Equal(("city", "New York", "synonyms"), (entity.Entity, entity.Value, entity.Extractor));
    }
}
