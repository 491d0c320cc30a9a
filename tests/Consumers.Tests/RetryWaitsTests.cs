using ChatbotPipeline.Consumers.Actions;
using ChatbotPipeline.Consumers.Exports;
using ChatbotPipeline.Consumers.Nlu;
using ChatbotPipeline.Consumers.Notifications;
using ChatbotPipeline.Consumers.Records;
using Microsoft.Extensions.Configuration;

namespace ChatbotPipeline.Consumers.Tests;

/// <summary>Configured retry waits replace the defaults; they are not appended to them.</summary>
public sealed class RetryWaitsTests
{
    private static T Bind<T>(string section, params string[] waits) where T : new()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            waits.Select((wait, i) => KeyValuePair.Create($"{section}:RetryIntervalsMilliseconds:{i}", (string?)wait))).Build();
        var options = new T();
        configuration.GetSection(section).Bind(options);
        return options;
    }

    [Fact]
    public void Configured_waits_replace_the_default_ones()
    {
        Assert.Equal([50], Bind<NotificationOptions>(NotificationOptions.Section, "50").RetryWaits);
        Assert.Equal([10, 20], Bind<RecordBatchOptions>(RecordBatchOptions.Section, "10", "20").RetryWaits);
        Assert.Equal([30], Bind<NluOptions>(NluOptions.Section, "30").RetryWaits);
        Assert.Equal([40], Bind<ActionOptions>(ActionOptions.Section, "40").RetryWaits);
        Assert.Equal([60], Bind<ExportOptions>(ExportOptions.Section, "60").RetryWaits);
    }

    [Fact]
    public void Unset_waits_are_the_defaults()
    {
        Assert.Equal([1000, 5000, 15000, 60000], Bind<NotificationOptions>(NotificationOptions.Section).RetryWaits);
        Assert.Equal([100, 1000, 5000, 15000], Bind<RecordBatchOptions>(RecordBatchOptions.Section).RetryWaits);
        Assert.Equal([100, 500, 2000], Bind<NluOptions>(NluOptions.Section).RetryWaits);
        Assert.Equal([500, 2000], Bind<ActionOptions>(ActionOptions.Section).RetryWaits);
        Assert.Equal([1000, 10000, 60000], Bind<ExportOptions>(ExportOptions.Section).RetryWaits);
    }
}
