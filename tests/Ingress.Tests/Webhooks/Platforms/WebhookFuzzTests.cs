using System.Net;
using System.Text;
using ChatbotPipeline.Channels.Meta;
using ChatbotPipeline.Channels.Slack;
using ChatbotPipeline.Channels.Telegram;
using ChatbotPipeline.Channels.Twilio;
using ChatbotPipeline.Ingress.Tests.Support;
using ChatbotPipeline.Tests.Shared.Platforms;
using Microsoft.AspNetCore.WebUtilities;

namespace ChatbotPipeline.Ingress.Tests.Webhooks.Platforms;

/// <summary>
/// 10,000 random, truncated and mutated bodies across every webhook endpoint, most of them correctly signed so they
/// reach the parsers: bad input is always a 4xx (or an acknowledged no-op), never a 5xx or an unhandled exception.
/// </summary>
public sealed class WebhookFuzzTests : IAsyncLifetime
{
    private const int Requests = 10_000;
    private readonly TempFolder _folder = new();
    private readonly ErrorLogCollector _logs = new();
    private FakePlatformApis _apis = null!;
    private IngressFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        _apis = await FakePlatformApis.StartAsync();
        var settings = PlatformSamples.Settings(_apis.BaseUrl);
        settings["Ingress:SenderMessagesPerMinute"] = "0";
        _factory = await new IngressFactory(_folder.Path, settings: settings, logs: _logs).WhenReadyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _apis.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task No_body_makes_any_webhook_fail_with_a_server_error()
    {
        var random = new Random(20261128);
        var client = _factory.CreateClient();
        var statuses = new Dictionary<HttpStatusCode, int>();
        var serverErrors = new List<string>();

        for (var i = 0; i < Requests; i++)
        {
            var (label, request) = NextRequest(random, i);
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                serverErrors.Add($"{label}: threw {exception.GetType().Name}: {exception.Message}");
                continue;
            }
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
            if ((int)response.StatusCode >= 500)
                serverErrors.Add($"{label}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        }

        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key}: {s.Value}")));
        Assert.True(serverErrors.Count == 0, string.Join('\n', serverErrors.Take(20)));
        // Consumers may fault a message to its error queue (a reply the platform refuses): handled. The request path may not fail.
        var requestErrors = _logs.Errors.Where(e => e.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || e.StartsWith("ChatbotPipeline.Ingress", StringComparison.Ordinal)).ToList();
        Assert.True(requestErrors.Count == 0, string.Join('\n', requestErrors.Take(10)));
        // The fuzzing must reach past verification into the parsers, or it tested nothing but the signature checks.
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.BadRequest) > Requests / 5, string.Join(", ", statuses));
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.OK) > Requests / 20, string.Join(", ", statuses));
    }

    private static (string Label, HttpRequestMessage Request) NextRequest(Random random, int i)
    {
        var channel = random.Next(7) switch
        {
            0 => "slack",
            1 => "telegram",
            2 => "messenger",
            3 => "whatsapp",
            4 => "twilio",
            5 => "rest",
            _ => "meta-handshake",
        };
        var body = Body(random, Seed(channel, i));
        var label = $"#{i} {channel} {Convert.ToBase64String(body.AsSpan(0, Math.Min(body.Length, 120)))}";
        var signed = random.NextDouble() < 0.85;
        return (label, channel switch
        {
            "slack" => Slack(random, body, signed),
            "telegram" => Raw("/webhooks/telegram/demo", body, signed ? (TelegramSecretToken.Header, PlatformSamples.TelegramSecretToken) : (TelegramSecretToken.Header, Garbage(random))),
            "messenger" or "whatsapp" => Raw($"/webhooks/{channel}/demo", body,
                (MetaSignature.Header, signed ? MetaSignature.Compute(PlatformSamples.MetaAppSecret, body) : Garbage(random))),
            "twilio" => Twilio(random, body, signed),
            "rest" => Raw("/webhooks/rest/demo", body, null),
            _ => new HttpRequestMessage(HttpMethod.Get, $"/webhooks/{(random.Next(2) == 0 ? "messenger" : "whatsapp")}/demo?{Encoding.UTF8.GetString(body)}"),
        });
    }

    /// <summary>A well-formed body of the channel, for truncation and mutation to start from.</summary>
    private static byte[] Seed(string channel, int i) => Encoding.UTF8.GetBytes(channel switch
    {
        "slack" => PlatformSamples.SlackMessage($"EvFuzz{i}", "U1", "DFUZZ", "hello"),
        "telegram" => PlatformSamples.TelegramText(5_000_000 + i, 77, "hello"),
        "messenger" => PlatformSamples.MessengerText($"m_fuzz{i}", "778", "hello"),
        "whatsapp" => PlatformSamples.WhatsAppText($"wamid.fuzz{i}", "1555778", "hello"),
        "twilio" => PlatformSamples.FormBody(PlatformSamples.TwilioSms($"SMfuzz{i}", "+1555778", "hello")),
        "rest" => $$"""{"sender":"fuzz","message":"hello","message_id":"fuzz{{i}}"}""",
        _ => $"hub.mode=subscribe&hub.verify_token={PlatformSamples.MetaVerifyToken}&hub.challenge=123",
    });

    private static byte[] Body(Random random, byte[] seed)
    {
        switch (random.Next(6))
        {
            case 0:
                return RandomBytes(random, random.Next(0, 600));
            case 1:
            case 2:
                return seed[..random.Next(0, seed.Length + 1)];
            case 3:
                var mutated = (byte[])seed.Clone();
                for (var flips = random.Next(1, 6); flips > 0 && mutated.Length > 0; flips--)
                    mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
                return mutated;
            case 4:
                return Encoding.UTF8.GetBytes(WrongShapes[random.Next(WrongShapes.Length)]);
            default:
                return seed;
        }
    }

    private static readonly string[] WrongShapes =
    [
        "", "null", "[]", "\"text\"", "123", "{}", "{\"type\":\"url_verification\"}", "{\"type\":\"event_callback\",\"event_id\":1}",
        "{\"update_id\":\"one\"}", "{\"update_id\":1e400}", "{\"update_id\":99999999999999999999}", "{\"object\":\"page\",\"entry\":{}}",
        "{\"object\":\"page\",\"entry\":[null,{\"messaging\":[null,{}]}]}", "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"field\":\"messages\",\"value\":{\"messages\":[{\"type\":\"text\"}]}}]}]}",
        new string('[', 5000) + new string(']', 5000), "{\"a\":" + new string('{', 100), "\uFEFF{}", "{\"event\":{\"type\":\"message\",\"user\":\"U\",\"channel\":\"C\",\"text\":\"\\uD800\"},\"type\":\"event_callback\",\"event_id\":\"E\"}",
        "MessageSid=&From=&To=", "%%%=%%%&&&=", "Body=" + new string('x', 300_000),
    ];

    private static HttpRequestMessage Slack(Random random, byte[] body, bool signed)
    {
        var timestamp = random.Next(10) == 0 ? Garbage(random) : DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = Raw("/webhooks/slack/demo", body, (SlackSignature.TimestampHeader, timestamp));
        request.Headers.TryAddWithoutValidation(SlackSignature.SignatureHeader, signed ? SlackSignature.Compute(PlatformSamples.SlackSigningSecret, timestamp, body) : Garbage(random));
        return request;
    }

    private static HttpRequestMessage Twilio(Random random, byte[] body, bool signed)
    {
        string signature;
        try
        {
            var form = new FormReader(Encoding.UTF8.GetString(body)).ReadForm().SelectMany(f => f.Value.Select(v => KeyValuePair.Create(f.Key, v ?? ""))).ToList();
            signature = signed ? TwilioSignature.Compute(PlatformSamples.TwilioAuthToken, "http://localhost/webhooks/twilio/demo", form) : Garbage(random);
        }
        catch (InvalidDataException)
        {
            signature = Garbage(random);
        }
        var request = Raw("/webhooks/twilio/demo", body, (TwilioSignature.Header, signature));
        request.Content!.Headers.ContentType = new("application/x-www-form-urlencoded");
        return request;
    }

    private static HttpRequestMessage Raw(string path, byte[] body, (string Name, string Value)? header)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        if (header is var (name, value))
            request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    private static string Garbage(Random random) => random.Next(3) switch
    {
        0 => "",
        1 => Convert.ToBase64String(RandomBytes(random, random.Next(1, 40))),
        _ => "v0=" + Convert.ToHexStringLower(RandomBytes(random, 32)),
    };

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
