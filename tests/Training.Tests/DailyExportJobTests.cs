using ChatbotPipeline.Backends.Documents;
using ChatbotPipeline.Backends.Exports;
using ChatbotPipeline.Contracts;
using ChatbotPipeline.Nlu.Definitions;
using MassTransit.Testing;

namespace ChatbotPipeline.Training.Tests;

/// <summary>The nightly job asks for yesterday's export of each bot that wants one, once however often it runs.</summary>
public sealed class DailyExportJobTests : IAsyncLifetime
{
    private readonly TrainingTestHost _host = new();

    public async ValueTask InitializeAsync()
    {
        await _host.Get<IBotStore>().CreateBotAsync(new Bot("nightly", "Nightly", DailyExport: true));
        await _host.Get<IBotStore>().CreateBotAsync(new Bot("never", "Never"));
        await _host.Harness.Start();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Yesterdays_export_is_requested_once_for_bots_with_daily_exports()
    {
        var job = new DailyExportJob(_host.Get<IBotStore>(), _host.Get<ExportRecords>(), _host.Harness.Bus, TimeProvider.System);
        var now = new DateTimeOffset(2026, 11, 28, 0, 30, 5, TimeSpan.Zero);

        await job.RequestAsync(now, CancellationToken.None);
        await job.RequestAsync(now.AddMinutes(10), CancellationToken.None);

        Assert.True(await _host.Harness.Published.Any<ExportRequested>());
        var request = Assert.Single(_host.Harness.Published.Select<ExportRequested>()).Context.Message;
        Assert.Equal(("daily-nightly-20261127", "nightly"), (request.ExportId, request.BotId));
        Assert.Equal((new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero)), (request.From, request.To));
        Assert.Equal(ExportState.Pending, (await _host.Get<ExportRecords>().GetAsync(request.ExportId, CancellationToken.None))!.State);
    }
}
