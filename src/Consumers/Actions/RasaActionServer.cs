using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatbotPipeline.Contracts;
using ChatbotPipeline.Nlu.Dialogue.Stories;
using ChatbotPipeline.ServiceDefaults;

namespace ChatbotPipeline.Consumers.Actions;

/// <summary>
/// A bot's custom actions on its Rasa action server: <c>POST {action_endpoint}</c> with Rasa's JSON — <c>next_action</c>,
/// <c>sender_id</c>, the <c>tracker</c> (slots, latest message, events, active loop) and the <c>domain</c> — and its answer's
/// <c>events</c> and <c>responses</c> read back. The call goes through <see cref="ActionCaller"/>: the bot's actionHosts,
/// timeouts, retries, an idempotency key and a bounded answer, as any API call of a bot.
/// </summary>
public sealed class RasaActionServer(ActionCaller caller) : ICustomActions
{
    public const string ProtocolVersion = "3.1.0";

    public async Task<CustomActionResult> RunAsync(CustomActionCall call, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(call.Endpoint, UriKind.Absolute, out var url))
            return CustomActionResult.Failed($"The action endpoint '{call.Endpoint}' is not an absolute URL.");
        if (ActionHostPolicy.HostRefusal(url, call.AllowedHosts) is { } refusal)
            return CustomActionResult.Failed(refusal);
        var body = Request(call).ToJsonString();
        var result = await caller.CallAsync(new ActionRequest(HttpMethod.Post, url, [], body), $"{call.MessageId}:{call.Action}",
            ActionHostPolicy.ListedExactly(url.IdnHost, call.AllowedHosts), cancellationToken);
        if (result.Error is not null || result.Body is null)
            return CustomActionResult.Failed(result.Error ?? "The action server answered nothing.");
        try
        {
            return Read(JsonNode.Parse(result.Body));
        }
        catch (JsonException exception)
        {
            return CustomActionResult.Failed($"The action server's answer is not JSON: {exception.Message}");
        }
        catch (InvalidOperationException exception)
        {
            // JSON of the wrong shape ("events" an object, a name a number): the answer is refused, the message is not failed.
            return CustomActionResult.Failed($"The action server's answer is not the protocol's JSON: {exception.Message}");
        }
    }

    private static JsonObject Request(CustomActionCall call)
    {
        var tracker = call.Tracker;
        var events = new JsonArray(tracker.Events.Select(Event).ToArray());
        // Rasa's forms put the slot values to validate at the end of the events (the SDK's slots_to_validate reads them there).
        foreach (var candidate in call.Candidates ?? [])
            events.Add(Event(candidate));
        var latestIntent = tracker.LatestIntent;
        return new JsonObject
        {
            ["next_action"] = call.Action,
            ["sender_id"] = call.SenderId,
            ["version"] = ProtocolVersion,
            ["tracker"] = new JsonObject
            {
                ["sender_id"] = call.SenderId,
                ["conversation_id"] = call.SenderId,
                ["slots"] = new JsonObject(tracker.Slots.Select(s => KeyValuePair.Create(s.Key, Value(s.Value)))),
                ["latest_message"] = new JsonObject
                {
                    ["text"] = call.LatestText,
                    ["intent"] = new JsonObject { ["name"] = latestIntent, ["confidence"] = call.Confidence },
                    ["entities"] = new JsonArray(call.Entities.Select(e => (JsonNode)new JsonObject
                    {
                        ["entity"] = e.Entity, ["value"] = e.Value, ["start"] = e.Start, ["end"] = e.End, ["confidence_entity"] = e.Confidence, ["extractor"] = e.Extractor,
                    }).ToArray()),
                },
                ["events"] = events,
                ["paused"] = false,
                ["followup_action"] = null,
                ["active_loop"] = tracker.ActiveLoop is { } loop ? new JsonObject { ["name"] = loop } : new JsonObject(),
                ["latest_action_name"] = tracker.LatestAction,
                ["latest_action"] = new JsonObject { ["action_name"] = tracker.LatestAction },
            },
            ["domain"] = Domain(call),
        };
    }

    private static JsonObject Domain(CustomActionCall call)
    {
        var dialogue = call.Dialogue;
        return new JsonObject
        {
            ["intents"] = new JsonArray(call.Intents.Select(i => (JsonNode)JsonValue.Create(i)!).ToArray()),
            ["slots"] = new JsonObject(dialogue.Slots.Select(s => KeyValuePair.Create(s.Name, (JsonNode?)new JsonObject
            {
                ["type"] = s.Type, ["initial_value"] = Value(s.InitialValue), ["influence_conversation"] = s.InfluenceConversation,
            }))),
            ["responses"] = new JsonObject(dialogue.Responses.Select(r => KeyValuePair.Create(r.Key, (JsonNode?)new JsonArray(
                r.Value.Select(v => (JsonNode)new JsonObject { ["text"] = v.Text, ["image"] = v.Image }).ToArray())))),
            ["actions"] = new JsonArray(dialogue.Actions.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray()),
            ["forms"] = new JsonObject(dialogue.Forms.Select(f => KeyValuePair.Create(f.Name, (JsonNode?)new JsonObject
            {
                ["required_slots"] = new JsonArray(f.RequiredSlots.Select(s => (JsonNode)JsonValue.Create(s)!).ToArray()),
            }))),
        };
    }

    private static JsonNode Event(TrackerEvent @event) => @event.Type switch
    {
        TrackerEvent.User => new JsonObject { ["event"] = "user", ["text"] = @event.Value, ["parse_data"] = new JsonObject { ["intent"] = new JsonObject { ["name"] = @event.Name } } },
        TrackerEvent.Action => new JsonObject { ["event"] = "action", ["name"] = @event.Name },
        TrackerEvent.Loop => new JsonObject { ["event"] = "active_loop", ["name"] = @event.Name.Length == 0 ? null : @event.Name },
        _ => new JsonObject { ["event"] = "slot", ["name"] = @event.Name, ["value"] = Value(@event.Value) },
    };

    /// <summary>A slot value as the action server expects it: booleans and numbers as themselves, the rest as text.</summary>
    private static JsonNode? Value(string? value) => value switch
    {
        null => null,
        "true" or "True" => JsonValue.Create(true),
        "false" or "False" => JsonValue.Create(false),
        _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !value.StartsWith('0') => JsonValue.Create(number),
        _ => JsonValue.Create(value),
    };

    private static CustomActionResult Read(JsonNode? answer)
    {
        var events = new List<TrackerEvent>();
        var restart = false;
        string? followup = null;
        foreach (var item in answer?["events"]?.AsArray() ?? [])
        {
            switch (item?["event"]?.GetValue<string>())
            {
                case "slot":
                    events.Add(new TrackerEvent(TrackerEvent.Slot, item["name"]!.GetValue<string>(), Text(item["value"])));
                    break;
                case "active_loop" or "form":
                    events.Add(new TrackerEvent(TrackerEvent.Loop, item["name"]?.GetValue<string>() ?? ""));
                    break;
                case "restart" or "session_started":
                    restart = true;
                    break;
                case "followup":
                    followup = item["name"]?.GetValue<string>();
                    break;
            }
        }
        var responses = (answer?["responses"]?.AsArray() ?? []).Select(r => new CustomResponse(
            r?["response"]?.GetValue<string>() ?? r?["template"]?.GetValue<string>(),
            r?["text"]?.GetValue<string>(),
            r?["buttons"]?.AsArray().Select(b => new ReplyButton(b?["title"]?.GetValue<string>() ?? "", b?["payload"]?.GetValue<string>() ?? "")).Where(b => b.Title.Length > 0).ToList(),
            r?["image"]?.GetValue<string>())).ToList();
        return new CustomActionResult(events, responses, restart, followup);
    }

    private static string? Text(JsonNode? value) => value switch
    {
        null => null,
        JsonValue json when json.GetValueKind() == JsonValueKind.String => json.GetValue<string>(),
        JsonValue json when json.GetValueKind() is JsonValueKind.True => "true",
        JsonValue json when json.GetValueKind() is JsonValueKind.False => "false",
        _ => value.ToJsonString(),
    };
}
