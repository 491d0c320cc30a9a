using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ChatbotPipeline.ServiceDefaults.Telemetry;

/// <summary>
/// Traces with OpenTelemetry, so one user message is one trace from webhook to reply across the hosts: ASP.NET Core
/// requests, outgoing HTTP (replies, actions), MassTransit's publish and consume spans, and the SQS transport's
/// receive spans (<see cref="SqsTraceContext"/>). Exported over OTLP when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// is set (<c>OTEL_SERVICE_NAME</c> names the service, <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> picks grpc or http/protobuf);
/// off otherwise, unless <c>Telemetry:Tracing</c> turns it on for an exporter added elsewhere (tests). Log lines carry
/// the trace and span ids as a scope, shown by the JSON console formatter (<c>Logging__Console__FormatterName=json</c>).
/// </summary>
public static class TracingExtensions
{
    public const string EnabledKey = "Telemetry:Tracing";

    public static IHostApplicationBuilder AddTracing(this IHostApplicationBuilder builder)
    {
        builder.Logging.Configure(options => options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        // The ids travel as a scope: the JSON formatter writes scopes only when asked.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.JsonConsoleFormatterOptions>(options => options.IncludeScopes = true);
        var endpoint = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrEmpty(endpoint) && !builder.Configuration.GetValue<bool>(EnabledKey))
            return builder;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : builder.Environment.ApplicationName))
            .WithTracing(tracing =>
            {
                tracing.AddSource("MassTransit", SqsTraceContext.SourceName)
                    .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsProbe(context.Request.Path))
                    .AddHttpClientInstrumentation();
                if (!string.IsNullOrEmpty(endpoint))
                    tracing.AddOtlpExporter();
            });
        return builder;
    }

    // Probes and scrapes every few seconds would bury the traces that matter.
    private static bool IsProbe(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics");
}
