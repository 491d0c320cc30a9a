namespace ChatbotPipeline.Bus.AmazonSqs;

/// <summary>The physical SQS names of a logical queue and its dead-letter queue.</summary>
public static class SqsQueueNames
{
    public const string FifoSuffix = ".fifo";

    public static string Queue(AmazonSqsOptions options, string queue) => Name(options, queue);

    public static string DeadLetter(AmazonSqsOptions options, string queue) => Name(options, $"{queue}-dlq");

    private static string Name(AmazonSqsOptions options, string name)
    {
        var full = options.QueueNamePrefix + name + (options.UseFifo ? FifoSuffix : "");
        // SQS names: 1-80 characters of letters, digits, '-' and '_' (plus the .fifo suffix).
        if (full.Length > 80 || !full[..^(options.UseFifo ? FifoSuffix.Length : 0)].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ArgumentException($"'{full}' is not a valid SQS queue name; check Bus:AmazonSqs:QueueNamePrefix.", nameof(options));
        return full;
    }
}
