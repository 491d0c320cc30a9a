using ChatbotPipeline.Nlu.Entities.Learned;

namespace ChatbotPipeline.Nlu.Tests.Entities;

public sealed class EntityTaggerTests
{
    private static readonly string[] Cities = ["paris", "new york", "lisbon", "san francisco", "berlin", "tokyo", "rome", "los angeles"];
    private static readonly string[] Templates = ["book a flight to {0}", "i want to fly to {0} tomorrow", "flights to {0} please", "is it sunny in {0}", "weather in {0} today"];

    private static List<AnnotatedSentence> Sentences()
    {
        var sentences = new List<AnnotatedSentence>();
        foreach (var template in Templates)
            foreach (var city in Cities)
            {
                var text = string.Format(template, city);
                var start = text.IndexOf(city, StringComparison.Ordinal);
                sentences.Add(new AnnotatedSentence(text, [new EntitySpan("city", start, start + city.Length)]));
            }
        sentences.Add(new AnnotatedSentence("hello there", []));
        return sentences;
    }

    [Fact]
    public void Learns_entities_from_annotations_and_finds_them_in_new_phrasings_with_exact_spans()
    {
        var tagger = new EntityTaggerTrainer().Train(Sentences())!;

        var entity = Assert.Single(tagger.Extract("any flights to san francisco"));

        Assert.Equal(("city", "san francisco", 15, 28, EntityTagger.Extractor), (entity.Entity, entity.Value, entity.Start, entity.End, entity.Extractor));
        Assert.InRange(entity.Confidence, 0.5, 1.0);
    }

    [Fact]
    public void Generalizes_to_values_it_never_saw_from_their_context()
    {
        var tagger = new EntityTaggerTrainer().Train(Sentences())!;

        var entity = Assert.Single(tagger.Extract("book a flight to madrid"));

        Assert.Equal(("city", "madrid"), (entity.Entity, entity.Value));
    }

    [Fact]
    public void Without_annotations_there_is_nothing_to_learn()
    {
        Assert.Null(new EntityTaggerTrainer().Train([new AnnotatedSentence("hello", [])]));
    }

    [Fact]
    public void Saved_tagger_loads_with_the_same_output()
    {
        var tagger = new EntityTaggerTrainer().Train(Sentences())!;
        using var buffer = new MemoryStream();
        tagger.Save(buffer);
        buffer.Position = 0;

        var loaded = EntityTagger.Load(buffer);

        Assert.Equal(tagger.Extract("weather in rome today"), loaded.Extract("weather in rome today"));
        Assert.Equal(["city"], loaded.Entities);
        Assert.Throws<InvalidDataException>(() => EntityTagger.Load(new MemoryStream(buffer.ToArray()[..40])));
    }
}
