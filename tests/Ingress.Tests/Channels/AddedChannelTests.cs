using System.Net;
using System.Net.Http.Json;
using ChatbotPipeline.Channels;
using ChatbotPipeline.Ingress.Tests.Channels.Echo;
using ChatbotPipeline.Ingress.Tests.Support;

namespace ChatbotPipeline.Ingress.Tests.Channels;

/// <summary>A channel is a unit: the echo platform, one folder of this project, joins the pipeline by one registration.</summary>
public sealed class AddedChannelTests
{
    [Fact]
    public async Task A_channel_added_by_one_registration_takes_messages_at_its_webhook_and_replies_through_its_api()
    {
        await using var apis = await FakePlatformApis.StartAsync();
        using var folder = new TempFolder();
        await using var factory = await new IngressFactory(folder.Path, settings: new Dictionary<string, string?>
        {
            ["Channels:Echo:Token"] = "echo-secret",
            ["Channels:Echo:ApiBaseUrl"] = $"{apis.BaseUrl}/echo",
        }, services: services => services.AddChannel<EchoChannel>()).WhenReadyAsync();
        var client = factory.CreateClient();

        var unsigned = await client.PostAsJsonAsync("/webhooks/echo/demo", new { id = "e-1", from = "ann", text = "hello" }, TestContext.Current.CancellationToken);
        using var signed = new HttpRequestMessage(HttpMethod.Post, "/webhooks/echo/demo") { Content = JsonContent.Create(new { id = "e-1", from = "ann", text = "hello" }) };
        signed.Headers.Add(EchoWebhook.TokenHeader, "echo-secret");
        var accepted = await client.SendAsync(signed, TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.OK), (unsigned.StatusCode, accepted.StatusCode));
        var replies = await apis.CallsMentioningAsync("\"to\":\"ann\"");
        Assert.All(replies, reply => Assert.Equal("/echo/send", reply.Path));
        Assert.Contains("\"channel\":\"echo\"", await LoggedAsync(factory, "echo:ann"));
        // Its conversations are its own: a REST sender may not take the new channel's prefix either.
        var impostor = await client.PostAsJsonAsync("/webhooks/rest/demo", new { sender = "echo:ann", message = "hi" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, impostor.StatusCode);
    }

    /// <summary>The conversation as the admin API shows it, once the log has it (it writes in batches).</summary>
    private static async Task<string> LoggedAsync(IngressFactory factory, string conversationId)
    {
        var admin = factory.CreateAdminClient();
        for (var deadline = DateTime.UtcNow.AddSeconds(20); ; await Task.Delay(50))
        {
            var response = await admin.GetAsync($"/api/bots/demo/conversations/{Uri.EscapeDataString(conversationId)}");
            if (response.IsSuccessStatusCode || DateTime.UtcNow > deadline)
                return await response.Content.ReadAsStringAsync();
        }
    }
}
