namespace ChatbotPipeline.Bus.AmazonSqs;

/// <summary>One message as a handler sees it.</summary>
/// <param name="Attributes">The message attributes' string values (message type, id, correlation id).</param>
/// <param name="GroupId">The FIFO message group, null on standard queues.</param>
/// <param name="ReceiveCount">How many times SQS has handed this message out, this time included.</param>
public sealed record SqsDelivery(string SqsMessageId, string Body, IReadOnlyDictionary<string, string> Attributes, string? GroupId, int ReceiveCount);

/// <summary>How a <see cref="SqsReceiver"/> takes messages from its queue.</summary>
public sealed record SqsReceiverOptions
{
    /// <summary>Long-poll wait per receive, in seconds (SQS allows up to 20). Default 20.</summary>
    public int WaitTimeSeconds { get; init; } = 20;

    /// <summary>Messages asked for per receive (SQS allows up to 10). Default 10.</summary>
    public int MaxMessages { get; init; } = 10;

    /// <summary>Handlers running at once. Default 8.</summary>
    public int ConcurrencyLimit { get; init; } = 8;

    /// <summary>
    /// Visibility timeout, in seconds: while a handler runs, its message's invisibility is extended by this much every
    /// half of it, so a slow handler never sees its message handed to another consumer. Default 30.
    /// </summary>
    public int VisibilityTimeoutSeconds { get; init; } = 30;
}
