using System.Text.Json.Serialization;

namespace ChatbotPipeline.Ingress.BotFiles;

/// <summary>
/// A bot as ai-chatbot-framework exports it: <c>{"intents": [...], "entities": [...]}</c>. Field names follow that
/// format exactly; <c>patterns</c> on entities is this project's addition, which the original ignores.
/// </summary>
public sealed record AicfBotFile(List<AicfIntent>? Intents, List<AicfEntity>? Entities);

public sealed record AicfIntent(
    string Name,
    string IntentId,
    bool UserDefined,
    bool ApiTrigger,
    AicfApiDetails? ApiDetails,
    string? SpeechResponse,
    List<AicfParameter>? Parameters,
    List<AicfTrainingPhrase>? TrainingData,
    List<object>? LabeledSentences,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    List<AicfButton>? Buttons = null);

/// <summary>Our addition to the format (ai-chatbot-framework ignores it): buttons under the intent's answer.</summary>
public sealed record AicfButton(string Title, string Payload);

public sealed record AicfParameter(string Name, bool Required, string Type, string? Prompt);

public sealed record AicfTrainingPhrase(string Text, List<AicfPhraseEntity>? Entities);

public sealed record AicfPhraseEntity(string Value, int Begin, int End, string Name);

public sealed record AicfApiDetails(string Url, string RequestType, List<AicfHeader>? Headers, bool IsJson, string? JsonData);

public sealed record AicfHeader(string HeaderKey, string HeaderValue);

public sealed record AicfEntity(
    string Name,
    [property: JsonPropertyName("entity_values")] List<AicfEntityValue>? EntityValues,
    List<string>? Patterns);

public sealed record AicfEntityValue(string Value, List<string>? Synonyms);
