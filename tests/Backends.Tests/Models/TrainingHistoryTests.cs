using ChatbotPipeline.Backends.Models;
using ChatbotPipeline.Backends.Objects;
using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Backends.Tests.Models;

public sealed class TrainingHistoryTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();
    private readonly FileSystemObjectStore _objects;
    private readonly TrainingHistory _history;

    public TrainingHistoryTests()
    {
        _objects = new FileSystemObjectStore(Options.Create(new ObjectsOptions { FileSystem = new FileSystemObjectsOptions { Path = _folder.Path } }));
        _history = new TrainingHistory(_objects);
    }

    private static TrainingRun Run(int minute, TrainingStatus status = TrainingStatus.Published) =>
        new(TrainingHistory.NewRunId(Start.AddMinutes(minute)), "demo", "request", status, Start.AddMinutes(minute),
            FinishedAt: status == TrainingStatus.Running ? null : Start.AddMinutes(minute).AddSeconds(5));

    [Fact]
    public async Task Runs_list_newest_first_and_a_finished_run_replaces_its_running_record()
    {
        var first = Run(0);
        var second = Run(1, TrainingStatus.Running);
        await _history.SaveAsync(first, CancellationToken.None);
        await _history.SaveAsync(second, CancellationToken.None);
        await _history.SaveAsync(second with { Status = TrainingStatus.Refused, Reason = "worse", FinishedAt = Start.AddMinutes(2) }, CancellationToken.None);

        var runs = await _history.ListAsync("demo", 10, CancellationToken.None);

        Assert.Equal([(second.RunId, TrainingStatus.Refused), (first.RunId, TrainingStatus.Published)], runs.Select(r => (r.RunId, r.Status)));
        Assert.Equal("worse", runs[0].Reason);
        Assert.Empty(await _history.ListAsync("other", 10, CancellationToken.None));
    }

    [Fact]
    public async Task Only_the_most_recent_runs_are_kept()
    {
        for (var minute = 0; minute < TrainingHistory.RetainedRuns + 3; minute++)
            await _history.SaveAsync(Run(minute), CancellationToken.None);

        var runs = await _history.ListAsync("demo", int.MaxValue, CancellationToken.None);

        Assert.Equal(TrainingHistory.RetainedRuns, runs.Count);
        Assert.Equal(Start.AddMinutes(3), runs[^1].StartedAt);
    }

    public void Dispose() => _folder.Dispose();
}
