using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatbotPipeline.Ingress.Tests.Support;
using ChatbotPipeline.Tests.Shared.Platforms;

namespace ChatbotPipeline.Ingress.Tests.Flows;

/// <summary>
/// A pressed button comes back, verified like any webhook of its platform, as the user's next message saying the
/// button's payload; a payload naming an intent (<c>/greet</c>) is that intent for certain.
/// </summary>
[Collection(PlatformIngressCollection.Name)]
public sealed class ButtonPressTests(PlatformIngress ingress)
{
    public static TheoryData<string> Platforms() => new("slack", "telegram", "messenger", "whatsapp");

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task A_pressed_button_is_the_users_next_message_saying_its_payload(string platform)
    {
        var user = $"{Random.Shared.Next(1_000_000, 9_999_999)}";
        var (request, conversation) = Press(platform, user, "/greet");

        var response = await ingress.Factory.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        var turn = Assert.Single((await Chat.TurnsAsync(ingress.Factory.CreateAdminClient(), conversation, 1)).Turns);
        Assert.Equal(("/greet", "greet", 1.0), (turn.Text, turn.Intent, turn.Confidence));
        await ingress.Apis.CallsMentioningAsync(platform == "messenger" || platform == "whatsapp" ? user : conversation.Split(':')[^1]);
    }

    [Fact]
    public async Task An_sms_answer_by_number_or_title_picks_the_numbered_option()
    {
        var admin = ingress.Factory.CreateAdminClient();
        string[] sizes = ["small", "medium", "large", "huge"];
        var intents = sizes.Select(size => (object)new
        {
            name = size, intentId = size, speechResponse = $"You chose {size}.", parameters = Array.Empty<object>(),
            trainingData = new[] { $"{size} please", $"I want {size}", $"make it {size}" }.Select(text => new { text, entities = Array.Empty<object>() }).ToArray(),
        }).Append(new
        {
            name = "Order", intentId = "order", speechResponse = "What size?", parameters = Array.Empty<object>(),
            trainingData = new[] { "I want to order", "order a pizza", "can I order" }.Select(text => new { text, entities = Array.Empty<object>() }).ToArray(),
            buttons = sizes.Select(size => new { title = char.ToUpperInvariant(size[0]) + size[1..], payload = $"/{size}" }).ToArray(),
        }).ToArray();
        Assert.True((await admin.PostAsJsonAsync("/api/bots/sizes/import", new { intents, entities = Array.Empty<object>() }, TestContext.Current.CancellationToken)).IsSuccessStatusCode);
        await ingress.Factory.TrainAsync("sizes");
        var client = ingress.Factory.CreateClient();
        var phone = $"+1555{Random.Shared.Next(1_000_000, 9_999_999)}";

        async Task SmsAsync(string text)
        {
            var sms = PlatformWebhooks.Twilio(PlatformSamples.TwilioSms($"SM{Guid.NewGuid():N}", phone, text), "http://localhost/webhooks/twilio/sizes", bot: "sizes");
            Assert.True((await client.SendAsync(sms, TestContext.Current.CancellationToken)).IsSuccessStatusCode);
        }
        await SmsAsync("I want to order");
        await ingress.Apis.CallsMentioningAsync("1.+Small");
        await SmsAsync("2");
        await SmsAsync("I want to order");
        await SmsAsync("Huge");

        var turns = (await Chat.TurnsAsync(admin, $"twilio:{phone}", 4, "sizes")).Turns;
        Assert.Equal(["order", "medium", "order", "huge"], turns.Select(t => t.Intent));
        Assert.Equal("You chose medium.", turns[1].Replies.Single());
    }

    private static (HttpRequestMessage Request, string Conversation) Press(string platform, string user, string payload) => platform switch
    {
        "slack" => (SlackPress(user, payload), $"slack:T1:C{user}"),
        "telegram" => (PlatformWebhooks.Telegram(JsonSerializer.Serialize(new
        {
            update_id = long.Parse(user, System.Globalization.CultureInfo.InvariantCulture),
            callback_query = new
            {
                id = $"q{user}", from = new { id = long.Parse(user, System.Globalization.CultureInfo.InvariantCulture), is_bot = false },
                message = new { message_id = 5, chat = new { id = long.Parse(user, System.Globalization.CultureInfo.InvariantCulture), type = "private" } }, data = payload
            },
        })), $"telegram:{user}"),
        "messenger" => (PlatformWebhooks.Meta("messenger", JsonSerializer.Serialize(new
        {
            @object = "page",
            entry = new[] { new { id = "PAGE1", time = 1700000000, messaging = new[] { new { sender = new { id = user }, recipient = new { id = "PAGE1" }, timestamp = 1700000000,
                postback = new { mid = $"m_{user}", title = "Say hello", payload } } } } },
        })), $"messenger:{user}"),
        _ => (PlatformWebhooks.Meta("whatsapp", JsonSerializer.Serialize(new
        {
            @object = "whatsapp_business_account",
            entry = new[] { new { id = "WABA1", changes = new[] { new { field = "messages", value = new
            {
                messaging_product = "whatsapp",
                metadata = new { display_phone_number = "15550001111", phone_number_id = "PN1" },
                messages = new[] { new { from = user, id = $"wamid.{user}", timestamp = "1700000000", type = "interactive",
                    interactive = new { type = "button_reply", button_reply = new { id = payload, title = "Say hello" } } } },
            } } } } },
        })), $"whatsapp:{user}"),
    };

    /// <summary>Slack's interactivity request: a form whose one field, payload, is the block_actions JSON, signed like an event.</summary>
    private static HttpRequestMessage SlackPress(string user, string payload)
    {
        var json = JsonSerializer.Serialize(new
        {
            type = "block_actions",
            user = new { id = $"U{user}" },
            team = new { id = "T1" },
            channel = new { id = $"C{user}" },
            container = new { type = "message", message_ts = "1700000000.000100" },
            actions = new[] { new { action_id = "reply-0", type = "button", value = payload, action_ts = "1700000001.000200" } },
        });
        var body = $"payload={Uri.EscapeDataString(json)}";
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/slack/demo")
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/x-www-form-urlencoded")),
        };
        foreach (var (name, value) in PlatformSamples.SlackHeaders(Encoding.UTF8.GetBytes(body), DateTimeOffset.UtcNow))
            request.Headers.Add(name, value);
        return request;
    }
}
