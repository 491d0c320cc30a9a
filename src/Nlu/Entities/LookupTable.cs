using ChatbotPipeline.Nlu.Definitions;

namespace ChatbotPipeline.Nlu.Entities;

/// <summary>Every surface form of every lookup entity, mapped to its canonical value.</summary>
internal static class LookupTable
{
    /// <summary>
    /// Per entity type: lower-cased surface form → canonical value. Sources are the type's values and synonyms,
    /// and the values annotated in training phrases, which teach the bot values nobody listed.
    /// </summary>
    public static IEnumerable<(string Entity, IReadOnlyDictionary<string, string> Canonical)> Build(BotDefinition bot)
    {
        var table = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in bot.Entities)
            foreach (var value in type.Values)
                foreach (var form in value.Synonyms.Prepend(value.Value))
                    Add(table, type.Name, form, value.Value);
        var phrases = bot.Intents.SelectMany(i => i.TrainingData).ToList();
        // An annotation whose text differs from its value is a synonym (Rasa's [gastro pub](cuisine:gastropub)): those
        // go first, so a plain annotation of the same text elsewhere does not hide them, as Rasa's synonym mapper has it.
        foreach (var phrase in phrases)
            foreach (var annotation in phrase.Entities.Where(a => a.Begin >= 0 && a.End <= phrase.Text.Length && a.Begin < a.End))
                if (phrase.Text[annotation.Begin..annotation.End] is var span && !string.Equals(span, annotation.Value, StringComparison.OrdinalIgnoreCase))
                    Add(table, annotation.Name, span, annotation.Value);
        foreach (var phrase in phrases)
            foreach (var annotation in phrase.Entities)
                Add(table, annotation.Name, annotation.Value, annotation.Value);
        return table.Select(pair => (pair.Key, (IReadOnlyDictionary<string, string>)pair.Value));
    }

    private static void Add(Dictionary<string, Dictionary<string, string>> table, string entity, string form, string canonical)
    {
        var trimmed = form.Trim();
        if (trimmed.Length == 0)
            return;
        if (!table.TryGetValue(entity, out var forms))
            table[entity] = forms = new Dictionary<string, string>(StringComparer.Ordinal);
        forms.TryAdd(trimmed.ToLowerInvariant(), canonical);
    }
}
