using ChatbotPipeline.Consumers.Analytics;
using ChatbotPipeline.Consumers.ConversationLog;
using ChatbotPipeline.Consumers.Exports;
using ChatbotPipeline.Consumers.Nlu;
using ChatbotPipeline.Consumers.Notifications;
using ChatbotPipeline.Consumers.Records;
using ChatbotPipeline.Contracts;
using MassTransit;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Consumers.Tests;

/// <summary>KEDA and the Helm chart name these queues: renaming a consumer must not move its queue unnoticed.</summary>
public sealed class QueueNamesTests
{
    [Fact]
    public void Consumer_queues_have_the_documented_names()
    {
        var formatter = KebabCaseEndpointNameFormatter.Instance;

        Assert.Equal(QueueNames.Nlu, formatter.Consumer<NluConsumer>());
        Assert.Equal(QueueNames.Notification, formatter.Consumer<NotificationConsumer>());
        Assert.Equal(QueueNames.Export, formatter.Consumer<ExportConsumer>());
    }

    [Fact]
    public void The_conversation_log_and_analytics_share_the_records_queue()
    {
        var options = Options.Create(new RecordBatchOptions());

        Assert.Equal(QueueNames.Records, ((IConsumerDefinition)new ConversationLogConsumerDefinition(options)).GetEndpointName(KebabCaseEndpointNameFormatter.Instance));
        Assert.Equal(QueueNames.Records, ((IConsumerDefinition)new AnalyticsConsumerDefinition(options)).GetEndpointName(KebabCaseEndpointNameFormatter.Instance));
    }
}
