namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>
/// One holder per key at a time in this process, waiters served first come first served; a key's gate exists only
/// while someone holds or waits for it, so memory follows the conversations in flight, not every conversation seen.
/// </summary>
public sealed class KeyedGates
{
    private readonly Dictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    /// <summary>Enters the key's gate, or returns null when it stayed held for <paramref name="patience"/>.</summary>
    public async Task<IDisposable?> EnterAsync(string key, TimeSpan patience, CancellationToken cancellationToken)
    {
        Gate gate;
        lock (_gates)
        {
            if (!_gates.TryGetValue(key, out gate!))
                _gates[key] = gate = new Gate();
            gate.Users++;
        }
        var entered = false;
        try
        {
            entered = await gate.Semaphore.WaitAsync(patience, cancellationToken);
            return entered ? new Entry(this, key, gate) : null;
        }
        finally
        {
            if (!entered)
                Leave(key, gate, release: false);
        }
    }

    /// <summary>Keys with a holder or a waiter (for tests).</summary>
    public int Count
    {
        get
        {
            lock (_gates)
                return _gates.Count;
        }
    }

    private void Leave(string key, Gate gate, bool release)
    {
        if (release)
            gate.Semaphore.Release();
        lock (_gates)
        {
            if (--gate.Users == 0)
                _gates.Remove(key);
        }
    }

    private sealed class Gate
    {
        public readonly SemaphoreSlim Semaphore = new(1, 1);
        public int Users;
    }

    private sealed class Entry(KeyedGates owner, string key, Gate gate) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
                owner.Leave(key, gate, release: true);
        }
    }
}
