using ChatbotPipeline.Ingress.Tests.Support;

namespace ChatbotPipeline.Ingress.Tests.Flows;

/// <summary>
/// The whole embedded pipeline on <c>Bus__Transport=AmazonSqs</c> (fauxqs, <c>SQS_SERVICE_URL</c>): the webhook publishes
/// to SQS, NLU and the record writers consume from it, and the reply reaches the chat page through this instance's own
/// queue. Skipped without the emulator.
/// </summary>
public sealed class SqsTransportTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private IngressFactory? _factory;

    public async ValueTask InitializeAsync()
    {
        var serviceUrl = Environment.GetEnvironmentVariable("SQS_SERVICE_URL");
        Assert.SkipWhen(string.IsNullOrEmpty(serviceUrl), "SQS_SERVICE_URL is not set: no SQS emulator to run against.");
        _factory = await new IngressFactory(_folder.Path, settings: new Dictionary<string, string?>
        {
            ["Bus:Transport"] = "AmazonSqs",
            ["Bus:AmazonSqs:ServiceUrl"] = serviceUrl,
            ["Bus:AmazonSqs:QueueNamePrefix"] = $"i{Guid.NewGuid():N}"[..12] + "-",
        }).WhenReadyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_webhook_message_is_answered_on_the_chat_stream_and_logged()
    {
        var client = _factory!.CreateClient();
        using var session = await Chat.OpenSessionAsync(client);

        await Chat.SendAsync(client, session, "hello");

        var reply = await LiveRepliesTests.ReadReplyAsync(session.Replies).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal("greet", reply.GetProperty("intent").GetString());
        Assert.Equal("greet", Assert.Single((await Chat.TurnsAsync(_factory.CreateAdminClient(), session.ConversationId, 1)).Turns).Intent);
    }
}
