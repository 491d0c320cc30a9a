using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatbotPipeline.Ingress.Tests.Support;

namespace ChatbotPipeline.Ingress.Tests.Webhooks;

/// <summary>Bad input to the REST webhook gets a 4xx with a reason, never a 5xx, and nothing reaches the bus.</summary>
public sealed class RestWebhookTests(ReadyIngress ingress) : IClassFixture<ReadyIngress>
{
    private async Task<(HttpStatusCode Status, string Detail)> PostRawAsync(string body, string bot = "demo")
    {
        var response = await ingress.Factory.CreateClient().PostAsync($"/webhooks/rest/{bot}", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, problem.GetProperty("detail").GetString()!);
    }

    [Theory]
    [InlineData("{not json", "is not valid JSON")]
    [InlineData("[1, 2]", "is not valid JSON")]
    [InlineData("null", "must be a JSON object")]
    [InlineData("""{"message": "hi"}""", "'sender' is required")]
    [InlineData("""{"sender": "", "message": "hi"}""", "'sender' is required")]
    [InlineData("""{"sender": "u", "message": "   "}""", "'message' must not be empty")]
    [InlineData("""{"sender": "u"}""", "'message' is required")]
    [InlineData("""{"sender": 42, "message": "hi"}""", "is not valid JSON")]
    [InlineData("""{"sender": "u", "message": "hi", "metadata": "text"}""", "is not valid JSON")]
    public async Task Malformed_bodies_get_400_with_the_reason(string body, string reason)
    {
        var (status, detail) = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(reason, detail);
        // Never the type it was read into, nor the reader's options: nothing a sender can act on.
        Assert.DoesNotContain("ChatbotPipeline.", detail);
        Assert.DoesNotContain("reader options", detail);
    }

    [Fact]
    public async Task A_callback_url_that_is_not_an_http_url_is_refused()
    {
        var (status, detail) = await PostRawAsync("""{"sender": "u", "message": "hi", "metadata": {"callback_url": "file:///etc/passwd"}}""");

        Assert.Equal((HttpStatusCode.BadRequest, "'callback_url' must be an absolute http or https URL."), (status, detail));
    }

    [Fact]
    public async Task A_sender_id_over_256_characters_is_refused()
    {
        var (status, detail) = await PostRawAsync(JsonSerializer.Serialize(new { sender = new string('s', 257), message = "hi" }));

        Assert.Equal((HttpStatusCode.BadRequest, "'sender' must be at most 256 characters."), (status, detail));
    }

    [Fact]
    public async Task Bodies_over_16_KB_get_413()
    {
        var body = JsonSerializer.Serialize(new { sender = "u", message = new string('a', 16 * 1024) });

        var (status, detail) = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("16384", detail);
    }

    [Fact]
    public async Task A_body_of_exactly_16_KB_is_accepted()
    {
        var padding = 16 * 1024 - JsonSerializer.Serialize(new { sender = "big", message = "" }).Length;
        var body = JsonSerializer.Serialize(new { sender = "big", message = new string('a', padding) });

        var response = await ingress.Factory.CreateClient().PostAsync("/webhooks/rest/demo", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(16 * 1024, Encoding.UTF8.GetByteCount(body));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_bot_gets_404()
    {
        var (status, detail) = await PostRawAsync("""{"sender": "u", "message": "hi"}""", bot: "nobody");

        Assert.Equal((HttpStatusCode.NotFound, "There is no bot 'nobody'."), (status, detail));
    }

    [Fact]
    public async Task Metadata_travels_with_the_message_and_the_location_names_the_conversation()
    {
        var response = await ingress.Factory.CreateClient().PostAsJsonAsync("/webhooks/rest/demo",
            new { sender = "meta-1", message = "hello", metadata = new { locale = "en-GB", tries = 2 } });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("/api/bots/demo/conversations/meta-1", response.Headers.Location!.OriginalString);
    }
}
