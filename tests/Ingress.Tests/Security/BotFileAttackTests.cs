using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatbotPipeline.Ingress.Tests.Support;
using ChatbotPipeline.Tests.Shared;

namespace ChatbotPipeline.Ingress.Tests.Security;

/// <summary>Bot files and templates written to stop the process that reads them: each is refused with a 400 that says why.</summary>
[Trait("Category", "Security")]
public sealed class BotFileAttackTests(ReadyIngress ingress) : IClassFixture<ReadyIngress>
{
    private static readonly string Nested =
        string.Concat(Enumerable.Repeat("{% if true %}", 5_000)) + "x" + string.Concat(Enumerable.Repeat("{% endif %}", 5_000));

    private static object Intent(string id, string speechResponse) => new
    {
        name = id, intentId = id, speechResponse, parameters = Array.Empty<object>(),
        trainingData = new[] { new { text = $"{id} one", entities = Array.Empty<object>() }, new { text = $"{id} two", entities = Array.Empty<object>() } },
    };

    private static object File(string speechResponse) => new { intents = new[] { Intent("greet", "Hi"), Intent("deep", speechResponse) }, entities = Array.Empty<object>() };

    [Theory]
    [InlineData("/api/bots/nested-import/import")]
    [InlineData("/api/bots/nested-dry/import?dryRun=true")]
    public async Task A_template_of_5000_nested_blocks_is_refused_on_import_and_dry_run_naming_the_intent(string path)
    {
        var admin = ingress.Factory.CreateAdminClient();

        var response = await admin.PostAsJsonAsync(path, File(Nested));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("Intent 'deep'", errors.GetProperty("intents[1].speechResponse")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, (await ingress.Factory.CreateClient().GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task The_intent_api_refuses_it_on_create_and_replace()
    {
        var admin = ingress.Factory.CreateAdminClient();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/bots/nested-api/import", File("fine"))).StatusCode);

        var created = await admin.PostAsJsonAsync("/api/bots/nested-api/intents", Intent("deeper", Nested));
        var replaced = await admin.PutAsJsonAsync("/api/bots/nested-api/intents/deep", Intent("deep", Nested));
        var prompt = await admin.PutAsJsonAsync("/api/bots/nested-api/intents/deep", new
        {
            name = "deep", intentId = "deep", speechResponse = "ok", trainingData = Array.Empty<object>(),
            parameters = new[] { new { name = "x", type = "sys.number", required = true, prompt = Nested } },
        });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (created.StatusCode, replaced.StatusCode, prompt.StatusCode));
        Assert.Contains("speechResponse", await replaced.Content.ReadAsStringAsync());
        Assert.Contains("parameters[0].prompt", await prompt.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_bot_failure_response_past_the_limits_is_refused()
    {
        var admin = ingress.Factory.CreateAdminClient();
        var response = await admin.PostAsJsonAsync("/api/bots", new { id = "nested-bot", name = "Nested", actionFailureResponse = Nested });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("actionFailureResponse", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_yaml_alias_bomb_is_refused_in_under_a_second()
    {
        var yaml = new StringBuilder("version: \"3.1\"\nanchor: &b \"").Append('x', 16 * 1024).Append("\"\nnlu:\n- intent: bomb\n  examples:\n");
        for (var i = 0; i < 100_000; i++)
            yaml.Append("  - *b\n");
        var admin = ingress.Factory.CreateAdminClient();
        var clock = Stopwatch.StartNew();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);

        Task<HttpResponseMessage> Import() =>
            admin.PostAsync("/api/bots/yaml-bomb/import?format=rasa&dryRun=true", new StringContent(yaml.ToString(), Encoding.UTF8, "application/yaml"));
        var response = await Import();
        var (elapsed, bytes) = (clock.Elapsed, GC.GetTotalAllocatedBytes(precise: true) - allocated);
        elapsed = await WallClockBound.RetimedAsync(elapsed, TimeSpan.FromSeconds(1), Import);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"took {elapsed}");
        Assert.True(bytes < 100L * 1024 * 1024, "allocated 100 MB or more");
        Assert.Contains("aliases", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Nested_aliases_that_multiply_are_refused_by_their_expanded_size()
    {
        var yaml = new StringBuilder("version: \"3.1\"\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var level = 1; level < 9; level++)
            yaml.Append($"a{level}: &a{level} [").AppendJoin(", ", Enumerable.Repeat($"*a{level - 1}", 10)).Append("]\n");
        var response = await ingress.Factory.CreateAdminClient().PostAsync("/api/bots/yaml-laughs/import?format=rasa&dryRun=true",
            new StringContent(yaml.ToString(), Encoding.UTF8, "application/yaml"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("expands to more than", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("aicf")]
    [InlineData("rasa")]
    public async Task Invalid_utf8_is_refused_with_the_offset_and_line(string format)
    {
        var text = format == "aicf"
            ? """{"intents": [{"name": "g", "intentId": "g", "speechResponse": "hi", "parameters": [], "trainingData": [{"text": "caf_", "entities": []}]}], "entities": []}"""
            : "version: \"3.1\"\nnlu:\n- intent: g\n  examples: |\n    - caf_\n";
        var bytes = Encoding.UTF8.GetBytes(text);
        var at = Array.IndexOf(bytes, (byte)'_');
        bytes[at] = 0xC3; // a lead byte with no continuation: not UTF-8
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new(format == "aicf" ? "application/json" : "application/yaml");

        var response = await ingress.Factory.CreateAdminClient().PostAsync($"/api/bots/utf8-{format}/import?format={format}", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = await response.Content.ReadAsStringAsync();
        Assert.Contains($"offset {at}", detail);
        Assert.Contains($"line {(format == "aicf" ? 1 : 5)}", detail);
    }

    [Fact]
    public async Task A_zip_bomb_is_refused_by_its_unpacked_size()
    {
        var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("data/nlu.yml", System.IO.Compression.CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++)
                entry.Write(zeros);
        }
        Assert.True(zip.Length < 1024 * 1024, "the bomb should be small");

        var response = await ingress.Factory.CreateAdminClient().PostAsync("/api/bots/zip-bomb/import?format=rasa&dryRun=true", new ByteArrayContent(zip.ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("unpacks to more than", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_malformed_multipart_body_is_a_400_not_a_500()
    {
        var body = new StringContent("--x\r\n\r\n--x--\r\n");
        body.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");

        var response = await ingress.Factory.CreateAdminClient().PostAsync("/api/bots/bad-form/import?format=rasa", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("form data could not be read", await response.Content.ReadAsStringAsync());
    }
}
