using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Training;

/// <summary>
/// The trainings this replica runs at once (<see cref="TrainingOptions.ConcurrentTrainings"/>), in two lanes: a large
/// bot (≥ <see cref="TrainingOptions.LargeBotPhrases"/> phrases) also needs one of all-but-one large places, so one place
/// is always left to small bots — a bot of twenty phrases trains in milliseconds and must not wait minutes behind a
/// bot of thousands.
/// </summary>
public sealed class TrainingSlots
{
    private readonly SemaphoreSlim _places;
    private readonly SemaphoreSlim _largePlaces;
    private readonly int _largeFrom;

    public TrainingSlots(IOptions<TrainingOptions> options)
    {
        var places = options.Value.ConcurrentTrainings;
        _places = new SemaphoreSlim(places, places);
        _largePlaces = new SemaphoreSlim(Math.Max(1, places - 1), Math.Max(1, places - 1));
        _largeFrom = options.Value.LargeBotPhrases;
    }

    /// <summary>Waits for a place for a training of <paramref name="phrases"/> phrases; disposing the result frees it.</summary>
    public async Task<IDisposable> EnterAsync(int phrases, CancellationToken cancellationToken)
    {
        var large = phrases >= _largeFrom;
        if (large)
            await _largePlaces.WaitAsync(cancellationToken);
        try
        {
            await _places.WaitAsync(cancellationToken);
        }
        catch
        {
            if (large)
                _largePlaces.Release();
            throw;
        }
        return new Place(this, large);
    }

    private sealed class Place(TrainingSlots slots, bool large) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1)
                return;
            slots._places.Release();
            if (large)
                slots._largePlaces.Release();
        }
    }
}
