using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ChatbotPipeline.Ingress.Tests.Support;

/// <summary>
/// A Rasa action server on loopback, written from the protocol's documented JSON (no Rasa SDK here): it serves formbot's
/// <c>validate_restaurant_form</c> as its <c>actions/actions.py</c> does — the slots to validate are the slot events at the
/// end of the tracker's events (the SDK's <c>slots_to_validate</c>); a cuisine outside its list is refused with
/// <c>utter_wrong_cuisine</c>, a number of people must be a positive integer, "out…"/"in…" become booleans.
/// </summary>
public sealed class FormbotActionServer : IAsyncDisposable
{
    private static readonly string[] Cuisines = ["caribbean", "chinese", "french", "greek", "indian", "italian", "mexican"];
    private readonly WebApplication _app;

    private FormbotActionServer(WebApplication app) => _app = app;

    public string Url => $"{_app.Urls.First()}/webhook";

    public string Authority => new Uri(_app.Urls.First()).Authority;

    public ConcurrentQueue<JsonNode> Calls { get; } = new();

    public static async Task<FormbotActionServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FormbotActionServer(app);
        app.MapPost("/webhook", async (HttpRequest request) =>
        {
            var call = (await JsonNode.ParseAsync(request.Body))!;
            server.Calls.Enqueue(call);
            if (call["next_action"]?.GetValue<string>() != "validate_restaurant_form")
                return Results.Json(new { error = $"No registered action found for name '{call["next_action"]}'.", action_name = call["next_action"]?.ToString() }, statusCode: 404);
            var (events, responses) = Validate(call);
            return Results.Json(new JsonObject { ["events"] = events, ["responses"] = responses });
        });
        await app.StartAsync();
        return server;
    }

    private static (JsonArray Events, JsonArray Responses) Validate(JsonNode call)
    {
        var events = new JsonArray();
        var responses = new JsonArray();
        var required = call["domain"]?["forms"]?["restaurant_form"]?["required_slots"]?.AsArray().Select(s => s!.GetValue<string>()).ToHashSet() ?? [];
        foreach (var (slot, value) in SlotsToValidate(call["tracker"]!["events"]!.AsArray()).Where(s => required.Contains(s.Key)))
        {
            var validated = slot switch
            {
                "cuisine" => Cuisine(value, responses),
                "num_people" => NumPeople(value, responses),
                "outdoor_seating" => OutdoorSeating(value, responses),
                _ => value?.DeepClone(),
            };
            events.Add(new JsonObject { ["event"] = "slot", ["name"] = slot, ["value"] = validated });
        }
        return (events, responses);
    }

    private static List<KeyValuePair<string, JsonNode?>> SlotsToValidate(JsonArray events)
    {
        var trailing = events.Reverse().TakeWhile(e => e?["event"]?.GetValue<string>() == "slot").Reverse();
        return [.. trailing.Select(e => KeyValuePair.Create(e!["name"]!.GetValue<string>(), e["value"]))];
    }

    private static JsonNode? Cuisine(JsonNode? value, JsonArray responses)
    {
        if (value?.GetValue<string>() is { } text && Cuisines.Contains(text.ToLowerInvariant()))
            return text;
        responses.Add(new JsonObject { ["response"] = "utter_wrong_cuisine" });
        return null;
    }

    private static JsonNode? NumPeople(JsonNode? value, JsonArray responses)
    {
        var text = value?.ToString();
        if (int.TryParse(text, out var people) && people > 0)
            return value!.DeepClone();
        responses.Add(new JsonObject { ["response"] = "utter_wrong_num_people" });
        return null;
    }

    private static JsonNode? OutdoorSeating(JsonNode? value, JsonArray responses)
    {
        if (value is JsonValue json && json.TryGetValue<string>(out var text))
        {
            if (text.Contains("out"))
                return true;
            if (text.Contains("in"))
                return false;
            responses.Add(new JsonObject { ["response"] = "utter_wrong_outdoor_seating" });
            return null;
        }
        return value?.DeepClone();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
