using System.Net;
using System.Text.Json;
using ChatbotPipeline.Ingress.Tests.Support;

namespace ChatbotPipeline.Ingress.Tests.Webhooks.Platforms;

/// <summary>A platform nobody configured answers 404 with what is missing, before reading the body.</summary>
public sealed class PlatformNotConfiguredTests(ReadyIngress ingress) : IClassFixture<ReadyIngress>
{
    [Theory]
    [InlineData("slack", "Slack")]
    [InlineData("telegram", "Telegram")]
    [InlineData("messenger", "Meta")]
    [InlineData("whatsapp", "Meta")]
    [InlineData("twilio", "Twilio")]
    public async Task A_platform_without_secrets_for_the_bot_is_not_found(string channel, string platform)
    {
        var response = await ingress.Factory.CreateClient().PostAsync($"/webhooks/{channel}/demo", new StringContent("{}"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal($"{platform} is not configured for bot 'demo'.", problem.GetProperty("detail").GetString());
    }
}
