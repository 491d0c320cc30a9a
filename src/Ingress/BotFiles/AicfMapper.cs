using ChatbotPipeline.Nlu.Definitions;

namespace ChatbotPipeline.Ingress.BotFiles;

/// <summary>Converts between ai-chatbot-framework bot files and this project's bot definitions, both ways, losslessly.</summary>
public static class AicfMapper
{
    public static (IReadOnlyList<Intent> Intents, IReadOnlyList<EntityType> Entities) ToDefinitions(AicfBotFile file)
    {
        var intents = (file.Intents ?? []).Select(i => new Intent(
            i.IntentId,
            i.Name,
            i.SpeechResponse ?? "",
            (i.Parameters ?? []).Select(p => new IntentParameter(p.Name, p.Type, p.Required, p.Prompt)).ToList(),
            (i.TrainingData ?? []).Select(t => new TrainingPhrase(t.Text,
                (t.Entities ?? []).Select(e => new PhraseEntity(e.Value, e.Begin, e.End, e.Name)).ToList())).ToList(),
            i.ApiTrigger,
            i.ApiDetails is { } api ? new ApiDetails(api.Url, api.RequestType,
                (api.Headers ?? []).Select(h => new ApiHeader(h.HeaderKey, h.HeaderValue)).ToList(), api.IsJson, api.JsonData) : null,
            i.UserDefined,
            i.Buttons?.Select(b => new ChatbotPipeline.Contracts.ReplyButton(b.Title, b.Payload)).ToList())).ToList();
        var entities = (file.Entities ?? []).Select(e => new EntityType(
            e.Name,
            (e.EntityValues ?? []).Select(v => new EntityValue(v.Value, v.Synonyms ?? [])).ToList(),
            e.Patterns ?? [])).ToList();
        return (intents, entities);
    }

    public static AicfBotFile ToFile(IReadOnlyList<Intent> intents, IReadOnlyList<EntityType> entities) => new(
        intents.Select(i => new AicfIntent(
            i.Name,
            i.IntentId,
            i.UserDefined,
            i.ApiTrigger,
            i.ApiDetails is { } api ? new AicfApiDetails(api.Url, api.RequestType,
                api.Headers.Select(h => new AicfHeader(h.HeaderKey, h.HeaderValue)).ToList(), api.IsJson, api.JsonData) : null,
            i.SpeechResponse,
            i.Parameters.Select(p => new AicfParameter(p.Name, p.Required, p.Type, p.Prompt)).ToList(),
            i.TrainingData.Select(t => new AicfTrainingPhrase(t.Text,
                t.Entities.Select(e => new AicfPhraseEntity(e.Value, e.Begin, e.End, e.Name)).ToList())).ToList(),
            [],
            i.Buttons is { Count: > 0 } buttons ? buttons.Select(b => new AicfButton(b.Title, b.Payload)).ToList() : null)).ToList(),
        entities.Select(e => new AicfEntity(
            e.Name,
            e.Values.Select(v => new AicfEntityValue(v.Value, v.Synonyms.ToList())).ToList(),
            e.Patterns.ToList())).ToList());
}
