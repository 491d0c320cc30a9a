using System.Globalization;

namespace ChatbotPipeline.Bench.Pipeline;

/// <summary>Command-line options of the pipeline bench.</summary>
/// <param name="Url">A running Ingress to measure; when null the bench starts the embedded default itself.</param>
/// <param name="RabbitMq">host:port of a RabbitMQ node: measure on it, next to the raw MassTransit ceiling.</param>
/// <param name="Redis">A Redis configuration string: the cache for the RabbitMQ run.</param>
internal sealed record BenchOptions(int Messages, int[] Concurrency, int Warmup, string? Url, bool Json,
    string? RabbitMq = null, string RabbitMqNode = "rabbit@localhost", string? Redis = null, string? Sqs = null, string?[]? EncoderNames = null, bool UniqueTexts = false,
    string? RasaProject = null, int Rounds = 1)
{
    public const string Usage = """
        dotnet run -c Release --project bench/Pipeline -- [--messages N] [--concurrency 1,16,64] [--warmup N] [--url http://host:port] [--json] [--rounds N]
                                                          [--rabbitmq host:port [--rabbitmq-node rabbit@localhost] | --sqs http://host:port] [--redis host:port] [--encoder none,minilm,minilm-static] [--unique-texts]
                                                          [--rasa-project ../shared/bots/rasa/moodbot]
          --messages     messages per concurrency level (default 4000)
          --concurrency  simulated users talking at once, comma-separated levels (default 1,16,64)
          --warmup       messages per warm-up round before measuring each level (default 200); rounds repeat until the
                         measured process's JIT settles (a round grows its JIT time by < 1 % of the round), at most 20
          --url          measure a running Ingress (its demo bot, X-Api-Key unused) instead of starting one
          --json         print results as JSON
          --rounds       measure each level this many times, the raw ceiling right before each round (default 1); prints
                         every round and, per level, the median share of the ceiling with the lowest and highest
          --rabbitmq     run the Ingress on this RabbitMQ (fresh virtual hosts via rabbitmqctl on --rabbitmq-node) and
                         first measure the raw MassTransit ceiling there: one no-op hop, and the pipeline's shape with no-op consumers
          --sqs          run the Ingress on the SQS transport at this endpoint (e.g. fauxqs), queues under a fresh prefix
          --redis        Redis as the cache
          --encoder      the demo bot's sentence encoder: none (n-grams only), minilm, minilm-static; several, comma-separated,
                         run one after the other (each on a fresh pipeline) and are compared with the first (default: as configured, minilm)
          --unique-texts every message a text never seen before, so no cache of sentence vectors helps
          --rasa-project also import this Rasa project as a second bot in the same pipeline and run the same levels on it,
                         with a script from its first story: the dialogue decision's time by policy (stories vs intents)
        """;

    /// <summary>The encoders to measure, in order; one null entry means the pipeline's configured default.</summary>
    public string?[] Encoders => EncoderNames is { Length: > 0 } names ? names : [null];

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
                "--rabbitmq" => options with { RabbitMq = Next() },
                "--rabbitmq-node" => options with { RabbitMqNode = Next() },
                "--redis" => options with { Redis = Next() },
                "--sqs" => options with { Sqs = Next() },
                "--encoder" => options with { EncoderNames = Next().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) },
                "--unique-texts" => options with { UniqueTexts = true },
                "--rasa-project" => options with { RasaProject = Next() },
                "--rounds" => options with { Rounds = int.Parse(Next(), CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
        }
        if (options.Rounds < 1)
            throw new ArgumentException($"--rounds must be at least 1.\n{Usage}");
        return options;
    }
}
