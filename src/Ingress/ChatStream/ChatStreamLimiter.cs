using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Ingress.ChatStream;

/// <summary>Counts open reply streams per client address and in total, so held-open connections cannot exhaust the Ingress.</summary>
public sealed class ChatStreamLimiter(IOptions<ChatStreamOptions> options)
{
    private readonly ConcurrentDictionary<string, int> _perClient = new(StringComparer.Ordinal);
    private int _total;

    /// <summary>A slot for one stream, released on dispose; null when the client or the Ingress has no slot left.</summary>
    public IDisposable? TryEnter(string client)
    {
        if (Interlocked.Increment(ref _total) > options.Value.StreamsTotal)
        {
            Interlocked.Decrement(ref _total);
            return null;
        }
        if (_perClient.AddOrUpdate(client, 1, (_, open) => open + 1) > options.Value.StreamsPerClient)
        {
            Leave(client);
            return null;
        }
        return new Slot(() => Leave(client));
    }

    private void Leave(string client)
    {
        Interlocked.Decrement(ref _total);
        if (_perClient.AddOrUpdate(client, 0, (_, open) => open - 1) <= 0)
            _perClient.TryRemove(new KeyValuePair<string, int>(client, 0));
    }

    private sealed class Slot(Action release) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                release();
        }
    }
}
