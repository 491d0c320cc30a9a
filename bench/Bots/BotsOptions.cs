using System.Globalization;

namespace ChatbotPipeline.Bench.Bots;

internal sealed record BotsOptions(int[] BotCounts, int BudgetMegabytes, int Messages, int Users, int IdleSeconds, string? S3Url, string Encoder, bool Training)
{
    public static BotsOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        return new BotsOptions(
            (Value("--bots") ?? "10,1000").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray(),
            Number("--budget-mb", 256), Number("--messages", 2000), Number("--users", 8), Number("--idle-seconds", 60),
            Value("--s3-url"), Value("--encoder") ?? "minilm", args.Contains("--training"));
    }
}
