using System.Net;
using System.Net.Http.Json;
using ChatbotPipeline.Ingress.Tests.Support;
using ChatbotPipeline.Tests.Shared.Platforms;

namespace ChatbotPipeline.Ingress.Tests.Security;

/// <summary>What the edge believes of a request: forwarded headers only from trusted proxies, and admission limits per bot.</summary>
[Trait("Category", "Security")]
public sealed class EdgeTests
{
    private static async Task<IngressFactory> IngressAsync(TempFolder folder, Dictionary<string, string?> more)
    {
        var settings = PlatformSamples.Settings("http://127.0.0.1:9");
        foreach (var (key, value) in more)
            settings[key] = value;
        return await new IngressFactory(folder.Path, settings: settings).WhenReadyAsync();
    }

    [Fact]
    public async Task A_client_forwarded_host_does_not_change_the_url_a_twilio_signature_is_checked_against()
    {
        using var folder = new TempFolder();
        await using var ingress = await IngressAsync(folder, []);
        var form = PlatformSamples.TwilioSms($"SM{Guid.NewGuid():N}", "+15550001234", "hello");
        // Signed for another deployment's URL, replayed here with headers that name it.
        var replayed = PlatformWebhooks.Twilio(form, publicUrl: "https://other.example.com/webhooks/twilio/demo");
        replayed.Headers.Add("X-Forwarded-Proto", "https");
        replayed.Headers.Add("X-Forwarded-Host", "other.example.com");

        Assert.Equal(HttpStatusCode.Forbidden, (await ingress.CreateClient().SendAsync(replayed)).StatusCode);
    }

    [Fact]
    public async Task A_configured_public_base_url_is_what_twilio_signatures_cover()
    {
        using var folder = new TempFolder();
        await using var ingress = await IngressAsync(folder, new() { ["Ingress:PublicBaseUrl"] = "https://bots.example.org/" });
        var client = ingress.CreateClient();
        var form = PlatformSamples.TwilioSms($"SM{Guid.NewGuid():N}", "+15550001234", "hello");

        var forPublic = await client.SendAsync(PlatformWebhooks.Twilio(form, publicUrl: "https://bots.example.org/webhooks/twilio/demo"));
        var forInner = await client.SendAsync(PlatformWebhooks.Twilio(PlatformSamples.TwilioSms($"SM{Guid.NewGuid():N}", "+15550001234", "hi")));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Forbidden), (forPublic.StatusCode, forInner.StatusCode));
    }

    [Fact]
    public async Task A_bot_over_its_admission_limit_answers_429_with_retry_after_whoever_sends()
    {
        using var folder = new TempFolder();
        await using var ingress = await IngressAsync(folder, new() { ["Ingress:BotMessagesPerMinute"] = "2" });
        var client = ingress.CreateClient();

        var answers = new List<HttpResponseMessage>();
        foreach (var sender in new[] { "a", "b", "c" })
            answers.Add(await client.PostAsJsonAsync("/webhooks/rest/demo", new { sender, message = "hello" }));

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], answers.Select(a => a.StatusCode));
        Assert.NotNull(answers[2].Headers.RetryAfter);
        Assert.Contains("Bot 'demo'", await answers[2].Content.ReadAsStringAsync());
    }
}
