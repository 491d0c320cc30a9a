using System.Diagnostics.Metrics;
using ChatbotPipeline.Channels;
using ChatbotPipeline.Contracts;
using ChatbotPipeline.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>
/// What NLU reports on the <c>ChatbotPipeline.Nlu</c> meter: the confidence of each answer, how often the fallback
/// answered, and the model cache. Every label has a bounded set of values — channels, outcomes, and the bots named in
/// <see cref="NluOptions.MetricBots"/> (all others are <c>other</c>) — so a scrape is the same size for ten bots or
/// ten thousand; per-bot figures for every bot are the analytics API's.
/// </summary>
public sealed class NluMetrics
{
    public const string MeterName = "ChatbotPipeline.Nlu";
    public const string OtherBots = "other";

    private readonly Histogram<double> _confidence;
    private readonly Counter<long> _fallbacks;
    private readonly Counter<long> _patternTimeouts;
    private readonly Histogram<double> _dialogue;
    private readonly HashSet<string> _namedBots;
    private readonly HashSet<string> _channels;

    public NluMetrics(IMeterFactory meters, ModelRegistry models, ChannelCatalog channels, IOptions<NluOptions> options)
    {
        _namedBots = new HashSet<string>(options.Value.MetricBots, StringComparer.Ordinal);
        _channels = new HashSet<string>(channels.Names, StringComparer.Ordinal);
        var meter = meters.Create(MeterName);
        _confidence = meter.CreateHistogram<double>("confidence", PrometheusExport.ProbabilityUnit,
            "Probability of the intent each message was answered with, by channel (and bot, for the bots named in Nlu:MetricBots).");
        _fallbacks = meter.CreateCounter<long>("fallbacks", "{message}", "Messages the fallback answered, by channel and bot as the confidence.");
        _dialogue = meter.CreateHistogram<double>("dialogue.duration", PrometheusExport.MillisecondsUnit,
            "Time the dialogue took to decide a message's answer, by policy: stories (rules, stories, forms) or intents (intent → answer).");
        _patternTimeouts = meter.CreateCounter<long>("entity.pattern.timeouts", "{match}",
            "Entity pattern or lookup matches that ran out of time and were skipped (the log names bot, entity and pattern).");
        meter.CreateObservableGauge("models.loaded", () => (long)models.Usage.Models, "{model}", "Models loaded in this replica.");
        meter.CreateObservableGauge("models.bytes", () => models.Usage.Bytes, "By", "Memory the loaded models take, as weighed at load.");
        meter.CreateObservableGauge("models.budget.bytes", () => models.Usage.BudgetBytes, "By", "The model cache's budget (Nlu:ModelCacheMegabytes).");
        meter.CreateObservableCounter("models.loads", () => models.Usage.Loads, "{model}", "Models loaded since start (first use, new versions, reloads after eviction).");
        meter.CreateObservableCounter("models.evictions", () => models.Usage.Evictions, "{model}", "Models unloaded to stay within the budget since start.");
    }

    public void PatternTimedOut() => _patternTimeouts.Add(1);

    public void DialogueDecided(bool stories, TimeSpan took) =>
        _dialogue.Record(took.TotalMilliseconds, new KeyValuePair<string, object?>("policy", stories ? "stories" : "intents"));

    public void Understood(string botId, string channel, double confidence, bool fallback)
    {
        var bot = new KeyValuePair<string, object?>("bot", _namedBots.Contains(botId) ? botId : OtherBots);
        // Channels come from the webhook routes, but a message is a contract anyone may publish: keep the label closed.
        var channelTag = new KeyValuePair<string, object?>("channel",
            channel == ChannelNames.Rest || _channels.Contains(channel) ? channel : "other");
        _confidence.Record(confidence, bot, channelTag);
        if (fallback)
            _fallbacks.Add(1, bot, channelTag);
    }
}
