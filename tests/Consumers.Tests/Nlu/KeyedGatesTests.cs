using ChatbotPipeline.Consumers.Nlu;
using Microsoft.Extensions.Time.Testing;

namespace ChatbotPipeline.Consumers.Tests.Nlu;

/// <summary>One holder per key; a holder that never leaves is passed over once it has held the key past the limit.</summary>
public sealed class KeyedGatesTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task A_held_key_keeps_others_out_until_its_holder_leaves()
    {
        var gates = new KeyedGates();
        var holder = await gates.EnterAsync("c1", Patience, TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.NotNull(holder);
        Assert.Null(await gates.EnterAsync("c1", Patience, TimeSpan.FromMinutes(1), CancellationToken.None));
        Assert.NotNull(await gates.EnterAsync("c2", Patience, TimeSpan.FromMinutes(1), CancellationToken.None));
        holder.Dispose();
        using var next = await gates.EnterAsync("c1", Patience, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.NotNull(next);
    }

    [Fact]
    public async Task A_holder_that_never_leaves_is_passed_over_after_the_hold_limit_and_its_late_leave_frees_nothing()
    {
        // The hold is measured on a clock the test moves: a machine that stalls cannot pass a holder over early.
        var time = new FakeTimeProvider();
        var gates = new KeyedGates(time);
        var limit = TimeSpan.FromSeconds(30);
        var stuck = await gates.EnterAsync("c1", Patience, limit, CancellationToken.None);
        Assert.Null(await gates.EnterAsync("c1", Patience, limit, CancellationToken.None));

        time.Advance(limit);
        var next = await gates.EnterAsync("c1", Patience, limit, CancellationToken.None);

        Assert.NotNull(next);
        stuck!.Dispose();
        Assert.Null(await gates.EnterAsync("c1", Patience, limit, CancellationToken.None));
        next.Dispose();
        using var after = await gates.EnterAsync("c1", Patience, limit, CancellationToken.None);
        Assert.NotNull(after);
        Assert.Equal(1, gates.Count);
    }
}
