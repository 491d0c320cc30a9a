using ChatbotPipeline.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace ChatbotPipeline.ServiceDefaults;

/// <summary>
/// What every host has: one-line logs, the clock, health checks behind liveness and readiness probes, and the
/// process's <see cref="System.Diagnostics.Metrics.Meter"/>s (ours, ASP.NET Core's, HttpClient's; which are left out:
/// <see cref="PrometheusExport"/>) at <c>/metrics</c> in the Prometheus format.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Health checks tagged with this gate <c>/health/ready</c> (Backends tags Redis's check with the same word).</summary>
    public const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        // One line per entry by default; Logging:Console:FormatterName=json picks JSON (AddSimpleConsole would pin "simple").
        builder.Logging.AddConsole();
        // Without a formatter name the console logger falls back to its legacy multi-line format.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(options =>
            options.FormatterName ??= Microsoft.Extensions.Logging.Console.ConsoleFormatterNames.Simple);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.SimpleConsoleFormatterOptions>(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss.fff ";
        });
        // Probes poll readiness every few seconds; an unready check would log an error each time.
        // /health/ready answers with the failing check and its reason instead.
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.Critical);
        // Two lines per outgoing request, and a failed one with its whole stack; the caller logs what went wrong.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.AddTracing();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHealthChecks();
        PrometheusExport.Configure();
        return builder;
    }

    /// <summary>
    /// Maps <c>/health/live</c> (the process answers) and <c>/health/ready</c> (every check tagged
    /// <see cref="ReadyTag"/> passes), in every environment: Kubernetes probes them in production.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        });
        app.MapMetrics("/metrics");
        return app;
    }
}
