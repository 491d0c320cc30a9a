namespace ChatbotPipeline.Consumers.Tests;

/// <summary>Waits for something the bus does in the background, failing after a generous timeout.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>The items once there are at least <paramref name="count"/> of them.</summary>
    public static async Task<List<T>> AtLeastAsync<T>(int count, Func<IEnumerable<T>> items)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var current = items().ToList();
            if (current.Count >= count)
                return current;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Expected at least {count} items within {Timeout.TotalSeconds} s; saw {current.Count}.");
            await Task.Delay(20);
        }
    }

    /// <summary>Returns once <paramref name="condition"/> holds.</summary>
    /// <param name="timeout">Longer than the default for work that polls on an interval of its own.</param>
    public static async Task TrueAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Timeout;
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The condition did not hold within {limit.TotalSeconds} s.");
            await Task.Delay(20);
        }
    }
}
