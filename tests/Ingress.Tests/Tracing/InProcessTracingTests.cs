using System.Diagnostics;
using ChatbotPipeline.Ingress.Tests.Support;
using OpenTelemetry.Trace;

namespace ChatbotPipeline.Ingress.Tests.Tracing;

/// <summary>On the embedded default (in-memory bus), one webhook message is one trace down to the reply.</summary>
public sealed class InProcessTracingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task A_message_is_one_trace_from_the_webhook_through_every_consumer()
    {
        var spans = new SpanList();
        await using var factory = await new IngressFactory(_folder.Path, settings: new Dictionary<string, string?> { ["Telemetry:Tracing"] = "true" },
            services: services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans))).WhenReadyAsync();
        var admin = factory.CreateAdminClient();

        await Chat.SendAsync(factory.CreateClient(), "traced", "where is my order");
        await Chat.TurnsAsync(admin, "traced", 1);

        var webhook = await spans.WaitForAsync(s => s.Kind == ActivityKind.Server && s.DisplayName.Contains("/webhooks/rest", StringComparison.Ordinal));
        await TraceAssert.ReachesEveryConsumerAsync(() => spans.Snapshot().Where(s => s.TraceId == webhook.TraceId).Select(s => s.DisplayName).ToList());
    }

    public void Dispose() => _folder.Dispose();
}
