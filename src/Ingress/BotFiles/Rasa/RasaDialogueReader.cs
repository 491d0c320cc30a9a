using System.Globalization;
using System.Text.Json;
using ChatbotPipeline.Contracts;
using ChatbotPipeline.Nlu.Dialogue.Stories;
using YamlDotNet.RepresentationModel;

namespace ChatbotPipeline.Ingress.BotFiles.Rasa;

/// <summary>
/// Reads the dialogue parts of a Rasa 3.x project, file by file: the domain (intents' entity use, slots with their
/// mappings, responses by name with every variation, forms, actions, session_config), <c>rules</c>, <c>stories</c> and
/// <c>endpoints.yml</c>' action endpoint. What it does not support is named in <see cref="Warnings"/>, never dropped
/// silently.
/// </summary>
public sealed class RasaDialogueReader
{
    private static readonly HashSet<string> KnownKeys = new(StringComparer.Ordinal)
    {
        "version", "nlu", "intents", "entities", "slots", "responses", "forms", "actions", "session_config", "rules", "stories",
        "action_endpoint", "config",
    };

    private static readonly HashSet<string> ConfigKeys = new(StringComparer.Ordinal) { "recipe", "assistant_id", "language", "pipeline", "policies" };

    private readonly Dictionary<string, IReadOnlyList<ResponseVariant>> _responses = new(StringComparer.Ordinal);
    private readonly List<SlotDefinition> _slots = [];
    private readonly List<FormDefinition> _forms = [];
    private readonly List<string> _actions = [];
    private readonly List<DialogueRule> _rules = [];
    private readonly List<DialogueStory> _stories = [];
    private readonly Dictionary<string, IntentEntityFilter> _intentEntities = new(StringComparer.Ordinal);
    private string? _endpoint;
    private int _sessionMinutes = 60;
    private double _coreFallbackThreshold = BotDialogue.DefaultCoreFallbackThreshold;
    private bool _hasDialogue;

    public List<string> Warnings { get; } = [];

    /// <summary>The responses by name, for the intents' own (<c>utter_{intent}</c>) answers.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ResponseVariant>> Responses => _responses;

    public void Read(YamlMappingNode root)
    {
        foreach (var key in root.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!))
        {
            if (ConfigKeys.Contains(key))
            {
                if (key is "pipeline" && Child(root, key) is YamlSequenceNode { Children.Count: > 0 })
                    Warn("config.yml's pipeline is not used: this pipeline has its own NLU (n-grams and MiniLM, built-in numbers, e-mails and dates).");
            }
            else if (!KnownKeys.Contains(key))
                Warn($"The key '{key}' is not supported and was not imported.");
        }
        if (Child(root, "intents") is YamlSequenceNode intents)
            foreach (var map in intents.Children.OfType<YamlMappingNode>())
                ReadIntentEntities(map);
        if (Child(root, "responses") is YamlMappingNode responses)
            foreach (var (key, variants) in responses.Children)
                _responses[((YamlScalarNode)key).Value!] = ReadVariants(((YamlScalarNode)key).Value!, variants);
        if (Child(root, "slots") is YamlMappingNode slots)
            foreach (var (key, slot) in slots.Children)
                _slots.Add(ReadSlot(((YamlScalarNode)key).Value!, slot as YamlMappingNode));
        if (Child(root, "forms") is YamlMappingNode forms)
            foreach (var (key, form) in forms.Children)
                _forms.Add(ReadForm(((YamlScalarNode)key).Value!, form as YamlMappingNode));
        if (Child(root, "actions") is YamlSequenceNode actions)
            _actions.AddRange(actions.Children.Select(NameOf).OfType<string>());
        if (Child(root, "session_config") is YamlMappingNode session && Scalar(session, "session_expiration_time") is { } minutes
            && int.TryParse(minutes, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
            _sessionMinutes = parsed;
        if (Child(root, "rules") is YamlSequenceNode rules)
            foreach (var rule in rules.Children.OfType<YamlMappingNode>())
                _rules.Add(new DialogueRule(Scalar(rule, "rule") ?? $"rule {_rules.Count + 1}", Steps(Child(rule, "condition")), Steps(Child(rule, "steps")),
                    Scalar(rule, "wait_for_user_input") is not "false", Scalar(rule, "conversation_start") is "true"));
        if (Child(root, "stories") is YamlSequenceNode stories)
            foreach (var story in stories.Children.OfType<YamlMappingNode>())
                _stories.Add(new DialogueStory(Scalar(story, "story") ?? $"story {_stories.Count + 1}", Steps(Child(story, "steps"))));
        if (Child(root, "policies") is YamlSequenceNode policies)
            foreach (var policy in policies.Children.OfType<YamlMappingNode>())
                if (Scalar(policy, "core_fallback_threshold") is { } threshold && double.TryParse(threshold, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsedThreshold))
                    _coreFallbackThreshold = parsedThreshold;
        if (Child(root, "action_endpoint") is YamlMappingNode endpoint)
            _endpoint = Scalar(endpoint, "url");
        _hasDialogue |= root.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value is "rules" or "stories" or "slots" or "forms" or "actions" or "responses" or "action_endpoint");
    }

