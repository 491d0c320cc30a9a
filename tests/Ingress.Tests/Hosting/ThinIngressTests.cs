using System.Net;
using ChatbotPipeline.Ingress.Tests.Support;
using ChatbotPipeline.Tests.Shared;

namespace ChatbotPipeline.Ingress.Tests.Hosting;

/// <summary>The thin Ingress as its own process, with no workers beside it: the edge must start with only its own services.</summary>
public sealed class ThinIngressTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task The_thin_ingress_starts_alone_with_every_service_it_registers_resolvable_and_maps_the_channels_webhooks()
    {
        var url = $"http://127.0.0.1:{HostProcess.FreePort()}";
        // Development validates every registration at start: a channel's replier needing the notification consumer's
        // HTTP sender once failed this process while the all-in-one host, which has both, started fine.
        await using var ingress = HostProcess.Start("Ingress", EmbeddedSettings.For(_folder.Path, url));
        using var http = new HttpClient { BaseAddress = new Uri(url) };

        await HostProcess.WaitForAsync(async () => (await http.GetAsync("/health/live")).StatusCode == HttpStatusCode.OK, "the thin Ingress live", ingress);

        // Not configured for the bot: the route exists and says so (an unmapped route would be a bare 404 with no reason).
        var telegram = await http.PostAsync("/webhooks/telegram/demo", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.NotFound, telegram.StatusCode);
        Assert.Contains("Telegram is not configured for bot 'demo'", await telegram.Content.ReadAsStringAsync());
        Assert.False(ingress.HasExited, ingress.Output);
    }

    public void Dispose() => _folder.Dispose();
}
