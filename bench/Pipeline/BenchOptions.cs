using System.Globalization;

namespace ChatbotPipeline.Bench.Pipeline;

/// <summary>Command-line options of the pipeline bench.</summary>
/// <param name="Url">A running Ingress to measure; when null the bench starts the embedded default itself.</param>
internal sealed record BenchOptions(int Messages, int[] Concurrency, int Warmup, string? Url, bool Json)
{
    public const string Usage = """
        dotnet run -c Release --project bench/Pipeline -- [--messages N] [--concurrency 1,16,64] [--warmup N] [--url http://host:port] [--json]
          --messages     messages per concurrency level (default 4000)
          --concurrency  simulated users talking at once, comma-separated levels (default 1,16,64)
          --warmup       messages sent before measuring each level (default 200)
          --url          measure a running Ingress (its demo bot, X-Api-Key unused) instead of starting one
          --json         print results as JSON
        """;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(4000, [1, 16, 64], 200, null, false);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            options = args[i] switch
            {
                "--messages" => options with { Messages = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--concurrency" => options with { Concurrency = Next().Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray() },
                "--warmup" => options with { Warmup = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--url" => options with { Url = Next().TrimEnd('/') },
                "--json" => options with { Json = true },
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
        }
        return options;
    }
}
