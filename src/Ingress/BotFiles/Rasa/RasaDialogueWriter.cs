using System.Text.Json;
using ChatbotPipeline.Nlu.Dialogue.Stories;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatbotPipeline.Ingress.BotFiles.Rasa;

/// <summary>Writes a dialogue back in Rasa's keys, so an exported project imports into Rasa or here as it was.</summary>
public static class RasaDialogueWriter
{
    public static void Write(YamlMappingNode root, BotDialogue dialogue)
    {
        if (dialogue.IntentEntities is { Count: > 0 } filters)
            root.Add("intents", new YamlSequenceNode(filters.Select(f => (YamlNode)new YamlMappingNode
            {
                { f.Key, Filter(f.Value) },
            })));
        root.Add("responses", new YamlMappingNode(dialogue.Responses.Select(r =>
            new KeyValuePair<YamlNode, YamlNode>(new YamlScalarNode(r.Key), new YamlSequenceNode(r.Value.Select(Variant))))));
        if (dialogue.Slots.Count > 0)
            root.Add("slots", new YamlMappingNode(dialogue.Slots.Select(slot => new KeyValuePair<YamlNode, YamlNode>(new YamlScalarNode(slot.Name), Slot(slot)))));
        if (dialogue.Forms.Count > 0)
            root.Add("forms", new YamlMappingNode(dialogue.Forms.Select(form => new KeyValuePair<YamlNode, YamlNode>(new YamlScalarNode(form.Name), new YamlMappingNode
            {
                { "ignored_intents", Sequence(form.IgnoredIntents) },
                { "required_slots", Sequence(form.RequiredSlots) },
            }))));
        if (dialogue.Actions.Count > 0)
            root.Add("actions", Sequence(dialogue.Actions));
        root.Add("session_config", new YamlMappingNode { { "session_expiration_time", dialogue.SessionMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture) } });
        if (dialogue.Rules.Count > 0)
            root.Add("rules", new YamlSequenceNode(dialogue.Rules.Select(Rule)));
        if (dialogue.Stories.Count > 0)
            root.Add("stories", new YamlSequenceNode(dialogue.Stories.Select(story => (YamlNode)new YamlMappingNode
            {
                { "story", Quoted(story.Name) },
                { "steps", Steps(story.Steps) },
            })));
        if (dialogue.CoreFallbackThreshold != BotDialogue.DefaultCoreFallbackThreshold)
            root.Add("policies", new YamlSequenceNode(new YamlMappingNode
            {
                { "name", "RulePolicy" }, { "core_fallback_threshold", dialogue.CoreFallbackThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            }));
        if (dialogue.ActionEndpoint is { } endpoint)
            root.Add("action_endpoint", new YamlMappingNode { { "url", Quoted(endpoint) } });
    }

    private static YamlNode Filter(IntentEntityFilter filter)
    {
        var map = new YamlMappingNode();
        if (filter.Use is { } use)
            map.Add("use_entities", Sequence(use));
        if (filter.Ignore is { } ignore)
            map.Add("ignore_entities", Sequence(ignore));
        return map;
    }

    private static YamlNode Variant(ResponseVariant variant)
    {
        var map = new YamlMappingNode();
        if (variant.Text is { } text)
            map.Add("text", Quoted(text));
        if (variant.Image is { } image)
            map.Add("image", Quoted(image));
        if (variant.Buttons is { Count: > 0 } buttons)
            map.Add("buttons", new YamlSequenceNode(buttons.Select(b => (YamlNode)new YamlMappingNode { { "title", Quoted(b.Title) }, { "payload", Quoted(b.Payload) } })));
        if (variant.Condition is { Count: > 0 } condition)
            map.Add("condition", new YamlSequenceNode(condition.Select(c => (YamlNode)new YamlMappingNode
            {
                { "type", "slot" }, { "name", c.Key }, { "value", c.Value is null ? new YamlScalarNode("null") : Quoted(c.Value) },
            })));
        if (variant.Channel is { } channel)
            map.Add("channel", channel);
        if (variant.Custom is { } custom)
            map.Add("custom", Plain(JsonSerializer.Deserialize<JsonElement>(custom)));
        return map;
    }

