using System.Net;
using System.Text.Json;
using ChatbotPipeline.Consumers.Notifications;
using ChatbotPipeline.Consumers.Tests.Notifications;
using ChatbotPipeline.Contracts;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatbotPipeline.Consumers.Tests.Alerts;

/// <summary>Each alert reaches the operator's webhook once per incident window, however often its cause repeats.</summary>
public sealed class AlertTests
{
    private const string Webhook = "http://alerts.test/hook";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly RecordingHandler _handler = new();

    private async Task<PipelineTestHost> StartAsync(bool webhook = true)
    {
        var all = new Dictionary<string, string?>
        {
            ["Alerts:IncidentWindowMinutes"] = "30",
            ["Alerts:FallbackMinimumMessages"] = "4",
            ["Alerts:FallbackRateThreshold"] = "0.5",
            ["Alerts:DeadLetterThreshold"] = "2",
        };
        if (webhook)
            all["Alerts:Webhooks:0"] = Webhook;
        return await new PipelineTestHost(all, services =>
        {
            services.AddSingleton<TimeProvider>(_time);
            services.AddHttpClient<ReplyHttp>().ConfigurePrimaryHttpMessageHandler(() => _handler);
        }).StartAsync();
    }

    private List<JsonElement> Posted() => _handler.Requests.Where(r => r.Uri == new Uri(Webhook)).Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();

    private static OperatorAlert Alert(string subject) =>
        OperatorAlert.Raise(AlertKinds.TrainingFailed, AlertSeverities.Error, subject, $"Bot {subject}: training failed: out of memory", DateTimeOffset.UtcNow);

    [Fact]
    public async Task Alerts_of_one_incident_reach_the_webhook_once_per_window()
    {
        await using var host = await StartAsync();

        for (var i = 0; i < 5; i++)
            await host.Harness.Bus.Publish(Alert("shop"));
        await host.Harness.Bus.Publish(Alert("travel"));
        await Eventually.AtLeastAsync(6, () => host.Harness.Consumed.Select<OperatorAlert>());
        Assert.Equal(["shop", "travel"], Posted().Select(p => p.GetProperty("subject").GetString()).Order());

        _time.Advance(TimeSpan.FromMinutes(31));
        await host.Harness.Bus.Publish(Alert("shop"));
        await Eventually.AtLeastAsync(7, () => host.Harness.Consumed.Select<OperatorAlert>());

        var posted = Posted();
        Assert.Equal(3, posted.Count);
        Assert.Equal(("Bot shop: training failed: out of memory", AlertKinds.TrainingFailed, AlertSeverities.Error),
            (posted[2].GetProperty("text").GetString(), posted[2].GetProperty("kind").GetString(), posted[2].GetProperty("severity").GetString()));
    }

    [Fact]
    public async Task A_fallback_rate_above_the_threshold_alerts_once_while_it_lasts()
    {
        await using var host = await StartAsync();

        for (var i = 0; i < 12; i++)
            await host.Harness.Bus.Publish(Some.Understood(Some.Message($"blorp {i}", conversationId: $"c{i}"), "fallback"));

        await Eventually.AtLeastAsync(1, () => host.Harness.Consumed.Select<OperatorAlert>());
        await Eventually.AtLeastAsync(12, () => host.Harness.Consumed.Select<MessageUnderstood>());
        await Task.Delay(200, TestContext.Current.CancellationToken);
        var alert = Assert.Single(Posted());
        Assert.Equal((AlertKinds.FallbackRate, Some.BotId), (alert.GetProperty("kind").GetString(), alert.GetProperty("subject").GetString()));
        Assert.Contains("fell back", alert.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Dead_letters_above_the_threshold_on_a_queue_alert_once()
    {
        await using var host = await StartAsync();
        _handler.ByHost["callbacks.test"] = HttpStatusCode.BadRequest;

        for (var i = 0; i < 6; i++)
            await host.Harness.Bus.Publish(Some.Understood(Some.Message("hi", replyTo: "http://callbacks.test/replies")));

        await Eventually.AtLeastAsync(6, () => host.Harness.Published.Select<Fault<MessageUnderstood>>());
        await Eventually.AtLeastAsync(1, () => host.Harness.Consumed.Select<OperatorAlert>());
        await Task.Delay(200, TestContext.Current.CancellationToken);
        var alert = Assert.Single(Posted());
        Assert.Equal(AlertKinds.DeadLetters, alert.GetProperty("kind").GetString());
        // The test harness names endpoints in Pascal case; the hosts' kebab-case formatter makes it "notification".
        Assert.Equal(QueueNames.Notification, alert.GetProperty("subject").GetString(), ignoreCase: true);
    }

    [Fact]
    public async Task Dead_letters_of_the_action_queue_are_consumed_and_alert()
    {
        await using var host = await StartAsync();

        // A bot that is gone fails its action at once (not retried): each is a dead letter of the action queue.
        for (var i = 0; i < 3; i++)
            await host.Harness.Bus.Publish(new ActionRequested(Some.Understood(Some.Message($"ORD{i}", conversationId: $"gone{i}") with { BotId = "gone" })));

        await Eventually.AtLeastAsync(3, () => host.Harness.Consumed.Select<Fault<ActionRequested>>());
        await Eventually.AtLeastAsync(1, () => host.Harness.Consumed.Select<OperatorAlert>());
        var alert = Assert.Single(Posted());
        Assert.Equal(AlertKinds.DeadLetters, alert.GetProperty("kind").GetString());
        Assert.Equal(QueueNames.Action, alert.GetProperty("subject").GetString(), ignoreCase: true);
    }

    [Fact]
    public async Task Without_webhooks_alerts_are_only_logged()
    {
        await using var host = await StartAsync(webhook: false);

        await host.Harness.Bus.Publish(Alert("shop"));

        Assert.True(await host.Harness.Consumed.Any<OperatorAlert>());
        Assert.Empty(_handler.Requests);
    }
}
