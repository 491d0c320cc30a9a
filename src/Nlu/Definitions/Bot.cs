using ChatbotPipeline.Nlu.Intents;

namespace ChatbotPipeline.Nlu.Definitions;

/// <summary>A bot's own settings; its intents and entity types are kept beside it.</summary>
/// <param name="FallbackThreshold">Below this top-intent probability the fallback answers. Default 0.4.</param>
/// <param name="AmbiguityMargin">The fallback also answers when the second intent is within this probability of the first. Default 0 (off).</param>
/// <param name="TrainingCron">Quartz cron expression of this bot's scheduled retrain; null follows the trainer's <c>Training:Cron</c>.</param>
/// <param name="ContextMinutes">How long a conversation's context (pending intent, filled parameters) lives. Default 30.</param>
/// <param name="ActionHosts">Hosts the bot's API calls may reach (<c>api.example.com</c>, <c>*.example.com</c>); a call to
/// any other is refused, and private or loopback addresses only when their host is listed here.</param>
/// <param name="ActionFailureResponse">What the bot says when an API call fails; null says the pipeline's default.</param>
/// <param name="MaxReprompts">How many times a parameter's prompt is asked again when the answer did not fill it, before the
/// bot says so and offers to cancel. Default 2.</param>
/// <param name="Encoder">The sentence encoder its intent model reads beside the n-grams: <c>minilm-int8</c> (null: the default), <c>minilm</c>, <c>minilm-static</c> or <c>none</c>.</param>
public sealed record Bot(string Id, string Name, double FallbackThreshold = Bot.DefaultFallbackThreshold, int ContextMinutes = Bot.DefaultContextMinutes,
    double AmbiguityMargin = 0,
    string? TrainingCron = null,
    int? RetentionDays = null,
    bool DailyExport = false,
    IReadOnlyList<string>? ActionHosts = null,
    string? ActionFailureResponse = null,
    string? Encoder = null,
    int MaxReprompts = Bot.DefaultMaxReprompts)
{
    /// <summary>When this bot's predictions fall back.</summary>
    public FallbackPolicy ToFallbackPolicy() => new(FallbackThreshold, AmbiguityMargin);

    public const double DefaultFallbackThreshold = 0.4;
    public const int DefaultContextMinutes = 30;
    public const int DefaultMaxReprompts = 2;
}
