using System.Diagnostics;
using ChatbotPipeline.ServiceDefaults.Telemetry;

namespace ChatbotPipeline.Bus.Tests.AmazonSqs;

/// <summary>The W3C trace context an SQS message carries in its attributes, from the sender's span to the receiver's.</summary>
public sealed class SqsTraceContextTests : IDisposable
{
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name is SqsTraceContext.SourceName or "test",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    public SqsTraceContextTests() => ActivitySource.AddActivityListener(_listener);

    [Fact]
    public void The_receivers_span_continues_the_senders_trace_from_the_message_attributes()
    {
        using var source = new ActivitySource("test");
        Dictionary<string, string> attributes;
        string traceId, senderSpan;
        using (var send = source.StartActivity("publish")!)
        {
            send.TraceStateString = "vendor=1";
            attributes = SqsTraceContext.Outgoing().ToDictionary();
            (traceId, senderSpan) = (send.TraceId.ToString(), send.SpanId.ToString());
        }

        using var receive = SqsTraceContext.StartReceive("nlu", attributes)!;

        Assert.Equal(traceId, receive.TraceId.ToString());
        Assert.Equal(senderSpan, receive.ParentSpanId.ToString());
        Assert.Equal("vendor=1", receive.TraceStateString);
        Assert.Equal(ActivityKind.Consumer, receive.Kind);
        Assert.Equal("nlu receive", receive.DisplayName);
    }

    [Fact]
    public void Without_a_span_nothing_is_sent_and_a_message_without_context_starts_a_new_trace()
    {
        Activity.Current = null;

        Assert.Empty(SqsTraceContext.Outgoing());
        using var receive = SqsTraceContext.StartReceive("nlu", new Dictionary<string, string> { ["traceparent"] = "not a traceparent" })!;
        Assert.Equal(default, receive.ParentSpanId);
    }

    public void Dispose() => _listener.Dispose();
}
