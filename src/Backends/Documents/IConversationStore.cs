namespace ChatbotPipeline.Backends.Documents;

/// <summary>The log of conversation turns; append-only and idempotent on the message id.</summary>
public interface IConversationStore
{
    /// <summary>
    /// Stores turns together (one transaction where the store has them); returns those newly stored — a turn whose
    /// message id is already stored (a redelivery) is left as it was and not returned.
    /// </summary>
    Task<IReadOnlyList<ConversationTurn>> AppendAllAsync(IReadOnlyList<ConversationTurn> turns, CancellationToken cancellationToken = default);

    /// <summary>The turns of one conversation in the order they were received.</summary>
    Task<IReadOnlyList<ConversationTurn>> GetConversationAsync(string botId, string conversationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// A bot's turns received in [<paramref name="from"/>, <paramref name="to"/>), in received order (message id
    /// between equal times), read from the store as they are enumerated: memory stays flat however many there are.
    /// </summary>
    IAsyncEnumerable<ConversationTurn> ReadTurnsAsync(string botId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>Removes a bot's turns received in [<paramref name="from"/>, <paramref name="to"/>); returns how many.</summary>
    Task<long> DeleteTurnsAsync(string botId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>A bot's conversations, the most recently active first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ConversationSummary>> ListConversationsAsync(string botId, int limit, CancellationToken cancellationToken = default);
}
