using System.Text.RegularExpressions;
using ChatbotPipeline.Nlu.Definitions;
using ChatbotPipeline.Nlu.Templates;

namespace ChatbotPipeline.Ingress.BotFiles;

/// <summary>
/// What an import takes but a bot's author should hear about: templates that cannot render or name nothing known,
/// annotated spans whose text differs from their value, entity types nothing uses, required parameters without a
/// prompt, intents with too few phrases to learn from, API calls to hosts the bot does not allow.
/// </summary>
public static partial class ImportWarnings
{
    /// <summary>Fewer phrases than this and an intent is mostly guessed.</summary>
    public const int MinimumPhrases = 3;

    /// <param name="actionHosts">The bot's <c>actionHosts</c> as they are now (none for a new bot).</param>
    public static IReadOnlyList<ImportWarning> Review(IReadOnlyList<Intent> intents, IReadOnlyList<EntityType> entities, IReadOnlyList<string> actionHosts)
    {
        var warnings = new List<ImportWarning>();
        foreach (var intent in intents)
        {
            void Warn(string message) => warnings.Add(new ImportWarning(intent.IntentId, message));
            CheckTemplate(intent, "speechResponse", intent.SpeechResponse, Warn);
            foreach (var parameter in intent.Parameters)
            {
                if (parameter.Required && string.IsNullOrWhiteSpace(parameter.Prompt))
                    Warn($"Required parameter '{parameter.Name}' has no prompt; the bot asks \"What is the {parameter.Name.Replace('_', ' ')}?\".");
                if (parameter.Prompt is { Length: > 0 } prompt)
                    CheckTemplate(intent, $"prompt of '{parameter.Name}'", prompt, Warn);
            }
            foreach (var phrase in intent.TrainingData)
                foreach (var entity in phrase.Entities.Where(e => e.End <= phrase.Text.Length && e.Begin < e.End))
                    if (phrase.Text[entity.Begin..entity.End] is var span && !string.Equals(span, entity.Value, StringComparison.OrdinalIgnoreCase))
                        Warn($"In \"{phrase.Text}\" the span \"{span}\" is annotated as {entity.Name} with the value \"{entity.Value}\": the tagger learns the span, the value is used as its synonym.");
            if (intent.IntentId != SystemIntents.Fallback && intent.TrainingData.Count < MinimumPhrases)
                Warn($"Only {intent.TrainingData.Count} training phrase(s); give at least {MinimumPhrases} so the model can tell it from the others.");
            if (intent is { ApiTrigger: true, ApiDetails: { } api })
                CheckApiHost(api, actionHosts, Warn);
        }
        var used = intents.SelectMany(i => i.TrainingData.SelectMany(p => p.Entities.Select(e => e.Name)).Concat(i.Parameters.Select(p => p.Type)))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var entity in entities.Where(e => !used.Contains(e.Name)))
            warnings.Add(new ImportWarning(null, $"Entity type '{entity.Name}' is used by no phrase and no parameter."));
        return warnings;
    }

    /// <summary>The host is read with the template's expressions blanked out: it is fixed in every real bot's URL.</summary>
    private static void CheckApiHost(ApiDetails api, IReadOnlyList<string> actionHosts, Action<string> warn)
    {
        if (!Uri.TryCreate(Expressions().Replace(api.Url, "x"), UriKind.Absolute, out var url))
            warn($"The API URL '{api.Url}' is not an absolute http(s) URL; the call will fail and the bot says its failure response.");
        else if (ServiceDefaults.ActionHostPolicy.HostRefusal(url, actionHosts) is { } refusal)
        {
            var entry = url.Port is 80 or 443 ? url.IdnHost : $"{url.IdnHost}:{url.Port}";
            warn($"The API call goes to {url.IdnHost}: {refusal} Add it with PATCH /api/bots/{{botId}} {{\"actionHosts\": [\"{entry}\"]}} (chatbot bots set BOT --action-hosts {entry}) or the call is refused.");
        }
    }

    private static void CheckTemplate(Intent intent, string field, string template, Action<string> warn)
    {
        if (ResponseRenderer.ParseError(template) is { } error)
        {
            warn($"The {field} cannot be rendered ({error.Trim()}); the bot's fallback answers instead.");
            return;
        }
        var known = intent.Parameters.Select(p => p.Name).Concat(TemplateModel.Roots).ToHashSet(StringComparer.Ordinal);
        foreach (var root in OutputRoots().Matches(AicfTemplateSyntax.ToLiquid(template).Liquid).Select(m => m.Groups["root"].Value).Distinct())
            if (!known.Contains(root) && !root.StartsWith(AicfTemplateSyntax.ListPrefix, StringComparison.Ordinal))
                warn($"The {field} names '{root}', which is not a parameter of the intent nor parameters, context or result; it renders empty.");
    }

    [GeneratedRegex("""\{\{.*?\}\}|\{%.*?%\}""", RegexOptions.Singleline)]
    private static partial Regex Expressions();

    /// <summary>The first name of each output expression: <c>{{ name.x | f }}</c> → name (string literals left out).</summary>
    [GeneratedRegex("""\{\{-?\s*(?<root>[A-Za-z_][A-Za-z0-9_]*)""")]
    private static partial Regex OutputRoots();
}

/// <summary>Something an import took but its author should know; <paramref name="IntentId"/> is null for bot-wide ones.</summary>
public sealed record ImportWarning(string? IntentId, string Message);
