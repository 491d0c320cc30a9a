using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatbotPipeline.ServiceDefaults.Bus;

/// <summary>The one place the bus is configured; every host calls it with the consumers it runs.</summary>
public static class BusExtensions
{
    /// <summary>Adds MassTransit on the configured transport with kebab-case queue names and no usage telemetry.</summary>
    /// <param name="registrations">Each adds the consumers of one role (NLU, logging, training...) to the bus.</param>
    public static IHostApplicationBuilder AddPipelineBus(this IHostApplicationBuilder builder, params Action<IBusRegistrationConfigurator>[] registrations)
    {
        builder.Services.AddOptions<BusOptions>().BindConfiguration(BusOptions.Section).ValidateOnStart();
        var transport = builder.Configuration.GetSection(BusOptions.Section).Get<BusOptions>()?.Transport ?? BusTransport.InMemory;

        builder.Services.AddMassTransit(bus =>
        {
            // MassTransit 8.4+ reports usage to the internet at start; a pipeline must not phone home.
            bus.ConfigureUsageTelemetryOptions(options => options.Enabled = false);
            bus.SetKebabCaseEndpointNameFormatter();
            foreach (var register in registrations)
                register(bus);

            switch (transport)
            {
                case BusTransport.InMemory:
                    bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
                    break;
                default:
                    throw new InvalidOperationException($"Bus:Transport '{transport}' is not supported.");
            }
        });
        return builder;
    }
}
