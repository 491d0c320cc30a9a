using System.Diagnostics;
using ChatbotPipeline.Backends.Cache;
using ChatbotPipeline.Bus;
using ChatbotPipeline.Contracts;
using ChatbotPipeline.Ingress.Tests.Support;
using ChatbotPipeline.Ingress.Webhooks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatbotPipeline.Ingress.Tests.Webhooks;

/// <summary>
/// The intake's claim on a platform message id never outlives a message that was not handed to the bus: a client
/// that gives up, a publish that hangs, a host that dies between claim and publish — each retry is taken exactly once.
/// </summary>
public sealed class MessageIntakeTests
{
    private const int PublishTimeoutSeconds = 1;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly ScriptedPublisher _publisher = new();
    private readonly MemoryCacheStore _cache;
    private readonly MessageIntake _intake;
    private readonly PlatformMessageIds _ids;

    public MessageIntakeTests()
    {
        _cache = new MemoryCacheStore(_time, Options.Create(new CacheOptions()), NullLogger<MemoryCacheStore>.Instance);
        var bus = Options.Create(new BusOptions { PublishTimeoutSeconds = PublishTimeoutSeconds });
        var ingress = Options.Create(new IngressOptions());
        _ids = new PlatformMessageIds(_cache, ingress, bus);
        _intake = new MessageIntake(_ids, new AdmissionLimiter(_cache, ingress, _time), new ConversationSequences(_cache), _publisher, bus, NullLogger<MessageIntake>.Instance);
    }

    private static MessageReceived Message() => new(Guid.NewGuid().ToString("N"), "demo", ChannelNames.Rest, "u1", "u1", "hello", null,
        DateTimeOffset.UnixEpoch, new Dictionary<string, string>());

    [Fact]
    public async Task A_conversations_messages_are_numbered_in_the_order_they_are_published()
    {
        await _intake.AdmitAsync(Message(), null, CancellationToken.None);
        await _intake.AdmitAsync(Message(), null, CancellationToken.None);
        await _intake.AdmitAsync(Message() with { ConversationId = "u2" }, null, CancellationToken.None);

        Assert.Equal([(1L, "u1"), (2L, "u1"), (1L, "u2")], _publisher.Published.Cast<MessageReceived>().Select(m => (m.Sequence, m.ConversationId)));
    }

    [Fact]
    public async Task A_number_whose_message_the_broker_refused_is_given_back()
    {
        _publisher.Behaviour = (_, _) => throw new InvalidOperationException("broker down");
        var refused = await _intake.AdmitAsync(Message(), null, CancellationToken.None);
        _publisher.Behaviour = (_, _) => Task.CompletedTask;

        await _intake.AdmitAsync(Message(), null, CancellationToken.None);

        Assert.Equal(IntakeOutcome.Unavailable, refused.Outcome);
        Assert.Equal([1L, 1L], _publisher.Published.Cast<MessageReceived>().Select(m => m.Sequence));
    }

    [Fact]
    public async Task A_refused_number_a_later_message_took_past_is_marked_void()
    {
        var sequences = new ConversationSequences(_cache);
        var refusing = new TaskCompletionSource();
        _publisher.Behaviour = (_, _) => refusing.Task;
        var first = _intake.AdmitAsync(Message(), null, CancellationToken.None);
        _publisher.Behaviour = (_, _) => Task.CompletedTask;
        await _intake.AdmitAsync(Message(), null, CancellationToken.None); // numbered 2 while 1 is still publishing
        refusing.SetException(new InvalidOperationException("broker down"));

        Assert.Equal(IntakeOutcome.Unavailable, (await first).Outcome);
        Assert.True(await sequences.AllVoidAsync("demo", "u1", 1, 1, CancellationToken.None));
        Assert.False(await sequences.AllVoidAsync("demo", "u1", 1, 2, CancellationToken.None));
    }

    [Fact]
    public async Task A_client_that_hung_up_still_gets_its_message_queued_and_its_retry_is_a_duplicate()
    {
        using var hungUp = new CancellationTokenSource();
        await hungUp.CancelAsync();

        var first = await _intake.AdmitAsync(Message(), "p-1", hungUp.Token);
        var retry = await _intake.AdmitAsync(Message(), "p-1", CancellationToken.None);

        Assert.Equal((IntakeOutcome.Accepted, IntakeOutcome.Duplicate), (first.Outcome, retry.Outcome));
        Assert.Equal(first.MessageId, retry.MessageId);
        Assert.Single(_publisher.Published);
    }

