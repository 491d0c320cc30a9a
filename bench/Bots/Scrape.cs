using System.Globalization;

namespace ChatbotPipeline.Bench.Bots;

/// <summary>What one read of <c>/metrics</c> says: how many series, object-store requests so far, the model cache.</summary>
internal sealed record ScrapeResult(DateTimeOffset At, int Series, IReadOnlyDictionary<string, double> ObjectRequestsByOperation, double ModelsLoaded, double Evictions)
{
    public double ObjectRequests => ObjectRequestsByOperation.Values.Sum();

    /// <summary>Requests since <paramref name="earlier"/>, by operation: "get 12, list 2".</summary>
    public string RequestsSince(ScrapeResult earlier) => string.Join(", ", ObjectRequestsByOperation
        .Select(p => (p.Key, Count: p.Value - earlier.ObjectRequestsByOperation.GetValueOrDefault(p.Key))).Where(p => p.Count > 0).Select(p => $"{p.Key} {p.Count:F0}"));
}

internal sealed class Scrape(HttpClient http, string url)
{
    public async Task<ScrapeResult> ReadAsync()
    {
        var text = await http.GetStringAsync($"{url}/metrics");
        var samples = text.Split('\n').Where(line => line.Length > 0 && line[0] != '#').ToList();
        double Sum(string name) => samples.Where(line => line.StartsWith(name, StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
        var requests = samples.Where(line => line.StartsWith("chatbotpipeline_objects_requests{operation=\"", StringComparison.Ordinal))
            .ToDictionary(line => line.Split('"')[1], line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
        return new ScrapeResult(DateTimeOffset.UtcNow, samples.Count, requests,
            Sum("chatbotpipeline_nlu_models_loaded"), Sum("chatbotpipeline_nlu_models_evictions"));
    }
}
