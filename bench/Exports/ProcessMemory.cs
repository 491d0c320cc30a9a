using System.Globalization;

namespace ChatbotPipeline.Bench.Exports;

/// <summary>This process's resident memory from <c>/proc/self</c> (Linux).</summary>
internal static class ProcessMemory
{
    public static double ResidentMiB() => Read("VmRSS:");

    public static double PeakResidentMiB() => Read("VmHWM:");

    /// <summary>Starts the peak (VmHWM) over from the current resident size, so the peak measures what follows.</summary>
    public static void ResetPeak() => File.WriteAllText("/proc/self/clear_refs", "5");

    private static double Read(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
