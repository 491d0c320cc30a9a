namespace ChatbotPipeline.Nlu.Dialogue.Stories;

/// <summary>
/// What a conversation has said and done so far, as Rasa's tracker keeps it: user turns, bot actions, loop changes and
/// slot values. Only the most recent events are kept: rules and stories look at the end of a conversation.
/// </summary>
public sealed record DialogueTracker(IReadOnlyList<TrackerEvent> Events, IReadOnlyDictionary<string, string?> Slots, string? ActiveLoop)
{
    public const int KeptEvents = 60;
    public const string RequestedSlot = "requested_slot";

    public static DialogueTracker Start(BotDialogue dialogue) =>
        new([], dialogue.Slots.ToDictionary(slot => slot.Name, slot => slot.InitialValue, StringComparer.Ordinal), null);

    public string? Slot(string name) => Slots.GetValueOrDefault(name);

    public DialogueTracker With(TrackerEvent @event)
    {
        var events = Events.Count >= KeptEvents ? Events.Skip(Events.Count - KeptEvents + 1).Append(@event).ToList() : Events.Append(@event).ToList();
        return @event.Type switch
        {
            TrackerEvent.Slot => this with { Events = events, Slots = new Dictionary<string, string?>(Slots, StringComparer.Ordinal) { [@event.Name] = @event.Value } },
            TrackerEvent.Loop => this with { Events = events, ActiveLoop = @event.Name.Length == 0 ? null : @event.Name },
            _ => this with { Events = events },
        };
    }

    /// <summary>The events since the latest user turn (all of them when there is none).</summary>
    public IEnumerable<TrackerEvent> SinceLatestUser()
    {
        var latest = -1;
        for (var i = Events.Count - 1; i >= 0 && latest < 0; i--)
            if (Events[i].Type == TrackerEvent.User)
                latest = i;
        return Events.Skip(latest + 1);
    }

    /// <summary>True when the latest user turn set one of these slots.</summary>
    public bool SetThisTurn(IReadOnlyList<string> slots) => SinceLatestUser().Any(e => e.Type == TrackerEvent.Slot && slots.Contains(e.Name));

    /// <summary>The latest user turn's intent, if the conversation has one.</summary>
    public string? LatestIntent => Events.LastOrDefault(e => e.Type == TrackerEvent.User)?.Name;

    /// <summary>The latest bot action, if any.</summary>
    public string? LatestAction => Events.LastOrDefault(e => e.Type == TrackerEvent.Action)?.Name;
}

/// <summary>One tracker event: <see cref="User"/> (intent, text), <see cref="Action"/>, <see cref="Loop"/> (empty name ends
/// it) or <see cref="Slot"/> (name, value).</summary>
public sealed record TrackerEvent(string Type, string Name, string? Value = null)
{
    public const string User = "user";
    public const string Action = "action";
    public const string Loop = "active_loop";
    public const string Slot = "slot";
}
