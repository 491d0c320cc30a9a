using System.Net;
using System.Text.Json;
using ChatbotPipeline.Backends.Cache;
using ChatbotPipeline.Channels.Replies;
using ChatbotPipeline.Consumers.Notifications;
using ChatbotPipeline.Contracts;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatbotPipeline.Consumers.Tests.Notifications;

public sealed class NotificationConsumerTests
{
    private const string Callback = "http://callbacks.test/replies";

    private static async Task<PipelineTestHost> StartAsync(RecordingHandler handler) =>
        await new PipelineTestHost(configure: services => services.AddHttpClient<ReplyHttp>().ConfigurePrimaryHttpMessageHandler(() => handler)).StartAsync();

    [Fact]
    public async Task Replies_are_posted_to_the_callback_in_rasa_shape()
    {
        var handler = new RecordingHandler();
        await using var host = await StartAsync(handler);
        var understood = Some.Understood(Some.Message("hi", replyTo: Callback), "greet", "Hello!", "How can I help?");

        await host.Harness.Bus.Publish(understood);

        var request = (await Eventually.AtLeastAsync(1, () => handler.Requests))[0];
        Assert.Equal(new Uri(Callback), request.Uri);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(understood.Message.MessageId, body.RootElement.GetProperty("messageId").GetString());
        Assert.Equal("greet", body.RootElement.GetProperty("intent").GetString());
        var messages = body.RootElement.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["Hello!", "How can I help?"], messages.Select(m => m.GetProperty("text").GetString()));
        Assert.All(messages, m => Assert.Equal("u1", m.GetProperty("recipient_id").GetString()));
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_until_it_takes_the_reply()
    {
        var handler = new RecordingHandler().AnswerFirst(HttpStatusCode.ServiceUnavailable, HttpStatusCode.TooManyRequests);
        await using var host = await StartAsync(handler);

        await host.Harness.Bus.Publish(Some.Understood(Some.Message("hi", replyTo: Callback)));

        await Eventually.AtLeastAsync(3, () => handler.Requests);
        Assert.True(await host.Harness.Consumed.Any<MessageUnderstood>());
        Assert.False(await host.Harness.Published.Any<Fault<MessageUnderstood>>());
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task A_receiver_that_refuses_the_reply_is_not_retried_and_the_message_faults()
    {
        var handler = new RecordingHandler().AnswerFirst(HttpStatusCode.BadRequest);
        await using var host = await StartAsync(handler);

        await host.Harness.Bus.Publish(Some.Understood(Some.Message("hi", replyTo: Callback)));

        Assert.True(await host.Harness.Published.Any<Fault<MessageUnderstood>>());
        var fault = host.Harness.Published.Select<Fault<MessageUnderstood>>().First().Context.Message;
        Assert.Equal(typeof(ReplyRejectedException).FullName, fault.Exceptions[0].ExceptionType);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task While_the_delivery_memory_is_unreachable_nothing_is_sent_and_every_copy_is_delivered_once_after()
    {
        var handler = new RecordingHandler();
        SwitchableCache? cache = null;
        await using var host = await new PipelineTestHost(
            settings: new Dictionary<string, string?> { ["Notifications:MemoryWaitMilliseconds"] = "20", ["Notifications:MemoryWaitAttempts"] = "3000" },
            configure: services =>
            {
                services.AddHttpClient<ReplyHttp>().ConfigurePrimaryHttpMessageHandler(() => handler);
                services.AddSingleton<ICacheStore>(provider => cache = new SwitchableCache(ActivatorUtilities.CreateInstance<MemoryCacheStore>(provider)));
            }).StartAsync();
        host.Get<ICacheStore>();
        cache!.Down = true;
        var understood = Some.Understood(Some.Message("hi", replyTo: Callback));

        // A redelivered copy arrives during the outage too, as after a consumer restart.
        await host.Harness.Bus.Publish(understood);
        await host.Harness.Bus.Publish(understood);
        await Task.Delay(300);
        var duringOutage = handler.Requests.Count;
        cache.Down = false;

        await Eventually.AtLeastAsync(2, () => host.Harness.Consumed.Select<MessageUnderstood>());
        await Task.Delay(200);
        Assert.Equal(0, duringOutage);
        Assert.Single(handler.Requests);
        Assert.False(await host.Harness.Published.Any<Fault<MessageUnderstood>>());
    }

    [Fact]
    public async Task A_redelivered_message_is_delivered_once()
    {
        var handler = new RecordingHandler();
        await using var host = await StartAsync(handler);
        var understood = Some.Understood(Some.Message("hi", replyTo: Callback));

        await host.Harness.Bus.Publish(understood);
        await Eventually.AtLeastAsync(1, () => handler.Requests);
        await host.Harness.Bus.Publish(understood);

        await Eventually.AtLeastAsync(2, () => host.Harness.Consumed.Select<MessageUnderstood>());
        Assert.Single(handler.Requests);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ftp://files.test/x")]
    [InlineData("not a url")]
    public async Task Without_an_http_reply_address_nothing_is_posted(string? replyTo)
    {
        var handler = new RecordingHandler();
        await using var host = await StartAsync(handler);

        await host.Harness.Bus.Publish(Some.Understood(Some.Message("hi", replyTo: replyTo)));

        Assert.True(await host.Harness.Consumed.Any<MessageUnderstood>());
        Assert.False(await host.Harness.Published.Any<Fault<MessageUnderstood>>());
        Assert.Empty(handler.Requests);
    }
}
