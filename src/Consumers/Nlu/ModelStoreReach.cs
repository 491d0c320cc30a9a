namespace ChatbotPipeline.Consumers.Nlu;

/// <summary>When this replica last read the object store's model change journal: it can load any bot's model since.</summary>
public sealed class ModelStoreReach
{
    private long _lastTicks;

    public DateTimeOffset? LastReached => Interlocked.Read(ref _lastTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public void Reached(DateTimeOffset at) => Interlocked.Exchange(ref _lastTicks, at.UtcTicks);
}
