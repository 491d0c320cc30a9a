using System.Collections.Concurrent;

namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>Remembers which bots were found without a model, so that is logged once per bot (until it has one), not per message.</summary>
public sealed class MissingModelNotices
{
    private readonly ConcurrentDictionary<string, byte> _noted = new(StringComparer.Ordinal);

    /// <summary>True the first time a bot is found without a model.</summary>
    public bool FirstMiss(string botId) => _noted.TryAdd(botId, 0);

    /// <summary>The bot has a model again: a later miss is news.</summary>
    public void Served(string botId) => _noted.TryRemove(botId, out _);
}