    /// <summary>The dialogue read, or null when the files held none (an nlu.yml alone).</summary>
    public BotDialogue? Build() => !_hasDialogue ? null : new BotDialogue(_responses, _slots, _forms, _actions, _rules, _stories, _endpoint, _sessionMinutes,
        _intentEntities.Count > 0 ? _intentEntities : null, _coreFallbackThreshold);

    /// <summary>Test stories (<c>tests/test_stories.yml</c>) as the stories of a dialogue.</summary>
    public static IReadOnlyList<DialogueStory> ReadStories(YamlMappingNode root) =>
        Child(root, "stories") is YamlSequenceNode stories
            ? stories.Children.OfType<YamlMappingNode>().Select((story, i) => new DialogueStory(Scalar(story, "story") ?? $"story {i + 1}", Steps(Child(story, "steps")))).ToList()
            : [];

    private void ReadIntentEntities(YamlMappingNode map)
    {
        var (name, settings) = map.Children.First();
        if (settings is not YamlMappingNode options)
            return;
        var use = Child(options, "use_entities");
        var ignore = Child(options, "ignore_entities");
        IReadOnlyList<string>? List(YamlNode? node) => node switch
        {
            YamlSequenceNode list => [.. list.Children.Select(NameOf).OfType<string>()],
            YamlScalarNode { Value: "false" } => [],
            _ => null,
        };
        if (use is not null || ignore is not null)
            _intentEntities[((YamlScalarNode)name).Value!] = new IntentEntityFilter(List(use), List(ignore));
    }

    private IReadOnlyList<ResponseVariant> ReadVariants(string name, YamlNode node)
    {
        var variants = new List<ResponseVariant>();
        foreach (var variant in (node as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? [])
        {
            foreach (var key in variant.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!).Where(k => k is not ("text" or "buttons" or "image" or "condition" or "channel" or "custom" or "metadata")))
                Warn($"Response '{name}': the key '{key}' is not supported.");
            var buttons = Child(variant, "buttons") is YamlSequenceNode pressed
                ? pressed.Children.OfType<YamlMappingNode>().Select(b => new ReplyButton(Scalar(b, "title") ?? "", Scalar(b, "payload") ?? Scalar(b, "title") ?? ""))
                    .Where(b => b.Title.Length > 0).ToList()
                : null;
            var condition = Child(variant, "condition") is YamlSequenceNode conditions
                ? conditions.Children.OfType<YamlMappingNode>().Where(c => Scalar(c, "type") is null or "slot")
                    .ToDictionary(c => Scalar(c, "name") ?? "", c => Scalar(c, "value"), StringComparer.Ordinal)
                : null;
            var custom = Child(variant, "custom") is { } customNode ? JsonSerializer.Serialize(ToPlain(customNode)) : null;
            if (custom is not null)
                Warn($"Response '{name}': its custom payload is kept and exported but not sent: channels get its text, image and buttons.");
            variants.Add(new ResponseVariant(Scalar(variant, "text"), buttons, Scalar(variant, "image"), condition, Scalar(variant, "channel"), custom));
        }
        return variants;
    }

