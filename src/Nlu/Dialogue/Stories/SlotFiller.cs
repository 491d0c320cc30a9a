using ChatbotPipeline.Contracts;
using ChatbotPipeline.Nlu.Entities.BuiltIn;

namespace ChatbotPipeline.Nlu.Dialogue.Stories;

/// <summary>
/// Rasa's <c>action_extract_slots</c>: after every user message each slot's mappings are tried in order, and the first
/// that applies sets it — <c>from_entity</c>, <c>from_intent</c>, <c>from_text</c>, <c>from_trigger_intent</c>, each under
/// its <c>intent</c>/<c>not_intent</c> and <c>active_loop</c>/<c>requested_slot</c> conditions. Entities an intent does not use
/// (<c>use_entities</c>/<c>ignore_entities</c>) fill nothing.
/// </summary>
public static class SlotFiller
{
    /// <summary>Duckling's dimensions, which a Rasa bot names in its mappings, are the built-in extractors here.</summary>
    private static readonly Dictionary<string, string> DucklingNames = new(StringComparer.Ordinal)
    {
        ["number"] = BuiltInEntities.Number, ["email"] = BuiltInEntities.Email, ["time"] = BuiltInEntities.DateTime,
    };

    /// <summary>The slot events the message causes: only slots whose value changes.</summary>
    public static IReadOnlyList<TrackerEvent> Fill(BotDialogue dialogue, DialogueTracker tracker, string intent, string text, IReadOnlyList<ExtractedEntity> entities)
    {
        var filter = dialogue.IntentEntities?.GetValueOrDefault(intent);
        var usable = entities.Where(e => filter is null || filter.Allows(e.Entity) || (DucklingNames.ContainsValue(e.Entity)
            && filter.Allows(DucklingNames.First(d => d.Value == e.Entity).Key))).ToList();
        var events = new List<TrackerEvent>();
        foreach (var slot in dialogue.Slots)
        {
            foreach (var mapping in slot.Mappings)
            {
                if (!Applies(mapping, tracker, intent))
                    continue;
                var value = mapping.Type switch
                {
                    "from_entity" => usable.FirstOrDefault(e => Names(e, mapping.Entity))?.Value,
                    "from_intent" => mapping.Value,
                    "from_text" => text,
                    "from_trigger_intent" when tracker.ActiveLoop is null => mapping.Value,
                    _ => null,
                };
                if (value is null)
                    continue;
                if (tracker.Slot(slot.Name) != value)
                    events.Add(new TrackerEvent(TrackerEvent.Slot, slot.Name, value));
                break;
            }
        }
        return events;
    }

    private static bool Applies(SlotMapping mapping, DialogueTracker tracker, string intent)
    {
        if (mapping.Intents is { Count: > 0 } intents && !intents.Contains(intent))
            return false;
        if (mapping.NotIntents is { Count: > 0 } excluded && excluded.Contains(intent))
            return false;
        if (mapping.ActiveLoop is { } loop && tracker.ActiveLoop != loop)
            return false;
        return mapping.RequestedSlot is not { } requested || tracker.Slot(DialogueTracker.RequestedSlot) == requested;
    }

    private static bool Names(ExtractedEntity entity, string? name) =>
        name is not null && (entity.Entity == name || DucklingNames.GetValueOrDefault(name) == entity.Entity);
}
