namespace ChatbotPipeline.Nlu.Definitions;

/// <summary>A kind of value the bot recognizes in text, by lookup values with synonyms and by regex patterns.</summary>
public sealed record EntityType(string Name, IReadOnlyList<EntityValue> Values, IReadOnlyList<string> Patterns);

/// <summary>A canonical entity value and the other ways users write it.</summary>
public sealed record EntityValue(string Value, IReadOnlyList<string> Synonyms);