    [Fact]
    public async Task A_publish_that_ignores_cancellation_is_abandoned_at_the_timeout_and_the_retry_is_taken()
    {
        _publisher.Behaviour = ScriptedPublisher.Hang;
        var clock = Stopwatch.StartNew();

        var first = await _intake.AdmitAsync(Message(), "p-2", CancellationToken.None);

        Assert.Equal(IntakeOutcome.Unavailable, first.Outcome);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0, PublishTimeoutSeconds + 2);
        _publisher.Behaviour = (_, _) => Task.CompletedTask;
        var retry = await _intake.AdmitAsync(Message(), "p-2", CancellationToken.None);
        Assert.Equal(IntakeOutcome.Accepted, retry.Outcome);
        Assert.Equal(first.MessageId, retry.MessageId);
    }

    [Fact]
    public async Task A_refused_publish_releases_the_claim()
    {
        _publisher.Behaviour = (_, _) => Task.FromException(new InvalidOperationException("broker unreachable"));

        Assert.Equal(IntakeOutcome.Unavailable, (await _intake.AdmitAsync(Message(), "p-3", CancellationToken.None)).Outcome);

        _publisher.Behaviour = (_, _) => Task.CompletedTask;
        Assert.Equal(IntakeOutcome.Accepted, (await _intake.AdmitAsync(Message(), "p-3", CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task A_retry_while_the_first_delivery_is_publishing_is_told_to_retry_not_that_it_was_taken()
    {
        var broker = new TaskCompletionSource();
        _publisher.Behaviour = (_, _) => broker.Task;

        var first = _intake.AdmitAsync(Message(), "p-4", CancellationToken.None);
        var during = await _intake.AdmitAsync(Message(), "p-4", CancellationToken.None);
        broker.SetResult();
        var after = await _intake.AdmitAsync(Message(), "p-4", CancellationToken.None);

        Assert.Equal(IntakeOutcome.InFlight, during.Outcome);
        Assert.True(during.RetryAfter > TimeSpan.Zero);
        Assert.Equal(IntakeOutcome.Accepted, (await first).Outcome);
        Assert.Equal(IntakeOutcome.Duplicate, after.Outcome);
    }

    [Fact]
    public async Task A_pending_claim_left_by_a_killed_host_expires_and_the_retry_gets_the_same_message_id()
    {
        // What a host killed between its claim and the broker's answer leaves behind.
        var messageId = PlatformMessageIds.MessageIdFor("demo", ChannelNames.Rest, "p-5");
        Assert.Equal(PlatformClaimState.Claimed, (await _ids.ClaimAsync("demo", ChannelNames.Rest, "p-5", messageId, CancellationToken.None)).State);

        var soon = await _intake.AdmitAsync(Message(), "p-5", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(PublishTimeoutSeconds) + PlatformMessageIds.PendingMargin + TimeSpan.FromMilliseconds(1));
        var later = await _intake.AdmitAsync(Message(), "p-5", CancellationToken.None);

        Assert.Equal(IntakeOutcome.InFlight, soon.Outcome);
        Assert.Equal((IntakeOutcome.Accepted, messageId), (later.Outcome, later.MessageId));
    }

    [Fact]
    public async Task A_taken_mark_lasts_the_duplicate_window()
    {
        await _intake.AdmitAsync(Message(), "p-6", CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(23));

        Assert.Equal(IntakeOutcome.Duplicate, (await _intake.AdmitAsync(Message(), "p-6", CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task Messages_without_a_platform_id_keep_their_own_ids_and_are_never_deduplicated()
    {
        var one = Message();
        var results = new[] { await _intake.AdmitAsync(one, null, CancellationToken.None), await _intake.AdmitAsync(Message(), null, CancellationToken.None) };

        Assert.All(results, r => Assert.Equal(IntakeOutcome.Accepted, r.Outcome));
        Assert.Equal(one.MessageId, results[0].MessageId);
        Assert.Equal(2, _publisher.Published.Count);
    }

    [Fact]
    public void The_message_id_of_a_platform_message_depends_on_bot_channel_and_platform_id_only()
    {
        var id = PlatformMessageIds.MessageIdFor("demo", "slack", "Ev1");

        Assert.Equal(id, PlatformMessageIds.MessageIdFor("demo", "slack", "Ev1"));
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.NotEqual(id, PlatformMessageIds.MessageIdFor("demo", "telegram", "Ev1"));
        Assert.NotEqual(id, PlatformMessageIds.MessageIdFor("other", "slack", "Ev1"));
    }
}
