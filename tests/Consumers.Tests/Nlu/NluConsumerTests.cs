using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Backends.Models;
using ChatbotPipeline.Backends.Objects;
using ChatbotPipeline.Consumers.Nlu;
using ChatbotPipeline.Contracts;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Tests.Nlu;

public sealed class NluConsumerTests : IAsyncLifetime
{
    private readonly PipelineTestHost _host = new();

    public async ValueTask InitializeAsync()
    {
        await Some.SeedBotAsync(_host.Get<IBotStore>());
        await Some.PublishModelAsync(_host.Get<IBotStore>(), _host.Get<ModelRepository>(), "v1");
        await _host.StartAsync();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<MessageUnderstood> UnderstandAsync(MessageReceived message)
    {
        await _host.Harness.Bus.Publish(message);
        var published = await Eventually.AtLeastAsync(1, () => _host.Harness.Published.Select<MessageUnderstood>(m => m.Context.Message.Message.MessageId == message.MessageId));
        return published[0].Context.Message;
    }

    [Fact]
    public async Task A_message_that_arrives_before_its_predecessor_waits_for_it()
    {
        var first = Some.Message("where is my order", conversationId: "ordered") with { Sequence = 1 };
        var second = Some.Message("ORD12345", conversationId: "ordered") with { Sequence = 2 };

        await _host.Harness.Bus.Publish(second);
        await Task.Delay(300);
        await _host.Harness.Bus.Publish(first);
        var verdicts = await Eventually.AtLeastAsync(2, () => _host.Harness.Published.Select<MessageUnderstood>(m => m.Context.Message.Message.ConversationId == "ordered"));

        Assert.Equal([first.MessageId, second.MessageId], verdicts.Select(v => v.Context.Message.Message.MessageId));
        Assert.Equal((DialogueStates.Completed, "ORD12345"), (verdicts[1].Context.Message.DialogueState, verdicts[1].Context.Message.Parameters["order_number"]));
    }

    [Fact]
    public async Task A_redelivery_of_a_message_whose_mark_was_lost_marks_it_so_the_next_one_does_not_wait()
    {
        var sequences = _host.Get<Backends.Cache.ConversationSequences>();
        var first = Some.Message("hello", conversationId: "crashed") with { Sequence = 1 };
        await UnderstandAsync(first);
        await sequences.DoneAsync(Some.BotId, "crashed", 0, CancellationToken.None); // the replica died before its mark

        await _host.Harness.Bus.Publish(first);
        await Eventually.AtLeastAsync(2, () => _host.Harness.Published.Select<MessageUnderstood>(m => m.Context.Message.Message.MessageId == first.MessageId));

        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (await sequences.LastDoneAsync(Some.BotId, "crashed", CancellationToken.None) != 1 && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.Equal(1, await sequences.LastDoneAsync(Some.BotId, "crashed", CancellationToken.None));
    }

    [Fact]
    public async Task A_predecessor_that_never_comes_holds_a_message_only_for_the_order_wait()
    {
        var late = Some.Message("hello", conversationId: "gap") with { Sequence = 5, ReceivedAt = DateTimeOffset.UtcNow.AddSeconds(-30) };

        var verdict = await UnderstandAsync(late);

        Assert.Equal("greet", verdict.Intent);
        Assert.Equal(5, await _host.Get<Backends.Cache.ConversationSequences>().LastDoneAsync(Some.BotId, "gap", CancellationToken.None));
    }

    [Fact]
    public async Task A_message_after_a_void_number_does_not_wait_for_it()
    {
        var sequences = _host.Get<Backends.Cache.ConversationSequences>();
        for (var i = 1; i <= 3; i++)
            Assert.Equal(i, await sequences.NextAsync(Some.BotId, "void", CancellationToken.None));
        await UnderstandAsync(Some.Message("hello", conversationId: "void") with { Sequence = 1 });
        await sequences.ReturnAsync(Some.BotId, "void", 2, CancellationToken.None); // 3 was taken: 2 cannot be given back

        var started = DateTime.UtcNow;
        await UnderstandAsync(Some.Message("thanks", conversationId: "void") with { Sequence = 3 });

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(_host.Get<IOptions<NluOptions>>().Value.OrderWaitSeconds),
            "The message waited out the order wait for a number that was void.");
    }

    [Fact]
    public async Task Only_a_conversation_a_chat_page_follows_costs_a_stream_delivery()
    {
        var followed = Some.Message("hello", conversationId: "web-page") with { LiveChat = true };
        var notFollowed = Some.Message("hello", conversationId: "callback-only");

        var streamed = await UnderstandAsync(followed);
        await UnderstandAsync(notFollowed);

        var reply = (await Eventually.AtLeastAsync(1, () => _host.Harness.Published.Select<ChatStreamReply>())).Single().Context.Message;
        Assert.Equal((followed.MessageId, "web-page", streamed.Intent, streamed.Replies), (reply.MessageId, reply.ConversationId, reply.Intent, reply.Replies));
        Assert.DoesNotContain(_host.Harness.Published.Select<ChatStreamReply>(), m => m.Context.Message.MessageId == notFollowed.MessageId);
    }

    [Fact]
    public async Task A_missing_parameter_is_prompted_for_and_the_answer_completes_the_intent()
    {
        var prompt = await UnderstandAsync(Some.Message("where is my order"));
        var answer = await UnderstandAsync(Some.Message("it is ORD12345"));

        Assert.Equal(("order_status", DialogueStates.AwaitingParameter), (prompt.Intent, prompt.DialogueState));
        Assert.Equal(["What is your order number?"], prompt.Replies);
        Assert.Equal(("order_status", DialogueStates.Completed), (answer.Intent, answer.DialogueState));
        Assert.Equal("ORD12345", answer.Parameters["order_number"]);
        Assert.Equal(["Order ORD12345 has shipped."], answer.Replies);
        Assert.Equal("v1", answer.ModelVersion);
        Assert.Equal("order_status", prompt.Ranking![0].Intent);
        Assert.Equal(prompt.Confidence, prompt.Ranking[0].Confidence);
        Assert.InRange(prompt.Ranking.Count, 2, NluConsumer.RankedCandidates);
        Assert.True(prompt.Ranking[0].Confidence >= prompt.Ranking[1].Confidence);
        var entity = Assert.Single(answer.Entities);
        Assert.Equal(("order_number", 6, 14, "regex"), (entity.Entity, entity.Start, entity.End, entity.Extractor));
        Assert.False(await _host.Harness.Published.Any<Fault<MessageReceived>>());
    }

    [Fact]
    public async Task A_redelivered_message_gets_its_first_verdict_without_advancing_the_dialogue()
    {
        var ask = Some.Message("where is my order");
        var first = await UnderstandAsync(ask);
        await UnderstandAsync(Some.Message("ORD12345"));

        await _host.Harness.Bus.Publish(ask);
        var verdicts = await Eventually.AtLeastAsync(2, () => _host.Harness.Published.Select<MessageUnderstood>(m => m.Context.Message.Message.MessageId == ask.MessageId));

        Assert.Equal(first.Replies, verdicts[1].Context.Message.Replies);
        Assert.Equal(first.ProcessedAt, verdicts[1].Context.Message.ProcessedAt);
        var context = await _host.Get<ConversationContextStore>().GetAsync(Some.BotId, "c1", CancellationToken.None);
        Assert.Null(context.IntentId);
    }

    [Fact]
    public async Task Cancel_drops_the_intent_in_progress()
    {
        await UnderstandAsync(Some.Message("where is my order"));

        var cancelled = await UnderstandAsync(Some.Message("cancel"));

        Assert.Equal((DialogueStates.Cancelled, "Cancelled."), (cancelled.DialogueState, Assert.Single(cancelled.Replies)));
        Assert.Null((await _host.Get<ConversationContextStore>().GetAsync(Some.BotId, "c1", CancellationToken.None)).IntentId);
    }

    [Fact]
    public async Task Conversations_keep_their_own_context()
    {
        await UnderstandAsync(Some.Message("where is my order", conversationId: "a"));
        await UnderstandAsync(Some.Message("hello", conversationId: "b"));

        var contexts = _host.Get<ConversationContextStore>();
        Assert.Equal("order_status", (await contexts.GetAsync(Some.BotId, "a", CancellationToken.None)).IntentId);
        Assert.Null((await contexts.GetAsync(Some.BotId, "b", CancellationToken.None)).IntentId);
    }

    [Fact]
    public async Task A_message_for_a_deleted_bot_faults_at_once()
    {
        var message = Some.Message("hi") with { BotId = "deleted" };

        await _host.Harness.Bus.Publish(message);

        Assert.True(await _host.Harness.Published.Any<Fault<MessageReceived>>(f => f.Context.Message.Message.MessageId == message.MessageId));
        var fault = _host.Harness.Published.Select<Fault<MessageReceived>>().First().Context.Message;
        Assert.Contains(fault.Exceptions, e => e.ExceptionType == typeof(UnknownBotException).FullName);
        Assert.Single(_host.Harness.Consumed.Select<MessageReceived>(m => m.Context.Message.MessageId == message.MessageId));
    }

    [Fact]
    public async Task A_model_this_build_cannot_read_is_skipped_and_the_loaded_one_keeps_serving()
    {
        Assert.Equal("v1", (await UnderstandAsync(Some.Message("hello"))).ModelVersion);
        var objects = _host.Get<Backends.Objects.IObjectStore>();
        var manifest = (await _host.Get<ModelRepository>().GetAsync(Some.BotId, "v1", CancellationToken.None))! with { Version = "v2" };
        await objects.PutAsync($"models/{Some.BotId}/v2/model.bin", new MemoryStream("PK an ML.NET zip of old"u8.ToArray()));
        await objects.PutJsonAsync($"models/{Some.BotId}/v2/manifest.json", manifest, CancellationToken.None);

        Assert.Equal("v1", (await _host.Get<ModelRegistry>().ActivateAsync(Some.BotId, "v2", CancellationToken.None))!.Version);
        Assert.Equal("v1", (await UnderstandAsync(Some.Message("hello"))).ModelVersion);
    }

    [Fact]
    public async Task A_newly_published_model_serves_the_next_message_without_a_restart()
    {
        Assert.Equal("v1", (await UnderstandAsync(Some.Message("hello"))).ModelVersion);

        await Some.PublishModelAsync(_host.Get<IBotStore>(), _host.Get<ModelRepository>(), "v2");
        await _host.Harness.Bus.Publish(new ModelPublished(Some.BotId, "v2", "hash-v2", DateTimeOffset.UtcNow));
        await Eventually.AtLeastAsync(1, () => _host.Get<ModelRegistry>().Loaded.Where(m => m.Version == "v2"));

        Assert.Equal("v2", (await UnderstandAsync(Some.Message("hello"))).ModelVersion);
    }
}
