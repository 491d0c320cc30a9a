using System.Net;
using ChatbotPipeline.Ingress.Admin;
using ChatbotPipeline.Ingress.Tests.Support;

namespace ChatbotPipeline.Ingress.Tests.Admin;

public sealed class ApiKeyTests(ReadyIngress ingress) : IClassFixture<ReadyIngress>
{
    [Theory]
    [InlineData("/api/bots")]
    [InlineData("/api/bots/demo/intents")]
    [InlineData("/api/bots/demo/conversations/u1")]
    [InlineData("/api/bots/demo/analytics")]
    [InlineData("/api/bots/demo/export")]
    public async Task Admin_routes_need_the_key(string path)
    {
        var client = ingress.Factory.CreateClient();

        var missing = await client.GetAsync(path);
        client.DefaultRequestHeaders.Add(ApiKeyFilter.Header, "wrong-key-wrong-key");
        var wrong = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, (await ingress.Factory.CreateAdminClient().GetAsync(path)).StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, (await ingress.Factory.CreateAdminClient().GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Training_needs_the_key_too()
    {
        var response = await ingress.Factory.CreateClient().PostAsync("/api/bots/demo/train", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Webhooks_the_page_and_health_need_no_key()
    {
        var client = ingress.Factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }
}
