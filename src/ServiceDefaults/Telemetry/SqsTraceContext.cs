using System.Diagnostics;

namespace ChatbotPipeline.ServiceDefaults.Telemetry;

/// <summary>
/// W3C trace context across our SQS transport: the sender's <c>traceparent</c> (and <c>tracestate</c>) travel as
/// message attributes, and the receiver starts its span as that context's child, so the consumer's spans join the
/// sender's trace whichever host and queue they run on.
/// </summary>
public static class SqsTraceContext
{
    public const string SourceName = "ChatbotPipeline.Sqs";
    public const string TraceParentAttribute = "traceparent";
    public const string TraceStateAttribute = "tracestate";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>The current span's context as attributes to send (none when nothing is traced).</summary>
    public static IEnumerable<KeyValuePair<string, string>> Outgoing()
    {
        if (Activity.Current is not { IdFormat: ActivityIdFormat.W3C } current)
            yield break;
        yield return new(TraceParentAttribute, current.Id!);
        if (current.TraceStateString is { Length: > 0 } state)
            yield return new(TraceStateAttribute, state);
    }

    /// <summary>A consumer span for a received message, child of the context it was sent with; null when nobody listens.</summary>
    public static Activity? StartReceive(string queue, IReadOnlyDictionary<string, string> attributes)
    {
        var parent = attributes.TryGetValue(TraceParentAttribute, out var traceParent)
                     && ActivityContext.TryParse(traceParent, attributes.GetValueOrDefault(TraceStateAttribute), isRemote: true, out var context)
            ? context
            : default;
        var activity = Source.StartActivity($"{queue} receive", ActivityKind.Consumer, parent);
        activity?.SetTag("messaging.system", "aws_sqs");
        activity?.SetTag("messaging.destination.name", queue);
        return activity;
    }
}
