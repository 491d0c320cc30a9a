using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Ingress.Tests.Support;

namespace ChatbotPipeline.Ingress.Tests.Flows;

/// <summary>The conversation list shows where each conversation stands, most recently active first.</summary>
public sealed class ConversationListTests(ReadyIngress ingress) : IClassFixture<ReadyIngress>
{
    private readonly IngressFactory _factory = ingress.Factory;

    [Fact]
    public async Task Conversations_are_listed_with_their_turn_count_and_latest_intent()
    {
        var client = _factory.CreateClient();
        var admin = _factory.CreateAdminClient();
        await Chat.SendAsync(client, "first", "hello");
        await Chat.TurnsAsync(admin, "first", 1);
        await Chat.SendAsync(client, "second", "hello");
        await Chat.SendAsync(client, "second", "where is my order");
        var second = await Chat.TurnsAsync(admin, "second", 2);

        var listed = (await admin.GetFromJsonAsync<List<ConversationSummary>>("/api/bots/demo/conversations", JsonSerializerOptions.Web))!;

        Assert.Equal(["second", "first"], listed.Select(c => c.ConversationId));
        Assert.Equal((2L, second.Turns[^1].Intent, second.Turns[^1].DialogueState), (listed[0].Turns, listed[0].LastIntent, listed[0].DialogueState));
        var limited = await admin.GetFromJsonAsync<List<ConversationSummary>>("/api/bots/demo/conversations?limit=1", JsonSerializerOptions.Web);
        Assert.Equal(["second"], limited!.Select(c => c.ConversationId));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("501")]
    [InlineData("many")]
    public async Task A_limit_out_of_range_is_refused(string limit)
    {
        var response = await _factory.CreateAdminClient().GetAsync($"/api/bots/demo/conversations?limit={limit}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
