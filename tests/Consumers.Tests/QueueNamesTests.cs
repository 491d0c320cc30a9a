using ChatbotPipeline.Consumers.Analytics;
using ChatbotPipeline.Consumers.ConversationLog;
using ChatbotPipeline.Consumers.Exports;
using ChatbotPipeline.Consumers.Nlu;
using ChatbotPipeline.Consumers.Notifications;
using ChatbotPipeline.Contracts;
using MassTransit;

namespace ChatbotPipeline.Consumers.Tests;

/// <summary>KEDA and the Helm chart name these queues: renaming a consumer must not move its queue unnoticed.</summary>
public sealed class QueueNamesTests
{
    [Fact]
    public void Consumer_queues_have_the_documented_names()
    {
        var formatter = KebabCaseEndpointNameFormatter.Instance;

        Assert.Equal(QueueNames.Nlu, formatter.Consumer<NluConsumer>());
        Assert.Equal(QueueNames.ConversationLog, formatter.Consumer<ConversationLogConsumer>());
        Assert.Equal(QueueNames.Analytics, formatter.Consumer<AnalyticsConsumer>());
        Assert.Equal(QueueNames.Notification, formatter.Consumer<NotificationConsumer>());
        Assert.Equal(QueueNames.Export, formatter.Consumer<ExportConsumer>());
    }
}
