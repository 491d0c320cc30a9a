using Microsoft.Extensions.Options;

namespace ChatbotPipeline.Training.Tests;

/// <summary>Trainings at once, in lanes: large bots never take the last place, so a small bot never waits behind them.</summary>
public sealed class TrainingSlotsTests
{
    private static TrainingSlots Slots(int places) =>
        new(Options.Create(new TrainingOptions { ConcurrentTrainings = places, LargeBotPhrases = 1000 }));

    [Fact]
    public async Task A_small_bot_gets_the_place_large_ones_leave_while_the_next_large_one_waits()
    {
        var slots = Slots(places: 2);
        using var large = await slots.EnterAsync(3000, CancellationToken.None);

        var nextLarge = slots.EnterAsync(5000, CancellationToken.None);
        var small = slots.EnterAsync(20, CancellationToken.None);

        Assert.True(small.IsCompletedSuccessfully);
        Assert.False(nextLarge.IsCompleted);
        large.Dispose();
        using (await nextLarge.WaitAsync(TimeSpan.FromSeconds(5))) { }
        (await small).Dispose();
    }

    [Fact]
    public async Task Small_bots_queue_behind_small_ones_when_every_place_is_taken()
    {
        var slots = Slots(places: 2);
        using var first = await slots.EnterAsync(10, CancellationToken.None);
        var second = await slots.EnterAsync(10, CancellationToken.None);

        var third = slots.EnterAsync(10, CancellationToken.None);

        Assert.False(third.IsCompleted);
        second.Dispose();
        second.Dispose(); // twice frees one place, not two
        using var held = await third.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(slots.EnterAsync(10, CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task With_one_place_a_large_bot_still_trains()
    {
        using var large = await Slots(places: 1).EnterAsync(3000, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
    }
}
