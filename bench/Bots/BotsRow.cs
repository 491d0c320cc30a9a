using System.Globalization;

namespace ChatbotPipeline.Bench.Bots;

internal sealed record BotsRow(int Bots, double IdleRssMiB, double LoadRssMiB, double PeakRssMiB, int Series, double IdleRequests, TimeSpan Idle,
    double LoadRequests, TimeSpan LoadTime, ZipfResult Load, double ModelsLoaded, double Evictions)
{
    public const string Header =
        "| bots | RSS idle | RSS after load (peak) | series per scrape | object-store requests/min idle | under load | bots messaged | first message p50 / p99 | later p50 / p99 | models loaded | evictions |\n" +
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    public string Markdown() => string.Create(CultureInfo.InvariantCulture,
        $"| {Bots:N0} | {IdleRssMiB:F0} MiB | {LoadRssMiB:F0} ({PeakRssMiB:F0}) MiB | {Series:N0} | {IdleRequests / Idle.TotalMinutes:F1} | {LoadRequests / LoadTime.TotalMinutes:F0} | " +
        $"{Load.BotsReached:N0} | {ZipfResult.Percentile(Load.First, 0.5):F0} / {ZipfResult.Percentile(Load.First, 0.99):F0} ms | " +
        $"{ZipfResult.Percentile(Load.Later, 0.5):F0} / {ZipfResult.Percentile(Load.Later, 0.99):F0} ms | {ModelsLoaded:F0} | {Evictions:F0} |");
}
