namespace ChatbotPipeline.Contracts;

/// <summary>
/// A message failed its last attempt on <paramref name="Queue"/> and its transport moved it to the dead-letter queue
/// without a MassTransit fault (SQS's redrive policy); the notification consumer counts it as MassTransit transports'
/// <c>Fault&lt;T&gt;</c> are counted.
/// </summary>
public sealed record MessageDeadLettered(string Queue, string Reason, DateTimeOffset At);
