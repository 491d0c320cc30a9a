using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ChatbotPipeline.Bench.Webhooks;

/// <summary>wrk's figures for one channel: latencies in microseconds, from the request's first byte out to the answer's last byte in.</summary>
internal sealed record WrkResult(Dictionary<string, long> Statuses, long Requests, long DurationMicroseconds, long Non2xx, long SocketErrors, long P50, long P90, long P99, long P999, long Max)
{
    public double RequestsPerSecond => Requests / (DurationMicroseconds / 1e6);

    public static async Task<WrkResult> RunAsync(string url, string script, int seconds, int connections, int pauseMs)
    {
        // One thread: at this rate wrk needs little, and the Ingress gets the rest of the two cores.
        var start = new ProcessStartInfo("wrk", ["-t1", $"-c{connections}", $"-d{seconds}s", "-s", script, url, "--", pauseMs.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start; apt-get install wrk.");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk printed no result:\n{output}\n{await wrk.StandardError.ReadToEndAsync()}");
        return JsonSerializer.Deserialize<WrkResult>(line["RESULT ".Length..], JsonSerializerOptions.Web)!;
    }
}
