using System.Text.Json;

namespace ChatbotPipeline.Bench.Nlu;

/// <summary>One line of a dataset file: <c>{"text", "intent", "entities": [{"entity", "value", "start", "end"}]}</c>.</summary>
internal sealed record Utterance(string Text, string Intent, List<AnnotatedEntity>? Entities);

internal sealed record AnnotatedEntity(string Entity, string Value, int Start, int End);

internal static class Dataset
{
    /// <summary>The lines of several files given as one comma-separated argument (train and valid, say).</summary>
    public static List<Utterance> LoadAll(string paths) =>
        paths.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).SelectMany(Load).ToList();

    public static List<Utterance> Load(string path) =>
        File.ReadLines(path).Where(line => !string.IsNullOrWhiteSpace(line))
            .Select((line, number) => JsonSerializer.Deserialize<Utterance>(line, JsonSerializerOptions.Web)
                ?? throw new InvalidDataException($"{path}:{number + 1} is not an utterance."))
            .ToList();
}
