using System.Collections.Concurrent;
using System.Threading.Channels;

namespace ChatbotPipeline.Ingress.ChatStream;

/// <summary>Hands replies to the chat pages connected to this Ingress instance, per bot and conversation.</summary>
public sealed class ChatStreamHub
{
    private const int BufferedReplies = 64;
    private readonly ConcurrentDictionary<(string BotId, string ConversationId), ConcurrentDictionary<Guid, Channel<ChatReply>>> _listeners = new();

    /// <summary>Starts listening at once, so no reply published after this call is missed; dispose to stop.</summary>
    public ChatSubscription Subscribe(string botId, string conversationId)
    {
        // A page that stops reading must not hold memory: keep its newest replies, drop the oldest.
        var channel = Channel.CreateBounded<ChatReply>(new BoundedChannelOptions(BufferedReplies) { FullMode = BoundedChannelFullMode.DropOldest });
        var id = Guid.NewGuid();
        var key = (botId, conversationId);
        _listeners.GetOrAdd(key, _ => new()).TryAdd(id, channel);
        return new ChatSubscription(channel.Reader, () => Unsubscribe(key, id));
    }

    /// <summary>Sends the reply to every page listening to the conversation; none listening is not an error.</summary>
    public void Publish(string botId, string conversationId, ChatReply reply)
    {
        if (!_listeners.TryGetValue((botId, conversationId), out var listeners))
            return;
        foreach (var channel in listeners.Values)
            channel.Writer.TryWrite(reply);
    }

    private void Unsubscribe((string, string) key, Guid id)
    {
        if (!_listeners.TryGetValue(key, out var listeners))
            return;
        listeners.TryRemove(id, out _);
        if (listeners.IsEmpty)
            _listeners.TryRemove(new KeyValuePair<(string, string), ConcurrentDictionary<Guid, Channel<ChatReply>>>(key, listeners));
    }
}

/// <summary>One page's feed of replies; disposing it stops the feed.</summary>
public sealed class ChatSubscription(ChannelReader<ChatReply> replies, Action unsubscribe) : IDisposable
{
    public ChannelReader<ChatReply> Replies { get; } = replies;

    public void Dispose() => unsubscribe();
}
