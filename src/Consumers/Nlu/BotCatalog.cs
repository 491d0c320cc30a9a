using System.Collections.Concurrent;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Nlu.Entities;

namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>
/// Bot definitions for NLU, reloaded only when the bot's revision changes: one small query per message
/// instead of reading every intent and recompiling every entity pattern.
/// </summary>
public sealed class BotCatalog(IBotStore bots)
{
    private readonly ConcurrentDictionary<string, BotRuntime> _runtimes = new(StringComparer.Ordinal);

    /// <summary>The bot as it is now, or null when it does not exist.</summary>
    public async Task<BotRuntime?> GetAsync(string botId, CancellationToken cancellationToken)
    {
        var revision = await bots.GetRevisionAsync(botId, cancellationToken);
        if (revision is null)
        {
            _runtimes.TryRemove(botId, out _);
            return null;
        }
        if (_runtimes.TryGetValue(botId, out var cached) && cached.Definition.Revision == revision)
            return cached;

        var definition = await bots.GetDefinitionAsync(botId, cancellationToken);
        if (definition is null)
            return null;
        var runtime = new BotRuntime(definition, EntityRecognizer.For(definition));
        _runtimes[botId] = runtime;
        return runtime;
    }
}
