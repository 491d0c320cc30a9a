using System.Globalization;

namespace ChatbotPipeline.Bench.Webhooks;

/// <summary>Command-line options of the webhook acknowledgement bench.</summary>
internal sealed record BenchOptions(int Seconds, int Connections, int PauseMilliseconds, string[] Channels, bool IngressOnly,
    IReadOnlyDictionary<string, string> Settings)
{
    public static readonly string[] AllChannels = ["slack", "telegram", "messenger", "whatsapp", "twilio", "rest"];

    public const string Usage = """
        dotnet run -c Release --project bench/Webhooks -- [--connections 12] [--pause-ms 10] [--seconds 30] [--channels slack,telegram,...] [--ingress-only] [--set KEY=VALUE]
          --connections   wrk's open connections, each sending a request, waiting for the answer, then pausing:
          --pause-ms      the pause; the rate is connections / (pause + latency): 12 and 10 ms make about 1,000 requests/s
          --seconds       measured seconds per channel, after 5 s of warm-up
          --channels      which webhooks (default: slack,telegram,messenger,whatsapp,twilio,rest)
          --ingress-only  run the Ingress without the embedded workers (as deployed next to separate consumers)
          --set KEY=VALUE an environment setting for the Ingress, e.g. --set Nlu__ConcurrentMessageLimit=1 (repeatable)
        Needs wrk on the PATH (Debian: apt-get install wrk).
        """;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(30, 12, 10, AllChannels, false, new Dictionary<string, string>());
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            options = args[i] switch
            {
                "--pause-ms" => options with { PauseMilliseconds = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--seconds" => options with { Seconds = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--connections" => options with { Connections = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--channels" => options with { Channels = Next().Split(',') },
                "--ingress-only" => options with { IngressOnly = true },
                "--set" => Next().Split('=', 2) is [var key, var value]
                    ? options with { Settings = new Dictionary<string, string>(options.Settings) { [key] = value } }
                    : throw new ArgumentException($"--set takes KEY=VALUE.\n{Usage}"),
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
        }
        if (options.Channels.Except(AllChannels).FirstOrDefault() is { } unknown)
            throw new ArgumentException($"Unknown channel {unknown}.\n{Usage}");
        return options;
    }
}
