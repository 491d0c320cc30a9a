using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatbotPipeline.Ingress.Tests.Support;
using ChatbotPipeline.Ingress.Webhooks;

namespace ChatbotPipeline.Ingress.Tests.Webhooks;

/// <summary>What every webhook does before the bus: drop a platform's retries and hold a sender to its rate.</summary>
public sealed class IntakeTests : IAsyncLifetime
{
    private const int Limit = 3;
    private readonly TempFolder _folder = new();
    private IngressFactory _factory = null!;

    public async ValueTask InitializeAsync() =>
        _factory = await new IngressFactory(_folder.Path, settings: new Dictionary<string, string?> { ["Ingress:SenderMessagesPerMinute"] = $"{Limit}" })
            .WhenReadyAsync();

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        _folder.Dispose();
    }

    private Task<HttpResponseMessage> PostAsync(string sender, string message, string? messageId = null) =>
        _factory.CreateClient().PostAsJsonAsync("/webhooks/rest/demo", new { sender, message, message_id = messageId });

    [Fact]
    public async Task A_repeated_message_id_is_answered_with_the_first_delivery_and_processed_once()
    {
        var first = await PostAsync("retrying", "hello", "platform-1");
        var retry = await PostAsync("retrying", "hello", "platform-1");

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.OK), (first.StatusCode, retry.StatusCode));
        var accepted = await first.Content.ReadFromJsonAsync<WebhookAccepted>(JsonSerializerOptions.Web);
        Assert.Equal(accepted, await retry.Content.ReadFromJsonAsync<WebhookAccepted>(JsonSerializerOptions.Web));
        await PostAsync("retrying", "where is my order", "platform-2");
        var turns = (await Chat.TurnsAsync(_factory.CreateAdminClient(), "retrying", 2)).Turns;
        Assert.Equal([accepted!.MessageId], turns.Where(t => t.Text == "hello").Select(t => t.MessageId));
    }

    [Fact]
    public async Task A_sender_over_the_limit_gets_429_with_retry_after_and_other_senders_pass()
    {
        for (var i = 0; i < Limit; i++)
            Assert.Equal(HttpStatusCode.Accepted, (await PostAsync("chatty", $"hello {i}")).StatusCode);

        var over = await PostAsync("chatty", "hello again");

        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        var retryAfter = int.Parse(over.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Contains("too many messages", (await over.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync("quiet", "hello")).StatusCode);
    }

    [Fact]
    public async Task A_rate_limited_message_id_is_not_remembered_so_its_retry_is_taken()
    {
        for (var i = 0; i < Limit; i++)
            await PostAsync("limited", $"hello {i}");

        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostAsync("limited", "hello", "platform-limited")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostAsync("limited", "hello", "platform-limited")).StatusCode);
    }

    [Theory]
    [InlineData("", "'message_id' must not be empty")]
    [InlineData(null, "'message_id' must be at most 256 characters")]
    public async Task A_bad_message_id_is_refused(string? messageId, string reason)
    {
        var response = await PostAsync("bad-id", "hello", messageId ?? new string('m', 257));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }
}
