namespace ChatbotPipeline.Backends.Documents;

/// <summary>
/// Where a bot's revisions start. Readers cache a bot's definition by its id and revision (NLU's bot catalog), so a
/// bot made again under a deleted bot's id must never pass through a revision the deleted one had: each bot's first
/// revision is the clock's count of 100 ns ticks at its creation, and every change adds one. A deleted bot reached its
/// own creation tick plus its number of changes, which a bot made even a millisecond later starts above unless the old
/// one changed ten thousand times per millisecond of its life (or the new one's clock is behind the old one's by more).
/// </summary>
public static class BotRevisions
{
    /// <remarks>The wall clock, not the host's <see cref="TimeProvider"/>: tests freeze that one, and this needs only
    /// to move forward between a deletion and the next creation.</remarks>
    public static long First() => DateTimeOffset.UtcNow.UtcTicks;
}
