using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatbotPipeline.Ingress.Tests.Support;

namespace ChatbotPipeline.Ingress.Tests.Flows;

/// <summary>
/// The three bot files that ship with ai-chatbot-framework (tests/Ingress.Tests/Files/aicf, copied unchanged from
/// ../shared/bots/aicf) import, train and talk on the embedded default: no reply is empty, blank or shows a tag.
/// </summary>
public sealed class AicfBotsTests(ReadyIngress ingress) : IClassFixture<ReadyIngress>
{
    private static string File(string name) => System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Files", "aicf", name));

    [Theory]
    [InlineData("order_status.json", "aicf-order", new[] { "hello", "What is my order status", "ORD123456", "zzqx plok", "cancel" })]
    [InlineData("restaurant_search.json", "aicf-food", new[] { "hi", "I am looking for chinese restaurant in bangalore", "qwrt zxcv", "thank you", "bye" })]
    [InlineData("default_intents.json", "aicf-default", new[] { "hello", "cancel", "blah blah nonsense" })]
    public async Task A_shipped_bot_imports_trains_and_never_answers_blank_or_with_tags(string file, string botId, string[] said)
    {
        var admin = ingress.Factory.CreateAdminClient();
        var import = await admin.PostAsync($"/api/bots/{botId}/import", new StringContent(File(file), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        await ingress.Factory.TrainAsync(botId);

        var client = ingress.Factory.CreateClient();
        foreach (var text in said)
            await Chat.SendAsync(client, $"{botId}-user", text, botId, metadata: new { username = "Ada" });
        var turns = (await Chat.TurnsAsync(admin, $"{botId}-user", said.Length, botId)).Turns;

        Assert.All(turns, turn =>
        {
            Assert.NotEmpty(turn.Replies);
            Assert.All(turn.Replies, reply =>
            {
                Assert.False(string.IsNullOrWhiteSpace(reply.Replace("\ufeff", "")), $"A blank reply to \"{turn.Text}\"");
                Assert.DoesNotMatch("</?[a-zA-Z][^>]*>", reply);
            });
        });
    }

    [Fact]
    public async Task The_import_answer_lists_what_the_author_should_know_per_intent()
    {
        var admin = ingress.Factory.CreateAdminClient();
        var file = new
        {
            intents = new object[]
            {
                new
                {
                    name = "Search", intentId = "search", speechResponse = "Found {{ parameters.city }} {{ weather }} {{ result.x }}",
                    parameters = new[] { new { name = "city", type = "city", required = true, prompt = (string?)null } },
                    trainingData = new object[]
                    {
                        new { text = "food in bang", entities = new[] { new { value = "banglore", begin = 8, end = 12, name = "city" } } },
                        new { text = "food in oslo", entities = new[] { new { value = "oslo", begin = 8, end = 12, name = "city" } } },
                        new { text = "find me food", entities = Array.Empty<object>() },
                    },
                },
                new { name = "Thanks", intentId = "thanks", speechResponse = "{% if %}", parameters = Array.Empty<object>(), trainingData = new[] { new { text = "thanks", entities = Array.Empty<object>() } } },
            },
            entities = new[] { new { name = "city", entity_values = Array.Empty<object>() }, new { name = "unused", entity_values = Array.Empty<object>() } },
        };

        var response = await admin.PostAsJsonAsync("/api/bots/aicf-warnings/import", file);
        var order = await (await admin.PostAsync("/api/bots/aicf-warn-order/import",
            new StringContent(File("order_status.json"), System.Text.Encoding.UTF8, "application/json"))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var warnings = Warnings(await response.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Contains(warnings, w => w.Intent == "search" && w.Message.Contains("\"bang\"") && w.Message.Contains("\"banglore\""));
        Assert.Contains(warnings, w => w.Intent == "search" && w.Message.Contains("'city' has no prompt"));
        Assert.Contains(warnings, w => w.Intent == "search" && w.Message.Contains("'weather'"));
        Assert.DoesNotContain(warnings, w => w.Message.Contains("'result'") || w.Message.Contains("'parameters'"));
        Assert.Contains(warnings, w => w.Intent == "thanks" && w.Message.Contains("Only 1 training phrase"));
        Assert.Contains(warnings, w => w.Intent == "thanks" && w.Message.Contains("cannot be rendered"));
        Assert.Contains(warnings, w => w.Intent is null && w.Message.Contains("'unused'"));
        Assert.Contains(Warnings(order), w => w.Intent == "check_order_status" && w.Message.Contains("fake-store-api.mock.beeceptor.com") && w.Message.Contains("actionHosts"));
    }

    [Fact]
    public async Task A_phrase_that_trains_two_intents_is_refused_naming_both_and_nothing_is_stored()
    {
        var admin = ingress.Factory.CreateAdminClient();
        var file = new
        {
            intents = new object[]
            {
                new { name = "A", intentId = "a", speechResponse = "x", parameters = Array.Empty<object>(), trainingData = new[] { new { text = "Book it", entities = Array.Empty<object>() } } },
                new { name = "B", intentId = "b", speechResponse = "y", parameters = Array.Empty<object>(), trainingData = new[] { new { text = "book it ", entities = Array.Empty<object>() } } },
            },
            entities = Array.Empty<object>(),
        };

        var response = await admin.PostAsJsonAsync("/api/bots/aicf-contradiction/import", file);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("'a' and 'b'", body);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/bots/aicf-contradiction")).StatusCode);
    }

    private static List<(string? Intent, string Message)> Warnings(JsonElement summary) =>
        [.. summary.GetProperty("warnings").EnumerateArray().Select(w => (w.GetProperty("intentId").GetString(), w.GetProperty("message").GetString()!))];
}
