using System.Text.Json;
using ChatbotPipeline.Contracts;
using ChatbotPipeline.Nlu.Definitions;
using YamlDotNet.RepresentationModel;

namespace ChatbotPipeline.Ingress.BotFiles.Rasa;

/// <summary>
/// Rasa 3.x training data in and out: <c>nlu</c> (intents with <c>examples</c>, annotated entities, <c>synonym</c>,
/// <c>regex</c>, <c>lookup</c>) and a domain's <c>responses</c> (<c>utter_{intent}</c>: text variants and buttons),
/// read and written with YamlDotNet. Several files (nlu.yml and domain.yml) are read as one bot; the dialogue parts
/// (slots, forms, every response, rules, stories) by <see cref="RasaDialogueReader"/>.
/// </summary>
public static class RasaBotFile
{
    private const string ResponsePrefix = "utter_";

    /// <summary>The bot the YAML documents describe, or why they cannot be read (a message naming the place).</summary>
    public static RasaProject Read(IEnumerable<string> documents)
    {
        var dialogue = new RasaDialogueReader();
        var hasNlu = false;
        var examples = new Dictionary<string, List<TrainingPhrase>>(StringComparer.Ordinal);
        var synonyms = new List<(string Value, List<string> Examples)>();
        var patterns = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var lookups = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var responses = new Dictionary<string, (List<string> Texts, List<ReplyButton> Buttons)>(StringComparer.Ordinal);
        try
        {
            foreach (var document in documents)
            {
                var yaml = new YamlStream();
                yaml.Load(new StringReader(document));
                foreach (var root in yaml.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>())
                {
                    dialogue.Read(root);
                    if (Child(root, "nlu") is YamlSequenceNode nlu)
                    {
                        hasNlu = true;
                        foreach (var block in nlu.Children.OfType<YamlMappingNode>())
                            ReadBlock(block, examples, synonyms, patterns, lookups);
                    }
                    if (Child(root, "responses") is YamlMappingNode answers)
                        foreach (var (key, variants) in answers.Children)
                            responses[((YamlScalarNode)key).Value!] = ReadResponse(variants);
                    if (Child(root, "intents") is YamlSequenceNode declared)
                        foreach (var name in declared.Children.Select(NameOf).OfType<string>())
                            examples.TryAdd(name, []);
                }
            }
        }
        catch (YamlDotNet.Core.YamlException exception)
        {
            return RasaProject.Failed($"The Rasa YAML could not be read at line {exception.Start.Line}, column {exception.Start.Column}: {exception.Message}");
        }
        catch (Exception exception) when (exception is JsonException or InvalidCastException or InvalidOperationException or ArgumentException)
        {
            return RasaProject.Failed($"The Rasa YAML could not be read: {exception.Message}");
        }

        var intents = examples.Select(pair =>
        {
            var (texts, buttons) = responses.GetValueOrDefault(ResponsePrefix + pair.Key, ([], []));
            return new Intent(pair.Key, pair.Key, SpeechResponse(texts), [], pair.Value, Buttons: buttons.Count > 0 ? buttons : null);
        }).ToList();
        return new RasaProject(intents, EntityTypes(intents, synonyms, patterns, lookups), dialogue.Build(), dialogue.Warnings, hasNlu, null);
    }

    /// <summary>The bot as one Rasa file: <c>nlu</c> plus the <c>responses</c> a domain holds (move them to domain.yml for Rasa).</summary>
    public static string Write(IReadOnlyList<Intent> intents, IReadOnlyList<EntityType> entities, Nlu.Dialogue.Stories.BotDialogue? dialogue = null)
    {
        var nlu = new YamlSequenceNode();
        foreach (var intent in intents.Where(i => i.TrainingData.Count > 0))
            nlu.Add(Block("intent", intent.IntentId, intent.TrainingData.Select(RasaAnnotations.Write)));
        foreach (var entity in entities)
        {
            foreach (var value in entity.Values.Where(v => v.Synonyms.Count > 0))
                nlu.Add(Block("synonym", value.Value, value.Synonyms));
            if (entity.Patterns.Count > 0)
                nlu.Add(Block("regex", entity.Name, entity.Patterns));
            // Every value goes in the lookup, so a synonym's owner is found again when the file is read back.
            if (entity.Values.Count > 0)
                nlu.Add(Block("lookup", entity.Name, entity.Values.Select(v => v.Value)));
        }
        var responses = new YamlMappingNode();
        foreach (var intent in intents.Where(i => !string.IsNullOrWhiteSpace(i.SpeechResponse)))
        {
            var variant = new YamlMappingNode { { "text", Quoted(intent.SpeechResponse) } };
            if (intent.Buttons is { Count: > 0 } buttons)
                variant.Add("buttons", new YamlSequenceNode(buttons.Select(b => (YamlNode)new YamlMappingNode { { "title", Quoted(b.Title) }, { "payload", Quoted(b.Payload) } })));
            responses.Add(ResponsePrefix + intent.IntentId, new YamlSequenceNode(variant));
        }
        var root = new YamlMappingNode { { "version", Quoted("3.1") }, { "nlu", nlu } };
        // A dialogue holds every response by name; without one, each intent's answer is its utter_{intent}.
        if (dialogue is null)
            root.Add("responses", responses);
        else
            RasaDialogueWriter.Write(root, dialogue);
        var writer = new StringWriter();
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        return writer.ToString().Replace("\n...\n", "\n");
    }

