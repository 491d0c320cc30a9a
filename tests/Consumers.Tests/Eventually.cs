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
}
