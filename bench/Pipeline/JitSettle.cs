using System.Globalization;

namespace ChatbotPipeline.Bench.Pipeline;

/// <summary>
/// Warms a process until its JIT has settled, so a measurement sees the code a long-running pipeline runs rather than
/// a fresh process's tiering (the all-in-one host kept the JIT busy for its first ~30 s of traffic, a third of its CPU).
/// Rounds of warm-up messages run until one grows the process's JIT time by less than 1 % of the round's length, at
/// most <see cref="MaxRounds"/> rounds.
/// </summary>
internal static class JitSettle
{
    public const int MaxRounds = 20;

    /// <param name="round">Sends one round of warm-up messages.</param>
    /// <param name="jitSeconds">The measured process's JIT time so far, in seconds.</param>
    /// <returns>The rounds it took.</returns>
    public static async Task<int> WarmAsync(Func<Task> round, Func<Task<double>> jitSeconds)
    {
        for (var rounds = 1; ; rounds++)
        {
            var before = await jitSeconds();
            var started = DateTime.UtcNow;
            await round();
            var grew = await jitSeconds() - before;
            if (grew < 0.01 * (DateTime.UtcNow - started).TotalSeconds || rounds == MaxRounds)
                return rounds;
        }
    }

    /// <summary>This process's JIT time.</summary>
    public static Task<double> OwnAsync() => Task.FromResult(System.Runtime.JitInfo.GetCompilationTime().TotalSeconds);

    /// <summary>A pipeline host's JIT time, from the runtime meter on its <c>/metrics</c>.</summary>
    public static async Task<double> ScrapeAsync(HttpClient http, string url)
    {
        foreach (var line in (await http.GetStringAsync($"{url}/metrics")).Split('\n'))
            if (line.StartsWith("system_runtime_dotnet_jit_compilation_time ", StringComparison.Ordinal))
                return double.Parse(line[(line.IndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
        throw new InvalidOperationException($"{url}/metrics has no system_runtime_dotnet_jit_compilation_time.");
    }
}
