using System.Diagnostics.Metrics;
using ChatbotPipeline.ServiceDefaults;

namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>
/// What NLU reports on the <c>ChatbotPipeline.Nlu</c> meter: the confidence of each answer, how often the fallback
/// answered, and which model version each bot is served with in this replica.
/// </summary>
public sealed class NluMetrics
{
    public const string MeterName = "ChatbotPipeline.Nlu";

    private readonly Histogram<double> _confidence;
    private readonly Counter<long> _fallbacks;
    private readonly Counter<long> _patternTimeouts;
    private readonly Histogram<double> _dialogue;

    public NluMetrics(IMeterFactory meters, ModelRegistry models)
    {
        var meter = meters.Create(MeterName);
        _confidence = meter.CreateHistogram<double>("confidence", PrometheusExport.ProbabilityUnit,
            "Probability of the intent each message was answered with.");
        _fallbacks = meter.CreateCounter<long>("fallbacks", "{message}", "Messages the fallback answered.");
        _dialogue = meter.CreateHistogram<double>("dialogue.duration", PrometheusExport.MillisecondsUnit,
            "Time the dialogue took to decide a message's answer, by policy: stories (rules, stories, forms) or intents (intent → answer).");
        _patternTimeouts = meter.CreateCounter<long>("entity.pattern.timeouts", "{match}",
            "Entity pattern or lookup matches that ran out of time and were skipped (the log names bot, entity and pattern).");
        meter.CreateObservableGauge("model.loaded", () => models.Loaded.Select(model => new Measurement<long>(1,
                new KeyValuePair<string, object?>("bot", model.Manifest.BotId), new KeyValuePair<string, object?>("version", model.Version))),
            "{model}", "1 for each bot and the model version this replica serves it with.");
    }

    public void PatternTimedOut() => _patternTimeouts.Add(1);

    public void DialogueDecided(bool stories, TimeSpan took) =>
        _dialogue.Record(took.TotalMilliseconds, new KeyValuePair<string, object?>("policy", stories ? "stories" : "intents"));

    public void Understood(string botId, double confidence, bool fallback)
    {
        var bot = new KeyValuePair<string, object?>("bot", botId);
        _confidence.Record(confidence, bot);
        if (fallback)
            _fallbacks.Add(1, bot);
    }
}