    private static YamlNode Slot(SlotDefinition slot)
    {
        var map = new YamlMappingNode { { "type", slot.Type } };
        if (!slot.InfluenceConversation)
            map.Add("influence_conversation", "false");
        if (slot.InitialValue is { } initial)
            map.Add("initial_value", Quoted(initial));
        map.Add("mappings", new YamlSequenceNode(slot.Mappings.Select(mapping =>
        {
            var node = new YamlMappingNode { { "type", mapping.Type } };
            if (mapping.Entity is { } entity)
                node.Add("entity", entity);
            if (mapping.Role is { } role)
                node.Add("role", role);
            if (mapping.Group is { } group)
                node.Add("group", group);
            if (mapping.Intents is { Count: > 0 } intents)
                node.Add("intent", Sequence(intents));
            if (mapping.NotIntents is { Count: > 0 } excluded)
                node.Add("not_intent", Sequence(excluded));
            if (mapping.Value is { } value)
                node.Add("value", Quoted(value));
            if (mapping.ActiveLoop is not null || mapping.RequestedSlot is not null)
            {
                var condition = new YamlMappingNode();
                if (mapping.ActiveLoop is { } loop)
                    condition.Add("active_loop", loop);
                if (mapping.RequestedSlot is { } requested)
                    condition.Add("requested_slot", requested);
                node.Add("conditions", new YamlSequenceNode(condition));
            }
            return (YamlNode)node;
        })));
        return map;
    }

    private static YamlNode Rule(DialogueRule rule)
    {
        var map = new YamlMappingNode { { "rule", Quoted(rule.Name) } };
        if (rule.ConversationStart)
            map.Add("conversation_start", "true");
        if (rule.Condition.Count > 0)
            map.Add("condition", Steps(rule.Condition));
        map.Add("steps", Steps(rule.Steps));
        if (!rule.WaitForUserInput)
            map.Add("wait_for_user_input", "false");
        return map;
    }

    private static YamlSequenceNode Steps(IReadOnlyList<DialogueStep> steps) => new(steps.Select(Step));

    private static YamlNode Step(DialogueStep step)
    {
        if (step.Checkpoint is { } checkpoint)
            return new YamlMappingNode { { "checkpoint", Quoted(checkpoint) } };
        if (step.Anything)
            return new YamlScalarNode("...");
        if (step.LoopChanged)
            return new YamlMappingNode { { "active_loop", step.ActiveLoop ?? "null" } };
        if (step.Action is { } action)
            return new YamlMappingNode { { "action", action } };
        if (step.Or is { Count: > 0 } or)
            return new YamlMappingNode { { "or", new YamlSequenceNode(or.Select(i => (YamlNode)new YamlMappingNode { { "intent", i } })) } };
        if (step.SlotWasSet is { } slots)
            return new YamlMappingNode { { "slot_was_set", new YamlSequenceNode(slots.Select(s => (YamlNode)new YamlMappingNode
            {
                { s.Key, s.Value is null ? new YamlScalarNode("null") : Quoted(s.Value) },
            })) } };
        var user = new YamlMappingNode();
        if (step.User is { } text)
            user.Add("user", new YamlScalarNode(text) { Style = ScalarStyle.DoubleQuoted });
        user.Add("intent", step.Intent ?? "");
        if (step.Entities is { Count: > 0 } entities)
            user.Add("entities", new YamlSequenceNode(entities.Select(e => (YamlNode)new YamlMappingNode { { e.Key, e.Value is null ? new YamlScalarNode("null") : Quoted(e.Value) } })));
        return user;
    }

    private static YamlNode Plain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new YamlMappingNode(element.EnumerateObject().Select(p => new KeyValuePair<YamlNode, YamlNode>(new YamlScalarNode(p.Name), Plain(p.Value)))),
        JsonValueKind.Array => new YamlSequenceNode(element.EnumerateArray().Select(Plain)),
        JsonValueKind.String => Quoted(element.GetString()!),
        JsonValueKind.Null => new YamlScalarNode("null"),
        _ => new YamlScalarNode(element.GetRawText()),
    };

    private static YamlSequenceNode Sequence(IEnumerable<string> items) => new(items.Select(i => (YamlNode)new YamlScalarNode(i)));

    private static YamlScalarNode Quoted(string value) => new(value) { Style = ScalarStyle.DoubleQuoted };
}