    private SlotDefinition ReadSlot(string name, YamlMappingNode? slot)
    {
        var mappings = new List<SlotMapping>();
        foreach (var mapping in (slot is null ? null : Child(slot, "mappings") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? [])
        {
            var type = Scalar(mapping, "type") ?? "";
            if (type is not ("from_entity" or "from_intent" or "from_text" or "from_trigger_intent"))
            {
                Warn($"Slot '{name}': the mapping type '{type}' is not supported (custom mappings need an action).");
                continue;
            }
            var template = new SlotMapping(type, Scalar(mapping, "entity"), Scalar(mapping, "value"), Names(Child(mapping, "intent")), Names(Child(mapping, "not_intent")),
                Role: Scalar(mapping, "role"), Group: Scalar(mapping, "group"));
            if (template.Role is not null || template.Group is not null)
                Warn($"Slot '{name}': entity roles and groups are not extracted here; the mapping takes the entity whatever its role or group.");
            var conditions = (Child(mapping, "conditions") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>().ToList() ?? [];
            if (conditions.Count == 0)
                mappings.Add(template);
            // Any one of a mapping's conditions lets it apply: one mapping per condition keeps each check simple.
            foreach (var condition in conditions)
                mappings.Add(template with { ActiveLoop = Scalar(condition, "active_loop"), RequestedSlot = Scalar(condition, "requested_slot") });
        }
        var type2 = slot is null ? "any" : Scalar(slot, "type") ?? "any";
        return new SlotDefinition(name, type2, mappings, slot is null ? null : Scalar(slot, "initial_value"),
            slot is null || Scalar(slot, "influence_conversation") is not "false");
    }

    private FormDefinition ReadForm(string name, YamlMappingNode? form)
    {
        var required = form is null ? null : Child(form, "required_slots");
        if (required is YamlMappingNode)
            Warn($"Form '{name}': mappings under required_slots are Rasa 2's; give them to the slots' own mappings.");
        var slots = required switch
        {
            YamlSequenceNode list => list.Children.Select(NameOf).OfType<string>().ToList(),
            YamlMappingNode map => map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!).ToList(),
            _ => [],
        };
        return new FormDefinition(name, slots, Names(form is null ? null : Child(form, "ignored_intents")) ?? []);
    }

    private static IReadOnlyList<DialogueStep> Steps(YamlNode? node)
    {
        var steps = new List<DialogueStep>();
        foreach (var item in (node as YamlSequenceNode)?.Children ?? [])
        {
            if (item is YamlScalarNode { Value: "..." })
            {
                steps.Add(new DialogueStep(Anything: true));
                continue;
            }
            if (item is not YamlMappingNode step)
                continue;
            if (Child(step, "active_loop") is YamlScalarNode loop)
                steps.Add(new DialogueStep(ActiveLoop: loop.Value is null or "" or "null" or "~" ? null : loop.Value, LoopChanged: true));
            else if (Scalar(step, "intent") is { } intent)
                steps.Add(new DialogueStep(Intent: intent, User: Scalar(step, "user")?.Trim(), Entities: Entities(Child(step, "entities"))));
            else if (Scalar(step, "action") is { } action)
                steps.Add(new DialogueStep(Action: action));
            else if (Child(step, "slot_was_set") is YamlSequenceNode slots)
                steps.Add(new DialogueStep(SlotWasSet: slots.Children.Select(s => s is YamlMappingNode m
                    ? KeyValuePair.Create(((YamlScalarNode)m.Children.Keys.First()).Value!, (m.Children.Values.First() as YamlScalarNode)?.Value)
                    : KeyValuePair.Create(NameOf(s) ?? "", (string?)null)).ToDictionary(StringComparer.Ordinal)));
            else if (Child(step, "or") is YamlSequenceNode or)
                steps.Add(new DialogueStep(Or: or.Children.OfType<YamlMappingNode>().Select(o => Scalar(o, "intent")).OfType<string>().ToList()));
            else if (Scalar(step, "checkpoint") is { } checkpoint)
                steps.Add(new DialogueStep(Checkpoint: checkpoint, Anything: true));
            else if (Scalar(step, "user") is { } user)
                steps.Add(new DialogueStep(User: user.Trim()));
        }
        return steps;
    }

    private static IReadOnlyDictionary<string, string?>? Entities(YamlNode? node) => node is YamlSequenceNode list
        ? list.Children.Select(e => e is YamlMappingNode m
            ? KeyValuePair.Create(((YamlScalarNode)m.Children.Keys.First()).Value!, (m.Children.Values.First() as YamlScalarNode)?.Value)
            : KeyValuePair.Create(NameOf(e) ?? "", (string?)null)).ToDictionary(StringComparer.Ordinal)
        : null;

    private static IReadOnlyList<string>? Names(YamlNode? node) => node switch
    {
        YamlScalarNode { Value: { } one } => [one],
        YamlSequenceNode list => [.. list.Children.Select(NameOf).OfType<string>()],
        _ => null,
    };

    private static object? ToPlain(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value,
        YamlSequenceNode list => list.Children.Select(ToPlain).ToList(),
        YamlMappingNode map => map.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ToPlain(p.Value)),
        _ => null,
    };

    private void Warn(string warning)
    {
        if (!Warnings.Contains(warning))
            Warnings.Add(warning);
    }

    private static YamlNode? Child(YamlMappingNode map, string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? Scalar(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;

    private static string? NameOf(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value,
        YamlMappingNode map => (map.Children.Keys.FirstOrDefault() as YamlScalarNode)?.Value,
        _ => null,
    };
}
