using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChatbotPipeline.Nlu.Definitions;

namespace ChatbotPipeline.Ingress.BotFiles.Rasa;

/// <summary>
/// Rasa's inline entity annotations in an example: <c>[Berlin](city)</c>, and <c>[NYC]{"entity": "city", "value": "New
/// York City"}</c> when the value differs from the text. Read into a plain phrase with spans, and written back.
/// </summary>
public static partial class RasaAnnotations
{
    public static TrainingPhrase Read(string example)
    {
        var text = new StringBuilder();
        var entities = new List<PhraseEntity>();
        var last = 0;
        foreach (Match match in Annotation().Matches(example))
        {
            text.Append(example, last, match.Index - last);
            var span = match.Groups["text"].Value;
            var (entity, value) = match.Groups["entity"].Success
                ? (match.Groups["entity"].Value.Split(':')[0].Trim(), match.Groups["entity"].Value.Contains(':') ? match.Groups["entity"].Value.Split(':', 2)[1].Trim() : span)
                : ReadJson(match.Groups["json"].Value, span);
            entities.Add(new PhraseEntity(value, text.Length, text.Length + span.Length, entity));
            text.Append(span);
            last = match.Index + match.Length;
        }
        text.Append(example, last, example.Length - last);
        return new TrainingPhrase(text.ToString(), entities);
    }

    public static string Write(TrainingPhrase phrase)
    {
        var written = new StringBuilder();
        var last = 0;
        foreach (var entity in phrase.Entities.Where(e => e.Begin >= 0 && e.End <= phrase.Text.Length && e.Begin < e.End).OrderBy(e => e.Begin))
        {
            if (entity.Begin < last)
                continue;
            var span = phrase.Text[entity.Begin..entity.End];
            written.Append(phrase.Text, last, entity.Begin - last);
            written.Append('[').Append(span).Append(']');
            written.Append(span == entity.Value
                ? $"({entity.Name})"
                : JsonSerializer.Serialize(new Dictionary<string, string> { ["entity"] = entity.Name, ["value"] = entity.Value }));
            last = entity.End;
        }
        written.Append(phrase.Text, last, phrase.Text.Length - last);
        return written.ToString();
    }

    private static (string Entity, string Value) ReadJson(string json, string span)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var entity = root.TryGetProperty("entity", out var e) ? e.GetString() ?? "" : "";
        var value = root.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : span;
        return (entity, value);
    }

    [GeneratedRegex("""\[(?<text>[^\[\]]+)\](?:\((?<entity>[^()]+)\)|(?<json>\{[^{}]*\}))""")]
    private static partial Regex Annotation();
}