    private static void ReadBlock(YamlMappingNode block, Dictionary<string, List<TrainingPhrase>> examples, List<(string, List<string>)> synonyms,
        Dictionary<string, List<string>> patterns, Dictionary<string, List<string>> lookups)
    {
        var items = Examples(Child(block, "examples"));
        if (Scalar(block, "intent") is { } intent)
            (examples.TryGetValue(intent, out var list) ? list : examples[intent] = []).AddRange(items.Select(RasaAnnotations.Read));
        else if (Scalar(block, "synonym") is { } synonym)
            synonyms.Add((synonym, items));
        else if (Scalar(block, "regex") is { } regex)
            (patterns.TryGetValue(regex, out var list) ? list : patterns[regex] = []).AddRange(items);
        else if (Scalar(block, "lookup") is { } lookup)
            (lookups.TryGetValue(lookup, out var list) ? list : lookups[lookup] = []).AddRange(items);
    }

    /// <summary>Examples as Rasa writes them: a literal block of "- " lines, or a list (of strings or of {text}).</summary>
    private static List<string> Examples(YamlNode? node) => node switch
    {
        YamlScalarNode { Value: { } block } => [.. block.Split('\n').Select(line => line.Trim()).Where(line => line.StartsWith("- ", StringComparison.Ordinal) || line == "-")
            .Select(line => line.Length > 1 ? line[2..].Trim() : "").Where(line => line.Length > 0)],
        YamlSequenceNode list => [.. list.Children.Select(item => item is YamlMappingNode map ? Scalar(map, "text") : (item as YamlScalarNode)?.Value).OfType<string>()],
        _ => [],
    };

    private static (List<string> Texts, List<ReplyButton> Buttons) ReadResponse(YamlNode variants)
    {
        var texts = new List<string>();
        var buttons = new List<ReplyButton>();
        foreach (var variant in (variants as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? [])
        {
            if (Scalar(variant, "text") is { } text)
                texts.Add(text);
            if (buttons.Count == 0 && Child(variant, "buttons") is YamlSequenceNode pressed)
                buttons.AddRange(pressed.Children.OfType<YamlMappingNode>()
                    .Select(b => new ReplyButton(Scalar(b, "title") ?? "", Scalar(b, "payload") ?? Scalar(b, "title") ?? ""))
                    .Where(b => b.Title.Length > 0));
        }
        return (texts, buttons);
    }

    /// <summary>One text as it is; several as ai-chatbot-framework's random choice, which the templates read.</summary>
    private static string SpeechResponse(List<string> texts) => texts.Count switch
    {
        0 => "",
        1 => texts[0],
        _ => $"{{{{ {JsonSerializer.Serialize(texts)} | random }}}}",
    };

    /// <summary>
    /// Entity types from what uses them: annotations, lookups (values), regexes (patterns); a synonym (Rasa's are bot-wide)
    /// goes to the type whose annotations or lookup hold its value.
    /// </summary>
    private static List<EntityType> EntityTypes(List<Intent> intents, List<(string Value, List<string> Examples)> synonyms,
        Dictionary<string, List<string>> patterns, Dictionary<string, List<string>> lookups)
    {
        var annotated = intents.SelectMany(i => i.TrainingData.SelectMany(p => p.Entities)).ToList();
        var names = annotated.Select(e => e.Name).Concat(lookups.Keys).Concat(patterns.Keys).Distinct(StringComparer.Ordinal).ToList();
        return names.Select(name =>
        {
            var values = lookups.GetValueOrDefault(name, []).Select(v => new EntityValue(v, [])).ToList();
            foreach (var (value, examples) in synonyms)
            {
                var owner = annotated.FirstOrDefault(e => e.Value == value)?.Name
                    ?? lookups.FirstOrDefault(l => l.Value.Contains(value)).Key;
                if (owner != name)
                    continue;
                var index = values.FindIndex(v => v.Value == value);
                var merged = new EntityValue(value, examples);
                if (index >= 0)
                    values[index] = merged;
                else
                    values.Add(merged);
            }
            return new EntityType(name, values, patterns.GetValueOrDefault(name, []));
        }).ToList();
    }

    private static YamlMappingNode Block(string kind, string name, IEnumerable<string> items) => new()
    {
        { kind, name },
        { "examples", new YamlScalarNode(string.Concat(items.Select(item => $"- {item}\n"))) { Style = YamlDotNet.Core.ScalarStyle.Literal } },
    };

    private static YamlScalarNode Quoted(string value) => new(value) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted };

    private static YamlNode? Child(YamlMappingNode map, string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? Scalar(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;

    private static string? NameOf(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value,
        YamlMappingNode map => (map.Children.Keys.FirstOrDefault() as YamlScalarNode)?.Value,
        _ => null,
    };
}

/// <summary>What a Rasa project's files hold: intents and entity types (when they had <c>nlu</c> data), the dialogue
/// (when they had any domain, rules or stories), warnings for what was not imported, or why they could not be read.</summary>
public sealed record RasaProject(IReadOnlyList<Intent> Intents, IReadOnlyList<EntityType> Entities, Nlu.Dialogue.Stories.BotDialogue? Dialogue,
    IReadOnlyList<string> Warnings, bool HasNlu, string? Error)
{
    public static RasaProject Failed(string error) => new([], [], null, [], false, error);
}
