namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>
/// One holder per key at a time in this process, waiters served first come first served; a key's gate exists only
/// while someone holds or waits for it, so memory follows the conversations in flight, not every conversation seen.
/// A holder keeps its key for at most a hold limit: one that never leaves (a consume left running after its endpoint
/// was stopped, stuck in a call that ignores cancellation) is passed over by the next waiter, as a cache lease expires.
/// </summary>
/// <param name="time">The clock a hold is measured on (the system's unless a test moves it).</param>
public sealed class KeyedGates(TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Dictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    /// <summary>
    /// Enters the key's gate, or returns null when it stayed held for <paramref name="patience"/> by a holder that has not
    /// yet held it for <paramref name="holdLimit"/>.
    /// </summary>
    public async Task<IDisposable?> EnterAsync(string key, TimeSpan patience, TimeSpan holdLimit, CancellationToken cancellationToken)
    {
        Gate gate;
        lock (_gates)
        {
            if (!_gates.TryGetValue(key, out gate!))
                _gates[key] = gate = new Gate();
            gate.Users++;
        }
        Entry? entry = null;
        try
        {
            entry = await gate.Semaphore.WaitAsync(patience, cancellationToken) ? Hold(key, gate) : TakeOver(key, gate, holdLimit);
            return entry;
        }
        finally
        {
            if (entry is null)
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

    private Entry Hold(string key, Gate gate)
    {
        lock (gate)
            return gate.Holder = new Entry(this, key, gate);
    }

    /// <summary>The gate, if it came free just now or its holder has held it past the limit (that holder is then forgotten).</summary>
    private Entry? TakeOver(string key, Gate gate, TimeSpan holdLimit)
    {
        lock (gate)
        {
            if (gate.Semaphore.Wait(0))
                return gate.Holder = new Entry(this, key, gate);
            if (gate.Holder is not { } holder || _time.GetElapsedTime(holder.Since) < holdLimit)
                return null;
            holder.Abandon();
            return gate.Holder = new Entry(this, key, gate);
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
        public Entry? Holder;
    }

    private sealed class Entry(KeyedGates owner, string key, Gate gate) : IDisposable
    {
        private bool _left;

        public long Since { get; } = owner._time.GetTimestamp();

        /// <summary>Passed over: its slot went to the next holder, so leaving later must not free a second one.</summary>
        public void Abandon()
        {
            _left = true;
            owner.Leave(key, gate, release: false);
        }

        public void Dispose()
        {
            lock (gate)
            {
                if (_left)
                    return;
                _left = true;
                if (gate.Holder == this)
                    gate.Holder = null;
            }
            owner.Leave(key, gate, release: true);
        }
    }
}
