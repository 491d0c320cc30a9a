using ChatbotPipeline.Contracts;

namespace ChatbotPipeline.Nlu.Definitions;

/// <summary>Something a user can want: how they say it, what it needs from them and how the bot answers.</summary>
/// <param name="SpeechResponse">Response template; <c>###</c> splits it into several messages; <c>{{ parameters.x }}</c> inserts a parameter.</param>
/// <param name="ApiTrigger">When the intent completes, call <paramref name="ApiDetails"/> and answer with its result (the action step).</param>
/// <param name="Buttons">Buttons (or quick replies) offered under the intent's answer; a press says the button's payload.</param>
public sealed record Intent(
    string IntentId,
    string Name,
    string SpeechResponse,
    IReadOnlyList<IntentParameter> Parameters,
    IReadOnlyList<TrainingPhrase> TrainingData,
    bool ApiTrigger = false,
    ApiDetails? ApiDetails = null,
    bool UserDefined = true,
    IReadOnlyList<ReplyButton>? Buttons = null);

/// <summary>A value an intent collects from the user before it can answer.</summary>
/// <param name="Type">The entity type that fills it.</param>
/// <param name="Prompt">What the bot asks when the parameter is required and missing (<c>###</c> splits it too).</param>
public sealed record IntentParameter(string Name, string Type, bool Required, string? Prompt);

/// <summary>An example utterance of an intent, with the entities annotated in it.</summary>
public sealed record TrainingPhrase(string Text, IReadOnlyList<PhraseEntity> Entities);

/// <summary>An annotated entity inside a training phrase; <paramref name="End"/> is exclusive.</summary>
public sealed record PhraseEntity(string Value, int Begin, int End, string Name);

/// <summary>The HTTP call of an intent's API trigger, in ai-chatbot-framework's shape.</summary>
public sealed record ApiDetails(string Url, string RequestType, IReadOnlyList<ApiHeader> Headers, bool IsJson, string? JsonData);

/// <summary>One header of an <see cref="ApiDetails"/> call.</summary>
public sealed record ApiHeader(string HeaderKey, string HeaderValue);
