using ChatbotPipeline.Nlu.Definitions;
using ChatbotPipeline.Nlu.Dialogue.Stories;

namespace ChatbotPipeline.Ingress.BotFiles;

/// <summary>What a dialogue refers to but does not have: actions rules and stories run that are neither a response, a
/// form, a declared custom action nor a default action; custom actions without an action server; intents nothing trains.</summary>
public static class DialogueWarnings
{
    public static IEnumerable<ImportWarning> Review(BotDialogue dialogue, IReadOnlyList<Intent> intents)
    {
        // utter_faq answers with the utter_faq/… response of the retrieval intent said.
        var known = dialogue.Responses.Keys.SelectMany(r => new[] { r, r.Split('/')[0] }).Concat(dialogue.Forms.Select(f => f.Name)).Concat(dialogue.Actions).Concat(DefaultActions.All).ToHashSet(StringComparer.Ordinal);
        var steps = dialogue.Rules.SelectMany(r => r.Steps.Concat(r.Condition)).Concat(dialogue.Stories.SelectMany(s => s.Steps)).ToList();
        foreach (var action in steps.Select(s => s.Action).OfType<string>().Distinct().Where(a => !known.Contains(a)))
            yield return new ImportWarning(null, $"Rules or stories run '{action}', which is not a response, a form or an action of the domain; the bot cannot run it.");
        if (dialogue.ActionEndpoint is null && dialogue.Actions.Any(a => !DefaultActions.All.Contains(a)))
            yield return new ImportWarning(null, $"Custom actions ({string.Join(", ", dialogue.Actions.Where(a => !DefaultActions.All.Contains(a)))}) need an action server: send endpoints.yml with action_endpoint.");
        var trained = intents.Where(i => i.TrainingData.Count > 0).SelectMany(i => new[] { i.IntentId, i.IntentId.Split('/')[0] }).ToHashSet(StringComparer.Ordinal);
        if (intents.Count > 0)
            foreach (var intent in steps.SelectMany(s => s.Or ?? (s.Intent is null ? [] : [s.Intent])).Distinct()
                         .Where(i => !trained.Contains(i) && i is not (DefaultActions.NluFallbackIntent or DefaultActions.RestartIntent)))
                yield return new ImportWarning(intent, $"Rules or stories expect the intent '{intent}', which has no training phrases.");
    }
}
