namespace ChatbotPipeline.Nlu.Dialogue.Stories;

/// <summary>A tracker as the positions rules and stories are compared with: user intents, actions and loop changes.</summary>
public sealed class ConversationTokens
{
    private readonly List<(StoryTokenKind Kind, string Name, string? LoopBefore)> _tokens = [];
    private readonly DialogueTracker _tracker;

    public ConversationTokens(DialogueTracker tracker)
    {
        _tracker = tracker;
        string? loop = null;
        // The loop in force before the kept events began is what the first loop event replaced; unknown, so take the
        // loop after them when no loop event was kept.
        if (!tracker.Events.Any(e => e.Type == TrackerEvent.Loop))
            loop = tracker.ActiveLoop;
        foreach (var @event in tracker.Events)
        {
            switch (@event.Type)
            {
                case TrackerEvent.User:
                    _tokens.Add((StoryTokenKind.Intent, @event.Name, loop));
                    break;
                case TrackerEvent.Action:
                    _tokens.Add((StoryTokenKind.Action, StoryToken.Normalize(@event.Name), loop));
                    break;
                case TrackerEvent.Loop:
                    _tokens.Add((StoryTokenKind.Loop, @event.Name, loop));
                    loop = @event.Name.Length == 0 ? null : @event.Name;
                    break;
            }
        }
    }

    public int Count => _tokens.Count;

    public string? LoopBefore(int index) => index < _tokens.Count ? _tokens[index].LoopBefore : _tracker.ActiveLoop;

    public bool SlotsHold(IReadOnlyDictionary<string, string?> slots) =>
        slots.All(slot => slot.Value is null ? _tracker.Slot(slot.Key) is not null : string.Equals(_tracker.Slot(slot.Key), slot.Value, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Where the conversation's end matches <paramref name="pattern"/>[<paramref name="from"/>..<paramref name="to"/>):
    /// the index of the first matched position, or null. With <paramref name="fromStart"/> the whole conversation must match.
    /// </summary>
    public int? MatchEnd(IReadOnlyList<StoryToken> pattern, int from, int to, bool fromStart) =>
        Match(pattern, from, to - 1, _tokens.Count - 1, fromStart);

    private int? Match(IReadOnlyList<StoryToken> pattern, int from, int i, int j, bool fromStart)
    {
        if (i < from)
            return !fromStart || j < 0 ? j + 1 : null;
        var expected = pattern[i];
        switch (expected.Kind)
        {
            case StoryTokenKind.Slots:
                return SlotsHold(expected.Slots!) ? Match(pattern, from, i - 1, j, fromStart) : null;
            case StoryTokenKind.Any:
                for (var skip = j; skip >= -1; skip--)
                    if (Match(pattern, from, i - 1, skip, fromStart) is { } start)
                        return start;
                return null;
            default:
                if (j < 0)
                    return null;
                var (kind, name, _) = _tokens[j];
                return kind == expected.Kind && expected.Names.Contains(name) ? Match(pattern, from, i - 1, j - 1, fromStart) : null;
        }
    }
}
